package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.ResetKind;
import io.chargegate.hardware.api.SystemIdentity;
import io.chargegate.hardware.api.TokenSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Persistence, token reader and system driver of a simulated charge point. */
class ChargePointSimulatorTest {

    private static final double DELTA = 1e-9;
    /** SHA-256 of "hello". */
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private final ManualTicker ticker = new ManualTicker();

    @TempDir
    Path dir;

    private ChargePointSimulator simulator(Map<String, Object> overrides) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SimulatorSettings.STATION_ID, "CP-1");
        properties.putAll(overrides);
        return new ChargePointSimulator(SimulatorSettings.fromProperties(properties), ticker, Runnable::run);
    }

    private ChargePointSimulator persistent(Map<String, Object> overrides) throws IOException {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put(SimulatorSettings.DATA_DIRECTORY, dir.resolve("data").toString());
        return simulator(properties);
    }

    private static void charge(ChargePointSimulator simulator, int connector) {
        simulator.connector(connector).plug();
        simulator.connector(connector).allowPowerOn(true);
    }

    @Test
    void registersSurviveARecreateFromTheSameDataDirectory() throws IOException {
        ChargePointSimulator first = persistent(Map.of());
        charge(first, 2);
        ticker.advance(Duration.ofHours(1));
        first.close();

        ChargePointSimulator second = persistent(Map.of());
        assertEquals(0.0, second.connector(1).energyWh(), DELTA);
        assertEquals(11000.0, second.connector(2).energyWh(), DELTA);
        charge(second, 2);
        ticker.advance(Duration.ofMinutes(30));
        assertEquals(16500.0, second.connector(2).read().energyImportWh(), DELTA, "the register continues");
    }

    @Test
    void aPluggedInEvStaysPluggedInOverARecreate() throws IOException {
        ChargePointSimulator first = persistent(Map.of());
        charge(first, 1);
        first.connector(2).plug();
        first.connector(2).unplug();
        ticker.advance(Duration.ofMinutes(6));
        // no close(): plugging persists at once, as the EV is physically there whatever the driver does
        ChargePointSimulator afterCrash = persistent(Map.of());
        assertTrue(afterCrash.connector(1).plugged());
        assertFalse(afterCrash.connector(2).plugged());
        first.close();

        ChargePointSimulator second = persistent(Map.of());
        assertTrue(second.connector(1).plugged());
        assertFalse(second.connector(2).plugged());
        RecordingEvseSink sink = new RecordingEvseSink();
        second.connector(1).attach(sink);
        assertEquals(List.of("pilot:B", "contactor:false", "fault:NoError"), sink.drain(),
                "the restored EV shows pilot B, no power until the runtime allows it");
        second.connector(1).allowPowerOn(true);
        assertTrue(sink.drain().containsAll(List.of("pilot:C", "contactor:true")), "it charges again when allowed");
        assertEquals(1100.0, second.connector(1).energyWh(), DELTA, "the register continued");
        assertFalse(second.connector(1).plug(), "already plugged in");

        second.connector(1).unplug();
        assertFalse(persistent(Map.of()).connector(1).plugged(), "unplugging persists too");
    }

    @Test
    void openingTheContactorPersistsTheRegisters() throws IOException {
        ChargePointSimulator first = persistent(Map.of());
        charge(first, 1);
        ticker.advance(Duration.ofMinutes(12));
        first.connector(1).allowPowerOn(false);
        // no close(): as after a crash
        assertEquals(2200.0, persistent(Map.of()).connector(1).energyWh(), DELTA);
    }

    @Test
    void periodicPersistSavesTheRegisters() throws IOException {
        ChargePointSimulator first = persistent(Map.of());
        charge(first, 1);
        ticker.advance(Duration.ofMinutes(6));
        first.tick();
        first.persist();
        assertEquals(1100.0, persistent(Map.of()).connector(1).energyWh(), DELTA);
    }

    @Test
    void registersNeverGoBackwards() throws IOException {
        ChargePointSimulator first = persistent(Map.of());
        charge(first, 1);
        ticker.advance(Duration.ofHours(1));
        first.close();

        ChargePointSimulator lowerStart = persistent(Map.of(SimulatorSettings.METER_START_WH, 500));
        assertEquals(11000.0, lowerStart.connector(1).energyWh(), DELTA, "saved register wins over a lower start");
        assertEquals(500.0, lowerStart.connector(2).energyWh(), DELTA);
        lowerStart.close();

        ChargePointSimulator higherStart = persistent(Map.of(SimulatorSettings.METER_START_WH, 20000));
        assertEquals(20000.0, higherStart.connector(1).energyWh(), DELTA);
        higherStart.close();
        assertEquals(20000.0, persistent(Map.of()).connector(1).energyWh(), DELTA);
    }

    @Test
    void withoutDataDirectoryRegistersStartAtMeterStart() throws IOException {
        ChargePointSimulator first = simulator(Map.of(SimulatorSettings.METER_START_WH, 123.5));
        charge(first, 1);
        ticker.advance(Duration.ofHours(1));
        first.close();
        assertEquals(123.5, simulator(Map.of(SimulatorSettings.METER_START_WH, 123.5)).connector(1).energyWh(), DELTA);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void unknownConnectorIsRejected() throws IOException {
        ChargePointSimulator simulator = simulator(Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> simulator.connector(3));
        assertTrue(e.getMessage().contains("connector 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> simulator.connector(0));
    }

    @Test
    void statusHasOneLinePerConnector() throws IOException {
        String status = simulator(Map.of(SimulatorSettings.CONNECTORS, 3)).status();
        String[] lines = status.split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[2].startsWith("CP-1 connector 3: pilot=A"), lines[2]);
    }

    @Test
    void tokensGoToTheAttachedSinkWithTheConnectorHint() throws IOException {
        ChargePointSimulator simulator = simulator(Map.of());
        List<String> tokens = new ArrayList<>();
        TokenSink sink = (idTag, connectorId) -> tokens.add(idTag + "@" + connectorId);
        assertFalse(simulator.tokenReader().present("ABC", 0), "no sink: dropped");
        simulator.tokenReader().attach(sink);
        assertTrue(simulator.tokenReader().present("04A1B2C3", 0));
        assertTrue(simulator.tokenReader().present("DEADBEEF", 2));
        simulator.tokenReader().detach();
        assertFalse(simulator.tokenReader().present("AFTER", 1));
        assertEquals(List.of("04A1B2C3@0", "DEADBEEF@2"), tokens);
        assertThrows(IllegalArgumentException.class, () -> simulator.tokenReader().present("X".repeat(21), 0));
        assertThrows(IllegalArgumentException.class, () -> simulator.tokenReader().present("ABC", 3));
    }

    @Test
    void identityComesFromTheConfiguration() throws IOException {
        SystemIdentity identity = simulator(Map.of(SimulatorSettings.SERIAL_NUMBER, "SN-42",
                SimulatorSettings.MODEL, "Wallbox X")).system().identity();
        assertEquals("ChargeGate", identity.vendor());
        assertEquals("Wallbox X", identity.model());
        assertEquals("SN-42", identity.serialNumber());
        assertEquals("0.1.0", identity.firmwareVersion());
    }

    @Test
    void installFirmwareRecordsNameAndSha256Durably() throws IOException {
        Path firmware = Files.writeString(dir.resolve("fw-1.2.3.bin"), "hello");
        persistent(Map.of()).system().installFirmware(firmware);

        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("data").resolve(SimulatedSystem.FIRMWARE_FILE_NAME))) {
            record.load(in);
        }
        assertEquals("fw-1.2.3.bin", record.getProperty("fileName"));
        assertEquals(HELLO_SHA256, record.getProperty("sha256"));
        assertEquals("5", record.getProperty("size"));

        SimulatedSystem.FirmwareRecord reloaded = persistent(Map.of()).system().installedFirmware();
        assertEquals("fw-1.2.3.bin", reloaded.fileName());
        assertEquals(HELLO_SHA256, reloaded.sha256());
        assertEquals(ticker.now(), reloaded.installedAt());
    }

    @Test
    void installFirmwareFailsWhenConfiguredToAndRecordsNothing() throws IOException {
        Path firmware = Files.writeString(dir.resolve("fw.bin"), "hello");
        SimulatedSystem system = persistent(Map.of(SimulatorSettings.FAIL_FIRMWARE_INSTALL, "true")).system();
        IOException e = assertThrows(IOException.class, () -> system.installFirmware(firmware));
        assertTrue(e.getMessage().contains("failFirmwareInstall"), e.getMessage());
        assertNull(system.installedFirmware());
        assertFalse(Files.exists(dir.resolve("data").resolve(SimulatedSystem.FIRMWARE_FILE_NAME)));
    }

    @Test
    void installFirmwareOfAMissingFileFails() throws IOException {
        SimulatedSystem system = simulator(Map.of()).system();
        assertThrows(IOException.class, () -> system.installFirmware(dir.resolve("missing.bin")));
        assertNull(system.installedFirmware());
    }

    @Test
    void diagnosticsZipContainsStatusAndReadme() throws IOException {
        ChargePointSimulator simulator = simulator(Map.of());
        charge(simulator, 1);
        simulator.system().reset(ResetKind.SOFT);
        Path zip = simulator.system().collectDiagnostics(null, null, dir.resolve("diag"));
        Path second = simulator.system().collectDiagnostics(null, null, dir.resolve("diag"));
        assertFalse(zip.equals(second), "a second collection does not overwrite the first");

        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Set.of("README.txt", "status.txt", "configuration.txt"), entries.keySet(),
                "no log directory configured: no gateway.log");
        assertTrue(entries.get("README.txt").startsWith("ChargeGate simulator diagnostics for CP-1"));
        String status = entries.get("status.txt");
        assertTrue(status.contains("CP-1 connector 1: pilot=C ev=auto contactor=closed"), status);
        assertTrue(status.contains("CP-1 connector 2: pilot=A"), status);
        assertTrue(status.contains("resets 1 (last SOFT"), status);
    }

    @Test
    void resetIsRecordedNotExecuted() throws IOException {
        SimulatedSystem system = simulator(Map.of()).system();
        system.reset(ResetKind.SOFT);
        ticker.advance(Duration.ofSeconds(5));
        system.reset(ResetKind.HARD);
        assertEquals(2, system.resetCount());
        assertEquals(ResetKind.HARD, system.lastReset().kind());
        assertEquals(ticker.now(), system.lastReset().at());
    }
}
