package io.chargegate.driver.simulator.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extracting the gateway log events of a window from the current and rolled log files. */
class GatewayLogCollectorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final long NO_CAP = Long.MAX_VALUE;

    @TempDir
    Path dir;

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** A plain log file, last modified at {@link #NOW} (tests do not depend on the machine's clock). */
    private Path plain(String name, String... lines) throws IOException {
        Path file = Files.writeString(dir.resolve(name), lines(lines), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(NOW));
        return file;
    }

    /** A gzip log file, last modified at {@link #NOW}. */
    private Path gz(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(lines(lines).getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(file, FileTime.from(NOW));
        return file;
    }

    private record Collected(String text, GatewayLogCollector.Plan plan, GatewayLogCollector.Result result) {
    }

    private Collected collect(Instant from, Instant to, long cap) throws IOException {
        GatewayLogCollector collector = new GatewayLogCollector(dir, cap);
        GatewayLogCollector.Plan plan = collector.plan(from, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GatewayLogCollector.Result result = collector.write(plan, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(result.bytes(), out.size(), "reported bytes are the bytes written");
        return new Collected(text, plan, result);
    }

    private static Instant t(String text) {
        return Instant.parse(text);
    }

    @Test
    void timestampsInUtcAndWithOffsets() {
        assertEquals(t("2026-11-25T13:19:16.123Z"), GatewayLogCollector.timestamp("2026-11-25T13:19:16.123Z INFO X - m"));
        assertEquals(t("2026-11-25T12:19:16.123Z"),
                GatewayLogCollector.timestamp("2026-11-25T13:19:16.123+01:00 INFO X - m"));
        assertEquals(t("2026-11-25T18:49:16.123Z"),
                GatewayLogCollector.timestamp("2026-11-25T13:19:16.123-05:30 WARN X - m"));
        assertEquals(t("2026-11-25T13:19:16Z"), GatewayLogCollector.timestamp("2026-11-25T13:19:16.000Z "));
    }

    @Test
    void linesWithoutALeadingTimestampAreContinuations() {
        for (String line : List.of("", "\tat io.chargegate.X.run(X.java:12)", "Caused by: java.io.IOException: x",
                "java.lang.IllegalStateException: 2026-11-25T13:19:16.123Z in the message",
                "2026-11-25T13:19:16.123Z", "2026-11-25T13:19:16.123ZINFO glued", "2026-11-25 13:19:16.123Z INFO",
                "2026-11-25T13:19:16Z INFO no millis", "2026-11-25T13:19:16.123+0100 INFO short offset",
                "2026-13-25T13:19:16.123Z INFO month 13", "2026-02-30T13:19:16.123Z INFO no such day",
                "  2026-11-25T13:19:16.123Z INFO indented")) {
            assertNull(GatewayLogCollector.timestamp(line), line);
        }
    }

    @Test
    void eventsOfTheWindowWithTheirStackTraces() throws IOException {
        plain("chargegate.log",
                "2026-11-25T10:00:00.000Z INFO A - before",
                "java.lang.IllegalStateException: before",
                "\tat A.a(A.java:1)",
                "2026-11-25T11:00:00.000Z WARN B - first in window",
                "java.io.IOException: boom",
                "\tat B.b(B.java:2)",
                "Caused by: java.net.ConnectException: refused",
                "2026-11-25T11:30:00.000Z INFO C - second",
                "2026-11-25T12:00:00.001Z ERROR D - after",
                "\tat D.d(D.java:4)");
        Collected c = collect(t("2026-11-25T11:00:00Z"), t("2026-11-25T12:00:00Z"), NO_CAP);
        assertEquals(lines(
                "2026-11-25T11:00:00.000Z WARN B - first in window",
                "java.io.IOException: boom",
                "\tat B.b(B.java:2)",
                "Caused by: java.net.ConnectException: refused",
                "2026-11-25T11:30:00.000Z INFO C - second"), c.text());
        assertEquals(2, c.result().events());
        assertFalse(c.result().truncated());
        assertEquals(List.of("chargegate.log"), c.result().files());
        assertEquals(List.of(), List.copyOf(c.result().notes()));
    }

    @Test
    void offsetsAreComparedAsInstantsAndTheWindowIsInclusive() throws IOException {
        plain("chargegate.log",
                "2026-11-25T11:59:59.999+01:00 INFO A - 10:59:59.999Z, before",
                "2026-11-25T12:00:00.000+01:00 INFO B - 11:00Z, the start",
                "2026-11-25T06:30:00.000-05:00 INFO C - 11:30Z",
                "2026-11-25T12:00:00.000Z INFO D - the end",
                "2026-11-25T13:00:00.001+01:00 INFO E - 12:00:00.001Z, after");
        Collected c = collect(t("2026-11-25T11:00:00Z"), t("2026-11-25T12:00:00Z"), NO_CAP);
        assertEquals(lines(
                "2026-11-25T12:00:00.000+01:00 INFO B - 11:00Z, the start",
                "2026-11-25T06:30:00.000-05:00 INFO C - 11:30Z",
                "2026-11-25T12:00:00.000Z INFO D - the end"), c.text());
    }

    @Test
    void rolledFilesOldestFirstGzAndPlainThenTheCurrentFile() throws IOException {
        // names that sort wrongly as text (.10 before .9) and modification times in the wrong order:
        // the order comes from the first event of each file
        Path p10 = gz("chargegate-2026-11-24.10.log.gz",
                "2026-11-24T20:00:00.000Z INFO C - third", "\tat c");
        Path p9 = gz("chargegate-2026-11-24.9.log.gz", "2026-11-24T10:00:00.000Z INFO B - second");
        Path p0 = plain("chargegate-2026-11-23.0.log", "2026-11-23T08:00:00.000Z INFO A - first");
        Path current = plain("chargegate.log", "2026-11-25T09:00:00.000Z INFO D - current");
        Files.setLastModifiedTime(p0, FileTime.from(t("2026-11-25T17:00:00Z")));
        Files.setLastModifiedTime(p9, FileTime.from(t("2026-11-25T16:00:00Z")));
        Files.setLastModifiedTime(p10, FileTime.from(t("2026-11-25T15:00:00Z")));
        Files.setLastModifiedTime(current, FileTime.from(t("2026-11-25T14:00:00Z")));
        plain("other.log", "2026-11-24T12:00:00.000Z INFO X - not a gateway log file");
        plain("chargegate-2026-11-24.1.log.gz.tmp", "2026-11-24T12:00:00.000Z INFO X - neither");

        Collected c = collect(null, NOW, NO_CAP);
        assertEquals(lines(
                "2026-11-23T08:00:00.000Z INFO A - first",
                "2026-11-24T10:00:00.000Z INFO B - second",
                "2026-11-24T20:00:00.000Z INFO C - third", "\tat c",
                "2026-11-25T09:00:00.000Z INFO D - current"), c.text());
        assertEquals(List.of("chargegate-2026-11-23.0.log", "chargegate-2026-11-24.9.log.gz",
                "chargegate-2026-11-24.10.log.gz", "chargegate.log"), c.result().files());
        assertEquals(4, c.result().events());
    }

    @Test
    void sameFirstTimestampFallsBackToNaturalNameOrder() {
        List<String> names = Arrays.asList("chargegate-2026-11-24.10.log.gz", "chargegate-2026-11-24.2.log.gz",
                "chargegate-2026-11-24.1.log.gz", "chargegate-2026-11-23.11.log");
        names.sort(GatewayLogCollector::compareNatural);
        assertEquals(List.of("chargegate-2026-11-23.11.log", "chargegate-2026-11-24.1.log.gz",
                "chargegate-2026-11-24.2.log.gz", "chargegate-2026-11-24.10.log.gz"), names);
    }

    @Test
    void continuationLinesAtTheTopOfAFileFollowTheEventBeforeIt() throws IOException {
        gz("chargegate-2026-11-25.0.log.gz",
                "2026-11-25T10:00:00.000Z INFO A - out",
                "2026-11-25T11:00:00.000Z ERROR B - in, its trace continues in the next file",
                "java.lang.IllegalStateException: b");
        plain("chargegate.log",
                "\tat B.b(B.java:2)",
                "2026-11-25T11:10:00.000Z INFO C - in");
        Collected c = collect(t("2026-11-25T10:30:00Z"), NOW, NO_CAP);
        assertEquals(lines(
                "2026-11-25T11:00:00.000Z ERROR B - in, its trace continues in the next file",
                "java.lang.IllegalStateException: b",
                "\tat B.b(B.java:2)",
                "2026-11-25T11:10:00.000Z INFO C - in"), c.text());
    }

    @Test
    void nullFromTakesEverythingUpToTo() throws IOException {
        plain("chargegate.log",
                "orphan line of an event whose start was rolled away and deleted",
                "2020-01-01T00:00:00.000Z INFO A - old",
                "2026-11-25T17:59:59.999Z INFO B - just before to",
                "2026-11-25T18:00:00.001Z INFO C - after to");
        Collected c = collect(null, NOW, NO_CAP);
        assertEquals(lines(
                "orphan line of an event whose start was rolled away and deleted",
                "2020-01-01T00:00:00.000Z INFO A - old",
                "2026-11-25T17:59:59.999Z INFO B - just before to"), c.text());
        assertEquals(2, c.result().events());
    }

    @Test
    void filesLastModifiedBeforeTheWindowAndFilesStartingAfterItAreNotRead() throws IOException {
        Path old = gz("chargegate-2026-11-20.0.log.gz", "2026-11-25T11:00:00.000Z INFO A - inside, but the file is old");
        Files.setLastModifiedTime(old, FileTime.from(t("2026-11-20T23:59:59Z")));
        gz("chargegate-2026-11-25.0.log.gz", "2026-11-25T11:30:00.000Z INFO B - inside");
        gz("chargegate-2026-11-25.1.log.gz", "2026-11-25T13:00:00.000Z INFO C - after the window");
        plain("chargegate.log", "2026-11-25T14:00:00.000Z INFO D - after the window");
        Collected c = collect(t("2026-11-25T10:00:00Z"), t("2026-11-25T12:00:00Z"), NO_CAP);
        assertEquals(lines("2026-11-25T11:30:00.000Z INFO B - inside"), c.text());
        assertEquals(List.of("chargegate-2026-11-20.0.log.gz", "chargegate-2026-11-25.1.log.gz"),
                c.plan().skipped().stream().sorted().toList());
        assertEquals(List.of("chargegate-2026-11-25.0.log.gz"), c.result().files());
    }

    @Test
    void missingFolderIsNotAvailableAndNoted() {
        GatewayLogCollector collector = new GatewayLogCollector(dir.resolve("no-such-log"), NO_CAP);
        GatewayLogCollector.Plan plan = collector.plan(null, NOW);
        assertFalse(plan.available());
        assertTrue(plan.notes().iterator().next().contains("does not exist"), plan.notes().toString());
    }

    @Test
    void emptyFolderGivesAnEmptyLog() throws IOException {
        Collected c = collect(null, NOW, NO_CAP);
        assertTrue(c.plan().available());
        assertEquals("", c.text());
        assertEquals(List.of(), c.plan().files());
    }

    @Test
    void unreadableAndBrokenFilesAreNotedAndTheRestIsCollected() throws IOException {
        plain("chargegate-2026-11-25.0.log.gz", "2026-11-25T09:00:00.000Z INFO X - not gzip at all");
        Path truncated = gz("chargegate-2026-11-25.1.log.gz",
                "2026-11-25T10:00:00.000Z INFO A - in the complete part",
                "2026-11-25T10:00:01.000Z INFO A2 - " + noise(200_000));
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2)); // as while Logback still compresses it
        plain("chargegate.log", "2026-11-25T11:00:00.000Z INFO B - current");

        Collected c = collect(null, NOW, NO_CAP);
        assertTrue(c.text().startsWith(lines("2026-11-25T10:00:00.000Z INFO A - in the complete part")), c.text());
        assertTrue(c.text().endsWith(lines("2026-11-25T11:00:00.000Z INFO B - current")), c.text());
        assertFalse(c.text().contains("not gzip"), c.text());
        String notes = String.join("\n", c.result().notes());
        assertTrue(notes.contains("chargegate-2026-11-25.0.log.gz: could not be read"), notes);
        assertTrue(notes.contains("chargegate-2026-11-25.1.log.gz: reading stopped early"), notes);
    }

    @Test
    void theCapKeepsTheNewestWholeEvents() throws IOException {
        String a = "2026-11-25T10:00:00.000Z INFO A - oldest";
        String b = "2026-11-25T10:00:01.000Z ERROR B - with a trace";
        String bTrace = "\tat B.b(B.java:2)";
        String c1 = "2026-11-25T10:00:02.000Z INFO C - kept";
        String d = "2026-11-25T10:00:03.000Z INFO D - newest, kept";
        gz("chargegate-2026-11-25.0.log.gz", a, b, bTrace);
        plain("chargegate.log", c1, d);
        long keptBytes = lines(c1, d).getBytes(StandardCharsets.UTF_8).length;

        // the cap falls inside B's trace: B goes as a whole
        Collected cut = collect(null, NOW, keptBytes + bTrace.length());
        assertEquals(lines(c1, d), cut.text());
        assertTrue(cut.result().truncated());
        assertEquals(2, cut.result().omittedEvents());
        assertEquals(lines(a, b, bTrace).getBytes(StandardCharsets.UTF_8).length, cut.result().omittedBytes());
        assertEquals(List.of("chargegate.log"), cut.result().files(), "nothing of the rolled file is kept");

        // the cap leaves out the whole rolled file
        Collected newest = collect(null, NOW, keptBytes);
        assertEquals(lines(c1, d), newest.text());
        assertEquals(2, newest.result().omittedEvents());
        assertEquals(cut.result().omittedBytes(), newest.result().omittedBytes());

        // the cap falls inside the rolled file: its newest event stays
        Collected partly = collect(null, NOW, keptBytes + lines(b, bTrace).length());
        assertEquals(lines(b, bTrace, c1, d), partly.text());
        assertEquals(1, partly.result().omittedEvents());

        // exactly everything fits
        Collected all = collect(null, NOW, lines(a, b, bTrace, c1, d).length());
        assertEquals(lines(a, b, bTrace, c1, d), all.text());
        assertFalse(all.result().truncated());
    }

    @Test
    void theCapCountsUtf8Bytes() throws IOException {
        String a = "2026-11-25T10:00:00.000Z INFO A - Zählerstand ⚡ 𝄞";
        String b = "2026-11-25T10:00:01.000Z INFO B - Ladepunkt frei";
        plain("chargegate.log", a, b);
        long all = lines(a, b).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(lines(a, b), collect(null, NOW, all).text());
        assertEquals(lines(b), collect(null, NOW, all - 1).text());
        assertEquals(all, GatewayLogCollector.outputLength(a) + GatewayLogCollector.outputLength(b));
    }

    /** Text that does not compress well, so half of its gzip file holds the lines before it. */
    private static String noise(int length) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('!' + random.nextInt(90)));
        }
        return sb.toString();
    }

    @Test
    void aCapOfLessThanOneByteIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GatewayLogCollector(dir, 0));
    }

    @Test
    void rolledFileNames() {
        assertTrue(GatewayLogCollector.isRolledName("chargegate-2026-11-25.0.log.gz"));
        assertTrue(GatewayLogCollector.isRolledName("chargegate-2026-11-25.0.log"));
        assertFalse(GatewayLogCollector.isRolledName("chargegate.log"));
        assertFalse(GatewayLogCollector.isRolledName("chargegate-.log"));
        assertFalse(GatewayLogCollector.isRolledName("chargegate-2026-11-25.0.log.gz.tmp"));
        assertFalse(GatewayLogCollector.isRolledName("felix-2026-11-25.0.log"));
    }
}
