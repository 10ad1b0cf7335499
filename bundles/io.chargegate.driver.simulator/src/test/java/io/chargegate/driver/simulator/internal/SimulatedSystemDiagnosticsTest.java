package io.chargegate.driver.simulator.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's diagnostics archive: status, configuration without secrets, the gateway log of the window. */
class SimulatedSystemDiagnosticsTest {

    /** The manual ticker's time. */
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    private final ManualTicker ticker = new ManualTicker();

    @TempDir
    Path dir;

    private final ConfigurationDump.Source configurations = () -> Optional.of(List.of(
            new ConfigurationDump.Entry("io.chargegate.station~cp1", "io.chargegate.station", Map.of(
                    "chargePointId", "CP-1", "csmsUrl", "ws://CP-1:hunter2@localhost:9000/ocpp",
                    "authorizationKey", "00112233445566778899"))));

    private SimulatedSystem system(Map<String, Object> overrides, ConfigurationDump.Source source)
            throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SimulatorSettings.STATION_ID, "CP-1");
        properties.putAll(overrides);
        return new ChargePointSimulator(SimulatorSettings.fromProperties(properties), ticker, Runnable::run, source)
                .system();
    }

    private Path logDirectory() throws IOException {
        Path log = Files.createDirectories(dir.resolve("log"));
        Path rolled = log.resolve("chargegate-2025-01-01.0.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rolled))) {
            out.write(("2025-01-01T08:00:00.000Z INFO Old - before the window\n"
                    + "2025-01-01T09:30:00.000+01:00 WARN Rolled - 08:30Z, in the window\n"
                    + "java.io.IOException: x\n").getBytes(StandardCharsets.UTF_8));
        }
        Path current = Files.writeString(log.resolve("chargegate.log"),
                "2025-01-01T09:00:00.000Z INFO Current - in the window, password not in the log\n");
        Files.setLastModifiedTime(rolled, FileTime.from(NOW.minusSeconds(1800)));
        Files.setLastModifiedTime(current, FileTime.from(NOW));
        return log;
    }

    private static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void archiveHoldsStatusConfigurationLogAndReadme() throws IOException {
        Path log = logDirectory();
        SimulatedSystem system = system(Map.of(SimulatorSettings.LOG_DIRECTORY, log.toString()), configurations);
        Path zip = system.collectDiagnostics(Instant.parse("2025-01-01T08:15:00Z"), null, dir.resolve("out"));
        assertEquals(dir.resolve("out"), zip.getParent());
        assertTrue(zip.getFileName().toString().matches("diagnostics-CP-1-20250101T100000\\.000Z\\.zip"),
                zip.toString());

        Map<String, String> entries = entries(zip);
        assertEquals(List.of("status.txt", "configuration.txt", "gateway.log", "README.txt"),
                new ArrayList<>(entries.keySet()));
        assertEquals("2025-01-01T09:30:00.000+01:00 WARN Rolled - 08:30Z, in the window\n"
                + "java.io.IOException: x\n"
                + "2025-01-01T09:00:00.000Z INFO Current - in the window, password not in the log\n",
                entries.get("gateway.log"));
        String configuration = entries.get("configuration.txt");
        assertTrue(configuration.contains("  authorizationKey = ********\n"), configuration);
        assertTrue(configuration.contains("  csmsUrl = ws://CP-1:********@localhost:9000/ocpp\n"), configuration);
        assertTrue(configuration.contains("  chargePointId = CP-1\n"), configuration);
        assertFalse(configuration.contains("hunter2") || configuration.contains("00112233445566778899"));
        assertTrue(entries.get("status.txt").contains("CP-1 system: ChargeGate Simulator"), entries.get("status.txt"));

        String readme = entries.get("README.txt");
        assertTrue(readme.startsWith("ChargeGate simulator diagnostics for CP-1, window 2025-01-01T08:15:00Z .. now"),
                readme);
        assertTrue(readme.contains("Window: 2025-01-01T08:15:00Z .. 2025-01-01T10:00:00Z (now)"), readme);
        assertTrue(readme.contains("- status.txt: "), readme);
        assertTrue(readme.contains("- configuration.txt: 1 configuration(s), 2 secret value(s) masked"), readme);
        assertTrue(readme.contains("- gateway.log: 2 log event(s), " + entries.get("gateway.log").length()
                + " bytes, of the window from " + log
                + " (files chargegate-2025-01-01.0.log.gz, chargegate.log)"), readme);
        assertTrue(readme.contains("Missing or incomplete:\n- nothing\n"), readme);
    }

    @Test
    void readmeSaysWhenTheLogWasCut() throws IOException {
        Path log = logDirectory();
        String newest = "2025-01-01T09:00:00.000Z INFO Current - in the window, password not in the log\n";
        SimulatedSystem system = system(Map.of(SimulatorSettings.LOG_DIRECTORY, log.toString(),
                SimulatorSettings.DIAGNOSTICS_MAX_LOG_BYTES, newest.length()), configurations);
        Map<String, String> entries = entries(system.collectDiagnostics(null, null, dir.resolve("out")));
        assertEquals(newest, entries.get("gateway.log"));
        String readme = entries.get("README.txt");
        assertTrue(readme.contains("- gateway.log: cut to the newest " + newest.length() + " bytes (cap "
                + "diagnosticsMaxLogBytes = " + newest.length() + "): the oldest 2 event(s)"), readme);
    }

    @Test
    void withoutLogDirectoryAndConfigurationAdminTheReadmeSaysWhatIsMissing() throws IOException {
        Map<String, String> entries = entries(system(Map.of(), ConfigurationDump.Source.UNAVAILABLE)
                .collectDiagnostics(null, Instant.parse("2025-01-01T09:00:00Z"), dir.resolve("out")));
        assertEquals(List.of("status.txt", "configuration.txt", "README.txt"), new ArrayList<>(entries.keySet()));
        assertEquals("ConfigurationAdmin was not available; no configuration listed\n",
                entries.get("configuration.txt"));
        String readme = entries.get("README.txt");
        assertTrue(readme.contains("Window: everything available .. 2025-01-01T09:00:00Z\n"), readme);
        assertTrue(readme.contains("- gateway.log: not collected: no log directory configured "
                + "(simulator property logDirectory)"), readme);
        assertTrue(readme.contains("- configuration.txt: ConfigurationAdmin was not available"), readme);
    }

    @Test
    void missingLogFolderAndUnreadableFilesAreNotedNotFatal() throws IOException {
        Path missing = dir.resolve("no-log-here");
        Map<String, String> entries = entries(system(Map.of(SimulatorSettings.LOG_DIRECTORY, missing.toString()),
                configurations).collectDiagnostics(null, null, dir.resolve("out")));
        assertFalse(entries.containsKey("gateway.log"));
        assertTrue(entries.get("README.txt").contains("- gateway.log: not collected: log directory " + missing
                + " does not exist"), entries.get("README.txt"));

        Path log = logDirectory();
        Files.writeString(log.resolve("chargegate-2025-01-01.1.log.gz"), "not gzip");
        Files.setLastModifiedTime(log.resolve("chargegate-2025-01-01.1.log.gz"), FileTime.from(NOW));
        entries = entries(system(Map.of(SimulatorSettings.LOG_DIRECTORY, log.toString()), configurations)
                .collectDiagnostics(null, null, dir.resolve("out")));
        assertTrue(entries.get("gateway.log").contains("INFO Current"), entries.get("gateway.log"));
        assertTrue(entries.get("README.txt").contains("- gateway.log: chargegate-2025-01-01.1.log.gz: could not be "
                + "read: java.util.zip.ZipException"), entries.get("README.txt"));
    }
}
