package io.chargegate.shell.internal;

import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.StationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChargeGateCommandsTest {

    private final ChargeGateCommands commands = new ChargeGateCommands();

    private static FakeStation charging(String id) {
        StationStatus st = new StationStatus(id, true, RegistrationStatus.ACCEPTED, 2, List.of(
                new ConnectorState(0, ChargePointStatus.AVAILABLE, ChargePointErrorCode.NO_ERROR, null, null, null, true),
                new ConnectorState(1, ChargePointStatus.CHARGING, ChargePointErrorCode.POWER_METER_FAILURE, null, 4711, "TAG-A", true),
                new ConnectorState(2, ChargePointStatus.FAULTED, ChargePointErrorCode.GROUND_FAILURE, "GF-17", null, null, true),
                new ConnectorState(3, ChargePointStatus.CHARGING, ChargePointErrorCode.NO_ERROR, null, null, "TAG-B", true)),
                List.of(new StationStatus.Transaction(1, 4711, "TAG-A", Instant.parse("2026-11-25T10:00:00Z"), 1000, 13_345),
                        new StationStatus.Transaction(3, null, "TAG-B", Instant.parse("2026-11-25T10:30:00Z"), 500, 500)), 1);
        return new FakeStation(id, st, config(), Set.of("NumberOfConnectors"));
    }

    private static FakeStation idle(String id) {
        StationStatus st = new StationStatus(id, false, null, 0, List.of(
                new ConnectorState(0, ChargePointStatus.UNAVAILABLE, ChargePointErrorCode.NO_ERROR, null, null, null, false),
                new ConnectorState(1, ChargePointStatus.UNAVAILABLE, ChargePointErrorCode.NO_ERROR, null, null, null, false)),
                List.of(), 0);
        return new FakeStation(id, st, config(), Set.of("NumberOfConnectors"));
    }

    private static Map<String, String> config() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HeartbeatInterval", "300");
        m.put("MeterValueSampleInterval", "60");
        m.put("NumberOfConnectors", "3");
        m.put("AuthorizationKey", null);
        return m;
    }

    private static List<String> lines(String s) {
        return s.lines().toList();
    }

    private static String lineWith(String out, String... parts) {
        for (String l : lines(out)) {
            boolean all = true;
            for (String p : parts) {
                all &= l.contains(p);
            }
            if (all) {
                return l;
            }
        }
        throw new AssertionError("no line with " + List.of(parts) + " in:\n" + out);
    }

    @Test
    void statusWithoutStations() {
        assertEquals("No stations.", commands.status());
    }

    @Test
    void statusShowsConnectionRegistrationQueueConnectorsAndTransactions() {
        commands.addStation(charging("CP-1"));
        String out = commands.status();
        lineWith(out, "CP-1", "connected", "registration Accepted", "outbound queue 2");
        lineWith(out, "1", "Charging", "PowerMeterFailure");
        lineWith(out, "2", "Faulted", "GroundFailure", "vendor code GF-17");
        lineWith(out, "connector 1", "id 4711", "idTag TAG-A", "energy 12.345 kWh");
        lineWith(out, "connector 3", "id (pending)", "idTag TAG-B", "energy 0.000 kWh");
        assertEquals(out, commands.status("CP-1"));
    }

    @Test
    void statusOfSeveralStationsSortedAndOfflineOnesMarked() {
        commands.addStation(idle("CP-2"));
        commands.addStation(charging("CP-1"));
        String out = commands.status();
        assertTrue(out.indexOf("Station CP-1") < out.indexOf("Station CP-2"), out);
        lineWith(out, "CP-2", "offline", "registration none", "outbound queue 0");
        lineWith(out, "Unavailable", "inoperative");
        assertTrue(lines(commands.status("CP-2")).contains("  Transactions: none"), commands.status("CP-2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.status("CP-9"));
        assertTrue(e.getMessage().contains("CP-1, CP-2"), e.getMessage());
    }

    @Test
    void aStationWhoseStatusFailsDoesNotHideTheOthers() {
        FakeStation failing = new FakeStation("CP-0", null, config(), Set.of()) {
            @Override
            public StationStatus status() {
                throw new IllegalStateException("station CP-0 is not running");
            }
        };
        commands.addStation(failing);
        commands.addStation(charging("CP-1"));
        String out = commands.status();
        lineWith(out, "CP-0", "status not available", "not running");
        lineWith(out, "CP-1", "connected");
    }

    @Test
    void configListsAllKeysOfTheOnlyStation() {
        commands.addStation(charging("CP-1"));
        String out = commands.config();
        assertTrue(lines(out).get(0).contains("CP-1") && lines(out).get(0).contains("4 configuration keys"), out);
        lineWith(out, "HeartbeatInterval", "300");
        lineWith(out, "NumberOfConnectors", "3", "(read-only)");
        assertFalse(lineWith(out, "HeartbeatInterval").contains("read-only"));
        lineWith(out, "AuthorizationKey", "(no value)");
    }

    @Test
    void configShowsOneKeyOrFailsForAnUnknownOne() {
        commands.addStation(charging("CP-1"));
        assertEquals("CP-1: HeartbeatInterval = 300", commands.config("HeartbeatInterval"));
        assertEquals("CP-1: NumberOfConnectors = 3  (read-only)", commands.config("NumberOfConnectors"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.config("NoSuchKey"));
        assertTrue(e.getMessage().contains("NoSuchKey"));
    }

    @Test
    void configChangesWithChangeConfigurationSemanticsAndPrintsTheStatus() {
        FakeStation cp = charging("CP-1");
        commands.addStation(cp);
        assertEquals("CP-1: HeartbeatInterval = 60: Accepted", commands.config("HeartbeatInterval", "60"));
        assertEquals("60", cp.values.get("HeartbeatInterval"));
        assertEquals("CP-1: HeartbeatInterval = soon: Rejected", commands.config("HeartbeatInterval", "soon"));
        assertEquals("CP-1: NumberOfConnectors = 4: Rejected", commands.config("NumberOfConnectors", "4"));
        assertEquals("CP-1: NoSuchKey = 1: NotSupported", commands.config("NoSuchKey", "1"));
        assertEquals("CP-1: AuthorizationKey = ***: Accepted", commands.config("AuthorizationKey", "s3cret-s3cret"));
        assertEquals("s3cret-s3cret", cp.values.get("AuthorizationKey"));
    }

    @Test
    void withSeveralStationsTheStationIsNamedWithDashSOrFirst() {
        FakeStation cp1 = charging("CP-1");
        FakeStation cp2 = idle("CP-2");
        commands.addStation(cp1);
        commands.addStation(cp2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.config("HeartbeatInterval"));
        assertTrue(e.getMessage().contains("-s") && e.getMessage().contains("CP-1, CP-2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, commands::config);
        assertEquals("CP-2: HeartbeatInterval = 30: Accepted", commands.config("-s", "CP-2", "HeartbeatInterval", "30"));
        assertEquals("CP-1: HeartbeatInterval = 45: Accepted", commands.config("CP-1", "HeartbeatInterval", "45"));
        assertEquals(List.of("HeartbeatInterval=30"), cp2.changes);
        assertEquals(List.of("HeartbeatInterval=45"), cp1.changes);
        assertEquals("CP-2: HeartbeatInterval = 30", commands.config("-s", "CP-2", "HeartbeatInterval"));
        assertEquals("CP-1: HeartbeatInterval = 45", commands.config("CP-1", "HeartbeatInterval"));
        assertTrue(commands.config("-s", "CP-2").startsWith("Station CP-2: 4 configuration keys"));
        assertTrue(commands.config("CP-1").startsWith("Station CP-1: 4 configuration keys"));
        assertThrows(IllegalArgumentException.class, () -> commands.config("-s", "CP-9", "HeartbeatInterval"));
        assertThrows(IllegalArgumentException.class, () -> commands.config("-s"));
        assertThrows(IllegalArgumentException.class, () -> commands.config("CP-1", "a", "b", "c"));
    }

    @Test
    void stationsComeAndGo() {
        FakeStation cp1 = charging("CP-1");
        FakeStation cp2 = idle("CP-2");
        commands.addStation(cp1);
        commands.addStation(cp2);
        commands.removeStation(cp1);
        assertEquals("CP-2: HeartbeatInterval = 300", commands.config("HeartbeatInterval"));
        assertFalse(commands.status().contains("CP-1"));
        commands.removeStation(cp2);
        assertThrows(IllegalStateException.class, commands::config);
        assertEquals("No stations.", commands.status());
    }
}
