package io.chargegate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cp.mv");
    }

    @Test
    void appendsInFifoOrderWithIncreasingSequenceNumbers() {
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            assertTrue(q.peek().isEmpty());
            assertEquals(0, q.size());
            long a = q.append("a");
            long b = q.append("b");
            long c = q.append("c");
            assertTrue(a > 0 && a < b && b < c);
            assertEquals(Optional.of(new QueueEntry(a, "a")), q.peek());
            assertEquals(List.of(new QueueEntry(a, "a"), new QueueEntry(b, "b"), new QueueEntry(c, "c")), q.entries());
            assertEquals(3, q.size());
        }
    }

    @Test
    void removesAnywhereAndReportsWhetherPresent() {
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            long a = q.append("a");
            long b = q.append("b");
            long c = q.append("c");
            assertTrue(q.remove(b));
            assertFalse(q.remove(b));
            assertEquals(List.of(new QueueEntry(a, "a"), new QueueEntry(c, "c")), q.entries());
            assertTrue(q.remove(a));
            assertEquals(Optional.of(new QueueEntry(c, "c")), q.peek());
            assertFalse(q.remove(12345));
            assertEquals(1, q.size());
        }
    }

    @Test
    void replaceKeepsSequenceAndPositionAndNeverAdds() {
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            long a = q.append("{\"transactionId\":-1}");
            long b = q.append("b");
            assertTrue(q.replace(a, "{\"transactionId\":42}"));
            assertEquals(List.of(new QueueEntry(a, "{\"transactionId\":42}"), new QueueEntry(b, "b")), q.entries());
            assertFalse(q.replace(b + 1, "x"));
            assertEquals(2, q.size());
        }
    }

    @Test
    void entriesAndSequenceNumbersSurviveReopen() {
        long a;
        long b;
        long c;
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            a = q.append("a");
            b = q.append("b");
            c = q.append("c");
            q.remove(a);
            q.replace(c, "c2");
        }
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            assertEquals(List.of(new QueueEntry(b, "b"), new QueueEntry(c, "c2")), q.entries());
            long d = q.append("d");
            assertTrue(d > c, "sequence continues after restart");
        }
    }

    @Test
    void sequenceNeverRepeatsAfterTheQueueWasEmptiedAndReopened() {
        long last;
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            q.append("a");
            last = q.append("b");
            q.remove(last - 1);
            q.remove(last);
            assertEquals(0, q.size());
        }
        try (StateStore store = StateStore.open(file())) {
            assertTrue(store.queue("outbound").append("c") > last);
        }
    }

    @Test
    void queuesAreIndependentAndCachedByName() {
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q1 = store.queue("one");
            DurableQueue q2 = store.queue("two");
            assertSame(q1, store.queue("one"));
            q1.append("x");
            assertEquals(0, q2.size());
            assertEquals(1, q1.size());
            // a map of the same name is a different thing
            assertTrue(store.map("one").snapshot().isEmpty());
        }
    }

    @Test
    void snapshotIsImmutableAndDetached() {
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            q.append("a");
            List<QueueEntry> snapshot = q.entries();
            q.append("b");
            assertEquals(1, snapshot.size());
            assertThrows(UnsupportedOperationException.class, () -> snapshot.add(new QueueEntry(9, "z")));
        }
    }

    @Test
    void rejectsNullsAndBadNames() {
        try (StateStore store = StateStore.open(file())) {
            DurableQueue q = store.queue("outbound");
            assertThrows(NullPointerException.class, () -> q.append(null));
            long a = q.append("a");
            assertThrows(NullPointerException.class, () -> q.replace(a, null));
            assertThrows(IllegalArgumentException.class, () -> store.queue(""));
            assertThrows(NullPointerException.class, () -> store.queue(null));
            assertEquals(List.of(new QueueEntry(a, "a")), q.entries());
        }
    }

    @Test
    void operationsAfterCloseFail() {
        StateStore store = StateStore.open(file());
        DurableQueue q = store.queue("outbound");
        store.close();
        store.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> q.append("a"));
        assertThrows(IllegalStateException.class, q::peek);
        assertThrows(IllegalStateException.class, () -> store.queue("other"));
    }
}
