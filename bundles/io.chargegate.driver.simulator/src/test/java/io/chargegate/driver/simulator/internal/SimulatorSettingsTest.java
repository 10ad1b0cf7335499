package io.chargegate.driver.simulator.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating the simulator configuration. */
class SimulatorSettingsTest {

    @Test
    void defaults() {
        SimulatorSettings s = SimulatorSettings.fromProperties(Map.of());
        assertEquals("*", s.stationId());
        assertEquals("simulator", s.label());
        assertEquals(2, s.connectors());
        assertEquals(32.0, s.maxCurrent());
        assertEquals(3, s.phases());
        assertEquals(230.0, s.nominalVoltage());
        assertFalse(s.fixedCable());
        assertEquals("ChargeGate", s.vendor());
        assertEquals("Simulator", s.model());
        assertNull(s.serialNumber());
        assertEquals("0.1.0", s.firmwareVersion());
        assertEquals(11000.0, s.evPower());
        assertEquals(0.0, s.meterStartWh());
        assertNull(s.dataDirectory());
        assertFalse(s.failFirmwareInstall());
        assertNull(s.logDirectory(), "no log collected by default");
        assertEquals(20L * 1024 * 1024, s.diagnosticsMaxLogBytes());
    }

    @Test
    void stringValuesAsFromACfgFile() {
        SimulatorSettings s = SimulatorSettings.fromProperties(Map.of(
                "stationId", " CP-7 ", "connectors", "4", "maxCurrent", "16.5", "phases", "1",
                "fixedCable", "TRUE", "evPower", "3700", "dataDirectory", "/tmp/sim-cp7",
                "logDirectory", " /var/lib/chargegate/log ", "diagnosticsMaxLogBytes", "1048576",
                "service.pid", "io.chargegate.driver.simulator~cp7"));
        assertEquals("CP-7", s.stationId());
        assertEquals(4, s.connectors());
        assertEquals(16.5, s.maxCurrent());
        assertEquals(1, s.phases());
        assertTrue(s.fixedCable());
        assertEquals(3700.0, s.evPower());
        assertEquals(Path.of("/tmp/sim-cp7"), s.dataDirectory());
        assertEquals(Path.of("/var/lib/chargegate/log"), s.logDirectory());
        assertEquals(1_048_576L, s.diagnosticsMaxLogBytes());
    }

    @Test
    void emptyLogDirectoryCollectsNoLogAndTheCapTakesALong() {
        SimulatorSettings s = SimulatorSettings.fromProperties(Map.of(
                "logDirectory", "  ", "diagnosticsMaxLogBytes", 5_000_000_000L));
        assertNull(s.logDirectory());
        assertEquals(5_000_000_000L, s.diagnosticsMaxLogBytes());
    }

    @Test
    void typedValuesAsFromConfigAdmin() {
        SimulatorSettings s = SimulatorSettings.fromProperties(Map.of(
                "connectors", 16, "maxCurrent", 63L, "nominalVoltage", 120.0f, "meterStartWh", 1.5,
                "failFirmwareInstall", Boolean.TRUE, "phases", new String[] {"3"}));
        assertEquals(16, s.connectors());
        assertEquals(63.0, s.maxCurrent());
        assertEquals(120.0, s.nominalVoltage());
        assertEquals(1.5, s.meterStartWh());
        assertTrue(s.failFirmwareInstall());
        assertEquals(3, s.phases());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("connectors", 0, "between 1 and 16"),
                Arguments.of("connectors", 17, "between 1 and 16"),
                Arguments.of("connectors", "two", "integer"),
                Arguments.of("phases", 2, "1 or 3"),
                Arguments.of("maxCurrent", -1, "positive"),
                Arguments.of("maxCurrent", "NaN", "positive"),
                Arguments.of("nominalVoltage", 0, "positive"),
                Arguments.of("evPower", -100, ">= 0"),
                Arguments.of("meterStartWh", "-0.5", ">= 0"),
                Arguments.of("fixedCable", "maybe", "true or false"),
                Arguments.of("vendor", "A".repeat(21), "at most 20"),
                Arguments.of("model", "", "must not be empty"),
                Arguments.of("serialNumber", "S".repeat(26), "at most 25"),
                Arguments.of("stationId", "  ", "must not be empty"),
                Arguments.of("diagnosticsMaxLogBytes", 0, "at least 1"),
                Arguments.of("diagnosticsMaxLogBytes", "-5", "at least 1"),
                Arguments.of("diagnosticsMaxLogBytes", "20MB", "integer"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void badValueIsRejectedNamingTheKeyValueAndReason(String key, Object value, String reason) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SimulatorSettings.fromProperties(Map.of(key, value)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(key, e.problems().get(0).key());
        assertTrue(e.getMessage().contains(key + "=" + value.toString().trim()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void everyBadValueIsReported() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SimulatorSettings.fromProperties(Map.of("connectors", 0, "phases", 2, "evPower", -1)));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("connectors=0: must be between 1 and 16"), e.getMessage());
        assertTrue(e.getMessage().contains("phases=2: must be 1 or 3"), e.getMessage());
        assertTrue(e.getMessage().contains("evPower=-1.0: must be a number >= 0"), e.getMessage());
    }

    @Test
    void multiValuedPropertyIsRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SimulatorSettings.fromProperties(Map.of("connectors", new Integer[] {1, 2})));
        assertEquals("connectors", e.problems().get(0).key());
    }
}
