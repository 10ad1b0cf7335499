package io.chargegate.station.internal;

import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The size bound of the authorization cache: eviction order, durability of the order and the bound, ClearCache. */
class AuthorizationCacheLimitTest {
    private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED);

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private AuthorizationStore open(StateStore st, int capacity) {
        return new AuthorizationStore(st.map("authcache"), st.map("locallist"), st.map("locallist.b"), st.map("meta"),
                capacity, now::get);
    }

    /** The idTags the cache holds, looked at without counting as a use. */
    private Set<String> cachedIds(AuthorizationStore store, String... candidates) {
        Set<String> out = new TreeSet<>();
        for (String c : candidates) {
            if (store.peekCached(c, now.get()) != null) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void aFullCacheEvictsTheLeastRecentlyUsedEntry() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            AuthorizationStore store = open(st, 3);
            store.updateCache("A", ACCEPTED);
            store.updateCache("B", ACCEPTED);
            store.updateCache("C", ACCEPTED);
            assertNotNull(store.cached("A", now.get()), "A used: now the most recent");
            store.updateCache("D", ACCEPTED);
            assertEquals(Set.of("A", "C", "D"), cachedIds(store, "A", "B", "C", "D"), "B was the least recently used");
            store.updateCache("C", new IdTagInfo(AuthorizationStatus.ACCEPTED)); // refreshed by a CSMS answer
            store.updateCache("E", ACCEPTED);
            assertEquals(Set.of("C", "D", "E"), cachedIds(store, "A", "B", "C", "D", "E"), "A was the least recently used");
            assertEquals(3, store.cacheSize());
        }
    }

    @Test
    void updatingAnIdAlreadyCachedEvictsNothing() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            AuthorizationStore store = open(st, 2);
            store.updateCache("A", ACCEPTED);
            store.updateCache("B", ACCEPTED);
            store.updateCache("A", new IdTagInfo(AuthorizationStatus.BLOCKED));
            assertEquals(Set.of("A", "B"), cachedIds(store, "A", "B"));
            assertEquals(AuthorizationStatus.BLOCKED, store.peekCached("A", now.get()).status());
        }
    }

    @Test
    void entriesThatAreNotValidGoFirstThenTheLeastRecentlyUsed() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            AuthorizationStore store = open(st, 4);
            store.updateCache("OLD", ACCEPTED);
            store.updateCache("BLOCKED", new IdTagInfo(AuthorizationStatus.BLOCKED));
            store.updateCache("EXPIRING", new IdTagInfo(now.get().plus(Duration.ofHours(1)), null, AuthorizationStatus.ACCEPTED));
            store.updateCache("NEW", ACCEPTED);
            store.updateCache("X1", ACCEPTED);
            assertEquals(Set.of("OLD", "EXPIRING", "NEW", "X1"), cachedIds(store, "OLD", "BLOCKED", "EXPIRING", "NEW", "X1"),
                    "the Blocked entry goes before the older Accepted one");
            now.set(now.get().plus(Duration.ofHours(2))); // EXPIRING is past its expiry date now
            store.updateCache("X2", ACCEPTED);
            assertEquals(Set.of("OLD", "NEW", "X1", "X2"), cachedIds(store, "OLD", "EXPIRING", "NEW", "X1", "X2"),
                    "an Accepted entry past its expiry date is not valid: it goes before the older valid one");
            store.updateCache("X3", ACCEPTED);
            assertEquals(Set.of("NEW", "X1", "X2", "X3"), cachedIds(store, "OLD", "NEW", "X1", "X2", "X3"),
                    "no invalid entry left: the least recently used goes");
        }
    }

    @Test
    void theUseOrderAndTheBoundSurviveARestart() {
        Path file = dir.resolve("s.mv");
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, 5);
            for (String id : List.of("A", "B", "C", "D", "E")) {
                store.updateCache(id, ACCEPTED);
            }
            store.cached("A", now.get()); // order of use now: B C D E A
        }
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, 5);
            assertEquals(5, store.cacheSize());
            store.updateCache("F", ACCEPTED);
            assertEquals(Set.of("A", "C", "D", "E", "F"), cachedIds(store, "A", "B", "C", "D", "E", "F"),
                    "B, the least recently used before the restart, goes");
        }
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, 2); // capacity lowered: cut down when opened
            assertEquals(2, store.cacheSize());
            assertEquals(2, st.map("authcache").size(), "cut down in the store too");
            assertEquals(Set.of("A", "F"), cachedIds(store, "A", "C", "D", "E", "F"));
            store.updateCache("G", ACCEPTED);
            assertEquals(2, store.cacheSize());
        }
        try (StateStore st = StateStore.open(file)) {
            assertEquals(2, open(st, 2).cacheSize());
        }
    }

    @Test
    void aCacheWrittenBeforeTheBoundIsReadAndItsEntriesCountAsOldest() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            st.map("authcache").put("LEGACY1", AuthorizationStore.encode(ACCEPTED));
            st.map("authcache").put("LEGACY2", AuthorizationStore.encode(new IdTagInfo(null, "PARENT", AuthorizationStatus.ACCEPTED)));
            AuthorizationStore store = open(st, 3);
            assertEquals("PARENT", store.peekCached("LEGACY2", now.get()).parentIdTag());
            store.updateCache("NEW", ACCEPTED);
            store.updateCache("NEWER", ACCEPTED);
            assertEquals(3, store.cacheSize());
            assertNull(store.peekCached("LEGACY1", now.get()), "an entry without use number is the oldest");
            assertNotNull(store.peekCached("LEGACY2", now.get()));
        }
    }

    @Test
    void sizeZeroCachesNothingAndEmptiesAnExistingCache() {
        Path file = dir.resolve("s.mv");
        try (StateStore st = StateStore.open(file)) {
            open(st, 10).updateCache("A", ACCEPTED);
        }
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, 0);
            assertEquals(0, store.cacheSize());
            store.updateCache("B", ACCEPTED);
            assertNull(store.cached("B", now.get()));
            assertEquals(0, st.map("authcache").size());
        }
    }

    @Test
    void clearCacheEmptiesTheBoundedCacheDurably() {
        Path file = dir.resolve("s.mv");
        try (StateStore st = StateStore.open(file)) {
            AuthorizationStore store = open(st, 2);
            store.updateCache("A", ACCEPTED);
            store.updateCache("B", ACCEPTED);
            store.clearCache();
            assertEquals(0, store.cacheSize());
            assertNull(store.cached("A", now.get()));
            store.updateCache("C", ACCEPTED);
            store.updateCache("D", ACCEPTED);
            assertEquals(Set.of("C", "D"), cachedIds(store, "A", "B", "C", "D"), "the full capacity is free again");
            store.clearCache();
        }
        try (StateStore st = StateStore.open(file)) {
            assertEquals(0, open(st, 2).cacheSize());
        }
    }

    @Test
    void anIdPutOnTheLocalListLeavesTheCacheAndFreesItsPlace() {
        try (StateStore st = StateStore.open(dir.resolve("s.mv"))) {
            AuthorizationStore store = open(st, 2);
            store.updateCache("A", ACCEPTED);
            store.updateCache("B", ACCEPTED);
            store.update(1, UpdateType.FULL, List.of(new AuthorizationData("A", ACCEPTED)), -1, -1);
            assertEquals(1, store.cacheSize());
            store.updateCache("C", ACCEPTED);
            assertEquals(Set.of("B", "C"), cachedIds(store, "A", "B", "C"), "nothing evicted: A's place was free");
        }
    }
}
