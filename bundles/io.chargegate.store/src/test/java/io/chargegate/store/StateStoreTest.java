package io.chargegate.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargegate.store.internal.MvStateStoreFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void countersStartAtOneAndSurviveRestart() {
        Path file = dir.resolve("cp.mv");
        try (StateStore store = StateStore.open(file)) {
            assertEquals(1, store.nextSequence("transactionId"));
            assertEquals(2, store.nextSequence("transactionId"));
            assertEquals(1, store.nextSequence("other"));
        }
        try (StateStore store = StateStore.open(file)) {
            assertEquals(3, store.nextSequence("transactionId"));
            assertEquals(2, store.nextSequence("other"));
        }
    }

    @Test
    void concurrentAppendsKeepEveryEntryInPerThreadOrder() throws Exception {
        int threads = 6;
        int perThread = 150;
        Path file = dir.resolve("cp.mv");
        try (StateStore store = StateStore.open(file)) {
            DurableQueue q = store.queue("outbound");
            DurableMap m = store.map("last");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(q.append(thread + ":" + i));
                        m.put("t" + thread, Integer.toString(i));
                    }
                    return seqs;
                }));
            }
            start.countDown();
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : results) {
                List<Long> seqs = f.get(60, TimeUnit.SECONDS);
                for (int i = 1; i < seqs.size(); i++) {
                    assertTrue(seqs.get(i) > seqs.get(i - 1), "a thread's appends are ordered");
                }
                all.addAll(seqs);
            }
            pool.shutdown();
            assertEquals(threads * perThread, all.size(), "every sequence number unique");
            assertEquals(threads * perThread, q.size());
        }
        try (StateStore store = StateStore.open(file)) {
            List<QueueEntry> entries = store.queue("outbound").entries();
            assertEquals(threads * perThread, entries.size());
            Map<Integer, Integer> nextPerThread = new HashMap<>();
            for (QueueEntry e : entries) {
                String[] parts = e.value().split(":");
                int thread = Integer.parseInt(parts[0]);
                int i = Integer.parseInt(parts[1]);
                assertEquals(nextPerThread.getOrDefault(thread, 0), i, "per-thread FIFO order on disk");
                nextPerThread.put(thread, i + 1);
            }
            for (int t = 0; t < threads; t++) {
                assertEquals(perThread, nextPerThread.get(t));
                assertEquals(String.valueOf(perThread - 1), store.map("last").get("t" + t).orElseThrow());
            }
        }
    }

    @Test
    void garbageFileFailsWithCorruptNamingTheFileAndIsLeftUntouched() throws Exception {
        Path file = dir.resolve("garbage.mv");
        byte[] garbage = new byte[16 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class, () -> StateStore.open(file));
        assertEquals(StoreException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertEquals(file.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertNotNull(e.getCause());
        assertArrayEquals(garbage, Files.readAllBytes(file), "a corrupt file is never modified");
    }

    @Test
    void textFileFailsWithCorrupt() throws Exception {
        Path file = dir.resolve("text.mv");
        Files.writeString(file, "this is not a store\n".repeat(300), StandardCharsets.UTF_8);
        StoreException e = assertThrows(StoreException.class, () -> StateStore.open(file));
        assertEquals(StoreException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("text.mv"), e.getMessage());
    }

    @Test
    void storeWithBothHeadersAndLastChunkDestroyedFailsInsteadOfStartingEmpty() throws Exception {
        Path file = dir.resolve("cp.mv");
        try (StateStore store = StateStore.open(file)) {
            store.queue("outbound").append("precious");
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = bytes.clone();
        new Random(7).nextBytes(damaged); // overwrite all of it, same length
        Files.write(file, damaged);
        StoreException e = assertThrows(StoreException.class, () -> StateStore.open(file));
        assertEquals(StoreException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(file));
    }

    @Test
    void secondOpenOfTheSameFileFailsWithLockedAndFirstStaysUsable() {
        Path file = dir.resolve("cp.mv");
        try (StateStore first = StateStore.open(file)) {
            first.queue("outbound").append("a");
            StoreException e = assertThrows(StoreException.class, () -> StateStore.open(file));
            assertEquals(StoreException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
            first.queue("outbound").append("b");
            assertEquals(2, first.queue("outbound").size());
        }
        try (StateStore again = StateStore.open(file)) {
            assertEquals(2, again.queue("outbound").size());
        }
    }

    @Test
    void createsMissingDirectoriesAndRejectsADirectory() {
        Path file = dir.resolve("data/stations/CP-1.mv");
        try (StateStore store = StateStore.open(file)) {
            assertEquals(file.toAbsolutePath(), store.file());
        }
        assertTrue(Files.isRegularFile(file));
        StoreException e = assertThrows(StoreException.class, () -> StateStore.open(dir));
        assertEquals(StoreException.Kind.IO, e.kind());
    }

    @Test
    void factoryServiceOpensStores() {
        StateStoreFactory factory = new MvStateStoreFactory();
        Path file = dir.resolve("cp.mv");
        try (StateStore store = factory.open(file)) {
            store.map("m").put("k", "v");
        }
        try (StateStore store = factory.open(file)) {
            assertEquals("v", store.map("m").get("k").orElseThrow());
        }
    }

    @Test
    void fileStaysSmallUnderAStreamOfQueueWrites() throws Exception {
        // every write is a new MVStore chunk; with MVStore's default 45 s retention these 800 writes grow it to 4.5 MB (measured)
        Path file = dir.resolve("cp.mv");
        String message = "[2,\"1\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]";
        try (StateStore store = StateStore.open(file)) {
            DurableQueue q = store.queue("outbound");
            store.map("config").putAll(Map.of("HeartbeatInterval", "300", "MeterValueSampleInterval", "60"));
            for (int i = 0; i < 400; i++) {
                long seq = q.append(message);
                if (i >= 10) {
                    assertTrue(q.remove(seq - 10));
                }
            }
            assertEquals(10, q.size());
            long size = Files.size(file);
            // bounded by the write burst within MVStore's retention time (about 11 KB per write here), not by history
            assertTrue(size < 16 * 1024 * 1024, "file size " + size);
        }
        try (StateStore store = StateStore.open(file)) {
            assertEquals(10, store.queue("outbound").size());
            assertEquals("300", store.map("config").get("HeartbeatInterval").orElseThrow());
        }
    }

    @Test
    void manyStoresOpenAtOnce() {
        List<StateStore> stores = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                StateStore s = StateStore.open(dir.resolve("cp-" + i + ".mv"));
                stores.add(s);
                s.queue("outbound").append("from " + i);
            }
            for (int i = 0; i < stores.size(); i++) {
                assertEquals("from " + i, stores.get(i).queue("outbound").peek().orElseThrow().value());
            }
        } finally {
            stores.forEach(StateStore::close);
        }
    }
}
