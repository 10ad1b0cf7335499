package io.chargegate.station.internal;

import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.store.DurableMap;
import io.chargegate.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The local list's crash safety (LL-2): an update interrupted at any store write leaves the old list and version. */
class AuthorizationStoreTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static AuthorizationData accepted(String idTag) {
        return new AuthorizationData(idTag, new IdTagInfo(AuthorizationStatus.ACCEPTED));
    }

    private static AuthorizationStore open(StateStore st, DurableMap meta) {
        return new AuthorizationStore(st.map("authcache"), st.map("locallist"), st.map("locallist.b"), meta, 1000, () -> NOW);
    }

    /** A meta map whose next write of the active-list pointer fails, as a power loss right before it would. */
    private static DurableMap crashingAtSwitch(DurableMap meta) {
        return new DurableMap() {
            @Override
            public Optional<String> get(String key) {
                return meta.get(key);
            }

            @Override
            public void put(String key, String value) {
                throw new IllegalStateException("power lost before writing " + key);
            }

            @Override
            public boolean remove(String key) {
                return meta.remove(key);
            }

            @Override
            public Map<String, String> snapshot() {
                return meta.snapshot();
            }

            @Override
            public void putAll(Map<String, String> entries) {
                throw new IllegalStateException("power lost");
            }

            @Override
            public void clear() {
                meta.clear();
            }

            @Override
            public int size() {
                return meta.size();
            }
        };
    }

    @Test
    void anInterruptedFullOrDifferentialUpdateLeavesTheOldListAndVersion() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            AuthorizationStore store = open(st, st.map("meta"));
            assertEquals(UpdateStatus.ACCEPTED, store.update(1, UpdateType.FULL, List.of(accepted("A"), accepted("B")), -1, -1));
            AuthorizationStore crashing = open(st, crashingAtSwitch(st.map("meta")));
            assertThrows(IllegalStateException.class, () -> crashing.update(2, UpdateType.FULL, List.of(accepted("C")), -1, -1));
            assertThrows(IllegalStateException.class, () -> crashing.update(2, UpdateType.DIFFERENTIAL,
                    List.of(new AuthorizationData("A"), accepted("D")), -1, -1));
            AuthorizationStore restarted = open(st, st.map("meta"));
            assertEquals(1, restarted.localListVersion());
            assertEquals(2, restarted.localListSize());
            assertNotNull(restarted.listed("A", NOW));
            assertNull(restarted.listed("C", NOW));
            assertNull(restarted.listed("D", NOW));
            // and the next update goes through
            assertEquals(UpdateStatus.ACCEPTED, restarted.update(2, UpdateType.DIFFERENTIAL,
                    List.of(new AuthorizationData("A"), accepted("D")), -1, -1));
            assertEquals(2, restarted.localListVersion());
            assertNull(restarted.listed("A", NOW));
            assertNotNull(restarted.listed("D", NOW));
            assertEquals(2, restarted.localListSize());
        }
    }

    @Test
    void updatesAlternateBetweenTheTwoMapsAndSurviveReopening() {
        Path file = dir.resolve("s.mv");
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, st.map("meta"));
            for (int v = 1; v <= 3; v++) {
                assertEquals(UpdateStatus.ACCEPTED, store.update(v, UpdateType.DIFFERENTIAL, List.of(accepted("T" + v)), -1, -1));
            }
            assertEquals(UpdateStatus.FAILED, store.update(4, UpdateType.DIFFERENTIAL, List.of(accepted("T4")), 3, -1));
            assertEquals(UpdateStatus.VERSION_MISMATCH, store.update(3, UpdateType.DIFFERENTIAL, List.of(), -1, -1));
        }
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, st.map("meta"));
            assertEquals(3, store.localListVersion());
            assertEquals(3, store.localListSize());
            assertNotNull(store.listed("T1", NOW));
            assertNull(store.listed(AuthorizationStore.VERSION_KEY, NOW), "the version entry is not an idTag");
        }
    }

    @Test
    void aListWrittenBeforeTheTwoMapLayoutIsRead() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            st.map("locallist").put("OLD", AuthorizationStore.encode(new IdTagInfo(AuthorizationStatus.ACCEPTED)));
            st.map("meta").put("localListVersion", "5");
            AuthorizationStore store = open(st, st.map("meta"));
            assertEquals(5, store.localListVersion());
            assertNotNull(store.listed("OLD", NOW));
            assertEquals(UpdateStatus.VERSION_MISMATCH, store.update(5, UpdateType.DIFFERENTIAL, List.of(), -1, -1));
            assertEquals(UpdateStatus.ACCEPTED, store.update(6, UpdateType.DIFFERENTIAL, List.of(accepted("NEW")), -1, -1));
            assertEquals(6, store.localListVersion());
            assertNotNull(store.listed("OLD", NOW));
            assertNotNull(store.listed("NEW", NOW));
        }
    }

    /** A parent idTag may contain the separator character: it survives encoding whole. */
    @Test
    void aParentIdTagWithTheSeparatorSurvivesTheRoundTrip() {
        IdTagInfo info = new IdTagInfo(Instant.parse("2026-12-01T10:00:00Z"), "GROUP|A|@1", AuthorizationStatus.ACCEPTED);
        assertEquals(info, AuthorizationStore.decode(AuthorizationStore.encode(info)));
        IdTagInfo noExpiry = new IdTagInfo(null, "|", AuthorizationStatus.BLOCKED);
        assertEquals(noExpiry, AuthorizationStore.decode(AuthorizationStore.encode(noExpiry)));
        IdTagInfo bare = new IdTagInfo(AuthorizationStatus.EXPIRED);
        assertEquals(bare, AuthorizationStore.decode(AuthorizationStore.encode(bare)));
    }

    @Test
    void listedIdsAreNotCached() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            AuthorizationStore store = open(st, st.map("meta"));
            store.updateCache("X", new IdTagInfo(AuthorizationStatus.ACCEPTED));
            store.update(1, UpdateType.FULL, List.of(accepted("X"), accepted("Y")), -1, -1);
            assertNull(store.cached("X", NOW), "dropped from the cache when listed");
            store.updateCache("Y", new IdTagInfo(AuthorizationStatus.BLOCKED));
            assertNull(store.cached("Y", NOW));
        }
    }
}
