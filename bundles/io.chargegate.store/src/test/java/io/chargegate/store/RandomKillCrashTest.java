package io.chargegate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked JVM appends transaction messages to the durable queue and removes confirmed ones; it is killed with
 * SIGKILL at a random point, {@value #ROUNDS} times on the same file. After each restart: every acknowledged append
 * that was not confirmed is there, in order, exactly once; every confirmed removal stays removed; nothing else.
 */
class RandomKillCrashTest {

    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    void queueSurvivesRepeatedKillMinus9AtRandomPoints() throws Exception {
        Path file = dir.resolve("cp.mv");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        // the queue as the store must hold it: acknowledged appends minus reported removals, by sequence number
        TreeMap<Long, String> expected = new TreeMap<>();
        int killed = 0;
        for (int run = 0; run < ROUNDS; run++) {
            String label = "seed " + seed + ", run " + run;
            int killAfter = 5 + random.nextInt(120); // a random point in the write stream
            List<String[]> events = runAndKill(file, run, random.nextLong(), killAfter, label);
            long maxAcked = 0;
            for (String[] event : events) {
                if (event[0].equals("OPEN")) {
                    assertEquals(expected.keySet().toString(), event[2].substring(event[2].indexOf('[')).trim(),
                            label + ": the child opened a different queue than the test read after the last kill");
                    continue;
                }
                long seq = Long.parseLong(event[1]);
                if (event[0].equals("ACK")) {
                    expected.put(seq, event[2]);
                    maxAcked = seq;
                } else {
                    assertEquals(expected.firstKey(), seq, label + ": the child removes the head");
                    expected.remove(seq);
                }
            }
            killed++;
            try (StateStore store = StateStore.open(file)) {
                List<QueueEntry> entries = store.queue("transactions").entries();
                TreeMap<Long, String> actual = new TreeMap<>();
                Set<String> values = new HashSet<>();
                for (int i = 0; i < entries.size(); i++) {
                    QueueEntry e = entries.get(i);
                    assertTrue(i == 0 || e.seq() > entries.get(i - 1).seq(), label + ": queue order broken at " + e);
                    assertTrue(values.add(e.value()), label + ": duplicate message " + e.value());
                    actual.put(e.seq(), e.value());
                }
                // in flight at the kill: at most one append not yet acknowledged (newer than every ACK) and at most
                // one removal of the head not yet reported; everything else must match exactly
                TreeMap<Long, String> acknowledgedPart = new TreeMap<>(actual.headMap(maxAcked, true));
                if (!expected.isEmpty() && !acknowledgedPart.containsKey(expected.firstKey())) {
                    expected.remove(expected.firstKey()); // the head's removal completed just before the kill
                }
                assertEquals(expected, acknowledgedPart, label + ": acknowledged messages lost, changed or resurrected");
                assertTrue(actual.size() - acknowledgedPart.size() <= 1,
                        label + ": more than one unacknowledged append survived: " + actual.tailMap(maxAcked, false));
                expected = actual; // what survived is the starting point of the next run
            }
        }
        assertEquals(ROUNDS, killed);
    }

    private List<String[]> runAndKill(Path file, int run, long childSeed, int killAfter, String label)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "child", ".out");
        Path stderr = Files.createTempFile(dir, "child", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), QueueCrashChild.class.getName(),
                file.toString(), Integer.toString(run), Long.toString(childSeed))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (countAcks(stdout) < killAfter) {
                if (!child.isAlive()) {
                    fail(label + ": child ended before it was killed: " + Files.readString(stderr));
                }
                if (System.nanoTime() > deadline) {
                    fail(label + ": child too slow; " + Files.readString(stderr));
                }
                Thread.sleep(2);
            }
            child.destroyForcibly(); // SIGKILL
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), label + ": killed by SIGKILL");
        return readEvents(stdout);
    }

    private static int countAcks(Path stdout) throws IOException {
        int n = 0;
        for (String[] e : readEvents(stdout)) {
            if (e[0].equals("ACK")) {
                n++;
            }
        }
        return n;
    }

    private static List<String[]> readEvents(Path stdout) throws IOException {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        List<String[]> events = new ArrayList<>();
        int lineStart = 0;
        int nl;
        while ((nl = text.indexOf('\n', lineStart)) >= 0) { // complete lines only
            String line = text.substring(lineStart, nl);
            lineStart = nl + 1;
            if (line.startsWith("ACK ") || line.startsWith("DEL ") || line.startsWith("OPEN ")) {
                events.add(line.split(" ", 3));
            }
        }
        return events;
    }
}
