package io.chargegate.driver.simulator.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration.txt of the diagnostics archive. */
class ConfigurationDumpTest {

    @Test
    void configurationsSortedWithTheirPropertiesSortedAndSecretsMasked() {
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("service.pid", "io.chargegate.station~cp1");
        station.put("csmsUrl", "wss://CP-1:pw@csms.example.com/ocpp");
        station.put("authorizationKey", "0011223344556677");
        station.put("chargePointId", "CP-1");
        station.put("heartbeatInterval", 300);
        station.put("note", "line one\nline two");
        ConfigurationDump.Dump dump = ConfigurationDump.of(() -> Optional.of(List.of(
                new ConfigurationDump.Entry("io.chargegate.station~cp1", "io.chargegate.station", station),
                new ConfigurationDump.Entry("io.chargegate.driver.simulator~default", "io.chargegate.driver.simulator",
                        Map.of("stationId", "*")),
                new ConfigurationDump.Entry("empty.pid", null, null))));
        assertTrue(dump.available());
        assertEquals("""
                ConfigurationAdmin configurations: 3 (secrets masked as ********)

                PID: empty.pid
                  (no properties)

                PID: io.chargegate.driver.simulator~default
                Factory PID: io.chargegate.driver.simulator
                  stationId = *

                PID: io.chargegate.station~cp1
                Factory PID: io.chargegate.station
                  authorizationKey = ********
                  chargePointId = CP-1
                  csmsUrl = wss://CP-1:********@csms.example.com/ocpp
                  heartbeatInterval = 300
                  note = line one\\nline two
                  service.pid = io.chargegate.station~cp1
                """, dump.text());
        assertEquals("3 configuration(s), 2 secret value(s) masked as ********", dump.summary());
        assertFalse(dump.text().contains("0011223344556677"));
        assertFalse(dump.text().contains(":pw@"));
    }

    @Test
    void withoutConfigurationAdminTheFileSaysSo() {
        ConfigurationDump.Dump dump = ConfigurationDump.of(ConfigurationDump.Source.UNAVAILABLE);
        assertFalse(dump.available());
        assertEquals("ConfigurationAdmin was not available; no configuration listed\n", dump.text());
    }

    @Test
    void aFailingSourceIsReportedNotThrown() {
        ConfigurationDump.Dump dump = ConfigurationDump.of(() -> {
            throw new IOException("store unreadable");
        });
        assertFalse(dump.available());
        assertTrue(dump.text().contains("could not be listed: java.io.IOException: store unreadable"), dump.text());
        assertEquals(dump.text().strip(), dump.summary());
    }
}
