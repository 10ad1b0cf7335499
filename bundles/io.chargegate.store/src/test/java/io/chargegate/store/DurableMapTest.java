package io.chargegate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableMapTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cp.mv");
    }

    @Test
    void putGetRemoveAndSize() {
        try (StateStore store = StateStore.open(file())) {
            DurableMap m = store.map("config");
            assertEquals(Optional.empty(), m.get("HeartbeatInterval"));
            m.put("HeartbeatInterval", "300");
            m.put("MeterValueSampleInterval", "60");
            m.put("HeartbeatInterval", "600");
            assertEquals(Optional.of("600"), m.get("HeartbeatInterval"));
            assertEquals(2, m.size());
            assertTrue(m.remove("HeartbeatInterval"));
            assertFalse(m.remove("HeartbeatInterval"));
            assertEquals(Optional.empty(), m.get("HeartbeatInterval"));
            assertEquals(1, m.size());
        }
    }

    @Test
    void snapshotIsOrderedByKeyImmutableAndDetached() {
        try (StateStore store = StateStore.open(file())) {
            DurableMap m = store.map("auth");
            m.put("c", "3");
            m.put("a", "1");
            m.put("b", "2");
            Map<String, String> snapshot = m.snapshot();
            assertEquals(List.of("a", "b", "c"), List.copyOf(snapshot.keySet()));
            m.put("d", "4");
            assertEquals(3, snapshot.size());
            assertThrows(UnsupportedOperationException.class, () -> snapshot.put("x", "y"));
        }
    }

    @Test
    void putAllAndClear() {
        try (StateStore store = StateStore.open(file())) {
            DurableMap m = store.map("localList");
            m.put("old", "x");
            m.putAll(Map.of("TAG1", "{\"status\":\"Accepted\"}", "TAG2", "{\"status\":\"Blocked\"}"));
            assertEquals(Map.of("old", "x", "TAG1", "{\"status\":\"Accepted\"}", "TAG2", "{\"status\":\"Blocked\"}"),
                    m.snapshot());
            m.clear();
            assertEquals(0, m.size());
            assertEquals(Map.of(), m.snapshot());
            m.putAll(Map.of()); // no-op
            assertEquals(0, m.size());
        }
    }

    @Test
    void putAllWithANullValueChangesNothing() {
        try (StateStore store = StateStore.open(file())) {
            DurableMap m = store.map("localList");
            m.put("keep", "1");
            Map<String, String> bad = new HashMap<>();
            bad.put("a", "1");
            bad.put("b", null);
            assertThrows(NullPointerException.class, () -> m.putAll(bad));
            assertEquals(Map.of("keep", "1"), m.snapshot());
        }
    }

    @Test
    void contentSurvivesReopen() {
        try (StateStore store = StateStore.open(file())) {
            DurableMap m = store.map("config");
            m.put("a", "1");
            m.put("b", "2");
            m.putAll(Map.of("c", "3", "d", "4"));
            m.remove("b");
            store.map("cleared").put("x", "y");
            store.map("cleared").clear();
        }
        try (StateStore store = StateStore.open(file())) {
            assertEquals(Map.of("a", "1", "c", "3", "d", "4"), store.map("config").snapshot());
            assertEquals(Map.of(), store.map("cleared").snapshot());
        }
    }

    @Test
    void rejectsNulls() {
        try (StateStore store = StateStore.open(file())) {
            DurableMap m = store.map("config");
            assertThrows(NullPointerException.class, () -> m.put(null, "v"));
            assertThrows(NullPointerException.class, () -> m.put("k", null));
            assertThrows(NullPointerException.class, () -> m.get(null));
            assertEquals(0, m.size());
        }
    }
}
