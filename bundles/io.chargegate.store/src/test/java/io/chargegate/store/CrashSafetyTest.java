package io.chargegate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends to the store with SIGKILL ({@code destroyForcibly}) mid-way, twice (see also
 * {@link RandomKillCrashTest} for many kills at random points), and checks that
 * every append the process had acknowledged is in the store, in order, with its sequence number.
 */
class CrashSafetyTest {

    private static final int KILL_AFTER_ACKS = 150;

    @TempDir
    Path dir;

    /** An acknowledged append. */
    private record Ack(int index, long seq) {
    }

    @Test
    void everyAcknowledgedAppendSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("cp.mv");
        List<Ack> acks = new ArrayList<>();
        acks.addAll(runAndKill(file, 0)); // fresh file
        acks.addAll(runAndKill(file, 1_000_000)); // reopens the uncleanly left file, recovers, is killed again

        try (StateStore store = StateStore.open(file)) {
            List<QueueEntry> entries = store.queue("outbound").entries();
            int pos = 0;
            for (Ack ack : acks) {
                // entries not acknowledged (appended just before the kill) may be there, acknowledged ones must
                while (pos < entries.size() && entries.get(pos).seq() < ack.seq()) {
                    pos++;
                }
                if (pos == entries.size()) {
                    fail("acknowledged append " + ack + " lost; store has " + entries.size() + " entries");
                }
                assertEquals(new QueueEntry(ack.seq(), "entry-" + ack.index()), entries.get(pos));
            }
            for (int i = 1; i < entries.size(); i++) {
                assertTrue(entries.get(i).seq() > entries.get(i - 1).seq());
            }
            // at most one unacknowledged append per run can have made it
            assertTrue(entries.size() <= acks.size() + 2, entries.size() + " entries for " + acks.size() + " acks");
            int lastAcked = acks.get(acks.size() - 1).index();
            int lastRecorded = Integer.parseInt(store.map("progress").get("last").orElseThrow());
            assertTrue(lastRecorded == lastAcked || lastRecorded == lastAcked + 1, "progress " + lastRecorded);
            long next = store.queue("outbound").append("after");
            assertTrue(next > entries.get(entries.size() - 1).seq());
        }
    }

    private List<Ack> runAndKill(Path file, int first) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "child", ".out");
        Path stderr = Files.createTempFile(dir, "child", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // output to a file, not a pipe: destroyForcibly() closes the pipe, the file keeps every ACK written
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                file.toString(), Integer.toString(first), "1000000")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (readAcks(stdout).size() < KILL_AFTER_ACKS) {
                if (!child.isAlive()) {
                    fail("child ended before it was killed: " + Files.readString(stderr));
                }
                if (System.nanoTime() > deadline) {
                    fail("child too slow: " + readAcks(stdout).size() + " acks; " + Files.readString(stderr));
                }
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        List<Ack> acks = readAcks(stdout); // every ACK written before the kill counts
        assertTrue(acks.size() >= KILL_AFTER_ACKS);
        return acks;
    }

    private static List<Ack> readAcks(Path stdout) throws IOException {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        List<Ack> acks = new ArrayList<>();
        int lineStart = 0;
        int nl;
        while ((nl = text.indexOf('\n', lineStart)) >= 0) { // complete lines only
            String line = text.substring(lineStart, nl);
            lineStart = nl + 1;
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ");
                acks.add(new Ack(Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
            }
        }
        return acks;
    }
}
