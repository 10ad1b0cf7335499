package io.chargegate.distribution;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.DemoCentralSystem;
import io.chargegate.csms.demo.DemoSettings;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsResponse;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GetDiagnostics end to end on the built distribution: the gateway runs as a process (a private copy of
 * target/chargegate whose default station has a random AuthorizationKey, security profile 1), the demo central
 * system and an HTTP upload server run in this JVM. The archive that arrives by PUT must hold the gateway's own log
 * of the requested window (lines exactly as {@code <data>/log/chargegate.log} has them), every ConfigAdmin
 * configuration with the key masked, the status dump and the README; a window before the gateway started yields no
 * log event of this run.
 */
class DiagnosticsEndToEndIT {

    private static final Set<Integer> CLEAN_EXIT = Set.of(143, 0);
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration UPLOAD = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final String STATION_CFG = "etc/io.chargegate.station-default.cfg";
    private static final String MASK = "********";
    private static final Set<String> ENTRIES = Set.of("gateway.log", "configuration.txt", "status.txt", "README.txt");

    @Test
    void getDiagnosticsUploadsTheGatewayLogAndTheConfigurationWithoutSecrets(@TempDir Path tmp) throws Exception {
        SecureRandom random = new SecureRandom();
        String id = "DIAG-" + HexFormat.of().withUpperCase().formatHex(bytes(random, 4));
        String secret = HexFormat.of().formatHex(bytes(random, 16)); // 32 characters (8..40 allowed)

        // a private copy: the default station gets the secret and security profile 1 (Basic auth over ws://)
        Path home = GatewayProcess.copyDistribution(tmp.resolve("chargegate"));
        Path stationCfg = home.resolve(STATION_CFG);
        String cfg = Files.readString(stationCfg, StandardCharsets.UTF_8);
        assertTrue(cfg.contains("\nsecurityProfile = 0\n"), "the shipped " + STATION_CFG + " changed:\n" + cfg);
        Files.writeString(stationCfg, cfg.replace("\nsecurityProfile = 0\n", "\nsecurityProfile = 1\n")
                + "authorizationKey = " + secret + "\n", StandardCharsets.UTF_8);
        Path data = tmp.resolve("data");
        Instant beforeStart = Instant.now();

        try (DemoCentralSystem csms = DemoCentralSystem.start(DemoSettings.defaults().withPort(0)
                .withAuthorizationKey(id, secret));
             UploadServer uploads = new UploadServer();
             GatewayProcess gw = GatewayProcess.start(home.resolve("bin/chargegate"), tmp, "", "--headless",
                     "--csms", csms.url().toString(), "--id", id, "--data", data.toString())) {

            // registered at the central system (with the key: the central system refuses other credentials)
            ChargePointConnection cp = csms.awaitChargePoint(id, START);
            ReceivedMessage boot = cp.await(Action.BOOT_NOTIFICATION, START);
            assertEquals(RegistrationStatus.ACCEPTED, ((BootNotificationResponse) boot.response()).status());
            String bootLine = "[" + id + "] BootNotification Accepted";
            assertTrue(gw.awaitLine(bootLine, START), gw.output());
            // the firmware profile (GetDiagnostics) and the simulator (its SystemDriver) come from deploy/
            assertTrue(gw.awaitLine(l -> l.startsWith("Started bundle: ")
                    && l.contains("/deploy/io.chargegate.profile.firmware-"), START), gw.output());
            assertTrue(gw.awaitLine(id + ": simulator started", START), gw.output());

            // 1. the last ten minutes: everything this gateway has logged up to now
            Instant from = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
            cp.clearReceived();
            GetDiagnosticsResponse response = call(cp,
                    new GetDiagnosticsRequest(uploads.url("/upload/")).withStartTime(from));
            String fileName = response.fileName();
            assertNotNull(fileName, "no fileName: nothing collected\n" + gw.output());
            assertTrue(Pattern.matches("diagnostics-" + Pattern.quote(id) + "-\\d{8}T\\d{6}\\.\\d{3}Z(-\\d+)?\\.zip",
                    fileName), fileName);
            assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), awaitUploadEnd(cp),
                    gw.output());
            Map<String, String> archive = unzip(uploads.lastPut("/upload/" + fileName)
                    .orElseThrow(() -> new AssertionError("no PUT of /upload/" + fileName + ": " + uploads.received()))
                    .body());
            assertEquals(ENTRIES, archive.keySet());
            for (Map.Entry<String, String> entry : archive.entrySet()) {
                assertFalse(entry.getValue().contains(secret), "the AuthorizationKey is in " + entry.getKey()
                        + ":\n" + entry.getValue());
            }

            // gateway.log: the log file's own lines, from the first one through (at least) the boot, in order
            List<String> logFile = logFileLines(data);
            List<String> gatewayLog = lines(archive.get("gateway.log"));
            assertFalse(gatewayLog.isEmpty(), "gateway.log is empty:\n" + archive.get("README.txt"));
            int bootIndex = indexOfLineContaining(logFile, bootLine);
            assertTrue(gatewayLog.size() > bootIndex, "gateway.log stops before the boot:\n" + archive.get("gateway.log"));
            assertEquals(logFile.subList(0, bootIndex + 1), gatewayLog.subList(0, bootIndex + 1),
                    "gateway.log does not start with the lines of chargegate.log");
            assertTrue(gatewayLog.contains(logFile.get(indexOfLineContaining(logFile, "[" + id + "] station started"))));
            assertInOrderIn(gatewayLog, logFile);
            for (String line : gatewayLog) {
                if (GatewayProcess.LOG_EVENT.matcher(line).find()) {
                    assertFalse(timestamp(line).isBefore(from), "before the window start " + from + ": " + line);
                }
            }
            assertFalse(timestamp(logFile.get(0)).isBefore(beforeStart.truncatedTo(ChronoUnit.MILLIS)),
                    "chargegate.log holds events from before this run: " + logFile.get(0));

            // configuration.txt: the station's configuration, key masked; the simulator's, with its log folder
            Map<String, List<String>> configurations = configurations(archive.get("configuration.txt"));
            List<String> station = configurations.get("io.chargegate.station~default");
            assertNotNull(station, "no station configuration in:\n" + archive.get("configuration.txt"));
            assertTrue(station.containsAll(List.of("Factory PID: io.chargegate.station",
                    "  csmsUrl = " + csms.url(), "  chargePointId = " + id, "  securityProfile = 1",
                    "  authorizationKey = " + MASK)), String.join("\n", station));
            List<String> simulator = configurations.get("io.chargegate.driver.simulator~default");
            assertNotNull(simulator, "no simulator configuration in:\n" + archive.get("configuration.txt"));
            assertTrue(simulator.containsAll(List.of("  stationId = " + id,
                    "  logDirectory = " + data.toRealPath().resolve("log"))), String.join("\n", simulator));

            assertTrue(archive.get("status.txt").contains(id), archive.get("status.txt"));
            String readme = archive.get("README.txt");
            assertTrue(readme.contains(id) && readme.contains("Window: " + from), readme);
            for (String entry : ENTRIES) {
                assertTrue(readme.contains("- " + entry + ": "), "README.txt does not describe " + entry + ":\n" + readme);
            }

            // 2. a window that ended before the gateway started: no event of this run
            Instant stop = beforeStart.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            Instant start = stop.minus(Duration.ofHours(1));
            cp.clearReceived();
            GetDiagnosticsResponse past = call(cp, new GetDiagnosticsRequest(uploads.url("/upload/"))
                    .withStartTime(start).withStopTime(stop));
            assertNotNull(past.fileName(), gw.output());
            assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), awaitUploadEnd(cp),
                    gw.output());
            Map<String, String> pastArchive = unzip(uploads.lastPut("/upload/" + past.fileName())
                    .orElseThrow(() -> new AssertionError("no PUT of " + past.fileName() + ": " + uploads.received()))
                    .body());
            assertEquals(ENTRIES, pastArchive.keySet());
            // the data folder is new: its log holds this run only, so nothing is left for that window
            assertEquals("", pastArchive.get("gateway.log"), "events outside the window:\n" + pastArchive.get("README.txt"));
            assertTrue(pastArchive.get("README.txt").contains("gateway.log: 0 log event(s)"), pastArchive.get("README.txt"));
            assertFalse(String.join("\n", pastArchive.values()).contains(secret));

            Integer exit = gw.terminate(STOP);
            assertNotNull(exit, "no exit within " + STOP + " of SIGTERM:\n" + gw.output());
            assertTrue(CLEAN_EXIT.contains(exit), "exit status " + exit + ":\n" + gw.output());
            assertEquals(List.of(), gw.problems(), "errors in the output:\n" + gw.output());
            assertTrue(logFileLines(data).stream().noneMatch(l -> l.contains(secret)), "the AuthorizationKey was logged");
        }
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Sends a CALL and waits for its response. */
    private static <R extends Response> R call(ChargePointConnection cp, Request<R> request) throws Exception {
        return cp.call(request).toCompletableFuture().get(START.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits for Uploaded or UploadFailed; the DiagnosticsStatusNotifications received since the last clear. */
    private static List<DiagnosticsStatus> awaitUploadEnd(ChargePointConnection cp) {
        cp.await(m -> m.action() == Action.DIAGNOSTICS_STATUS_NOTIFICATION
                && diagnosticsStatus(m) != DiagnosticsStatus.UPLOADING, UPLOAD);
        return cp.received().stream().filter(m -> m.action() == Action.DIAGNOSTICS_STATUS_NOTIFICATION)
                .map(DiagnosticsEndToEndIT::diagnosticsStatus).collect(Collectors.toList());
    }

    private static DiagnosticsStatus diagnosticsStatus(ReceivedMessage m) {
        return m.request(DiagnosticsStatusNotificationRequest.class).status();
    }

    /** The entries of a zip as UTF-8 text; a duplicate entry fails. */
    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (entries.put(e.getName(), text) != null) {
                    fail("entry " + e.getName() + " twice in the archive");
                }
            }
        }
        assertFalse(entries.isEmpty(), "not a zip, or an empty one (" + zip.length + " bytes)");
        return entries;
    }

    /**
     * The gateway log as the gateway wrote it: rolled files (a run across midnight), oldest first, then
     * chargegate.log.
     */
    private static List<String> logFileLines(Path data) throws IOException {
        Path dir = data.resolve("log");
        List<String> all = new ArrayList<>();
        List<Path> rolled;
        try (Stream<Path> files = Files.list(dir)) {
            rolled = files.filter(p -> p.getFileName().toString().matches("chargegate-.*\\.log\\.gz")).sorted().toList();
        }
        for (Path p : rolled) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                all.addAll(lines(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        all.addAll(Files.readAllLines(dir.resolve("chargegate.log"), StandardCharsets.UTF_8));
        assertFalse(all.isEmpty(), "no log in " + dir);
        return all;
    }

    /** The lines of a text (as Files.readAllLines splits them). */
    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with \"" + text + "\" in the log file:\n" + String.join("\n", lines));
    }

    /** Every line of {@code part} is a line of {@code whole}, in the same order. */
    private static void assertInOrderIn(List<String> part, List<String> whole) {
        int at = 0;
        for (String line : part) {
            while (at < whole.size() && !whole.get(at).equals(line)) {
                at++;
            }
            if (at == whole.size()) {
                fail("gateway.log line not in chargegate.log (or out of order): " + line);
            }
            at++;
        }
    }

    /** The time at the start of a log event line. */
    private static Instant timestamp(String line) {
        return OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
    }

    /** configuration.txt by PID: the lines of each block after its "PID: " line. */
    private static Map<String, List<String>> configurations(String text) {
        Map<String, List<String>> byPid = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines(text)) {
            if (line.startsWith("PID: ")) {
                current = new ArrayList<>();
                byPid.put(line.substring("PID: ".length()), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return byPid;
    }
}
