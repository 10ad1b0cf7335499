package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.EvseCapabilities;
import io.chargegate.hardware.api.SystemIdentity;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration of one simulated charge point. Built from the factory configuration's properties by
 * {@link #fromProperties(Map)}; every value is checked and a bad one is rejected with an
 * {@link InvalidConfigurationException} naming the key, the value and the reason.
 *
 * @param stationId           the charge point identity served ({@code "*"} = any station)
 * @param connectors          number of connectors, 1..16
 * @param maxCurrent          hardware maximum current per phase in A (&gt; 0)
 * @param phases              phases connected, 1 or 3
 * @param nominalVoltage      phase-to-neutral voltage in V (&gt; 0)
 * @param fixedCable          tethered cable (no lock)
 * @param vendor              BootNotification vendor (1..20 characters)
 * @param model               BootNotification model (1..20 characters)
 * @param serialNumber        charge point serial number (at most 25 characters), or null
 * @param firmwareVersion     firmware version (at most 50 characters), or null
 * @param evPower             power in W the simulated EV draws when allowed (&gt;= 0)
 * @param meterStartWh        initial energy register in Wh (&gt;= 0)
 * @param dataDirectory       where registers and the firmware record persist, or null for memory only
 * @param failFirmwareInstall whether firmware installation fails (to test InstallationFailed)
 * @param logDirectory        the gateway log folder the diagnostics archive takes the log from, or null for none
 * @param diagnosticsMaxLogBytes the most bytes of log in a diagnostics archive (the newest part is kept), &gt;= 1
 */
public record SimulatorSettings(String stationId, int connectors, double maxCurrent, int phases, double nominalVoltage,
                                boolean fixedCable, String vendor, String model, String serialNumber,
                                String firmwareVersion, double evPower, double meterStartWh, Path dataDirectory,
                                boolean failFirmwareInstall, Path logDirectory, long diagnosticsMaxLogBytes) {

    /** Configuration key of {@link #stationId()}. */
    public static final String STATION_ID = "stationId";
    /** Configuration key of {@link #connectors()}. */
    public static final String CONNECTORS = "connectors";
    /** Configuration key of {@link #maxCurrent()}. */
    public static final String MAX_CURRENT = "maxCurrent";
    /** Configuration key of {@link #phases()}. */
    public static final String PHASES = "phases";
    /** Configuration key of {@link #nominalVoltage()}. */
    public static final String NOMINAL_VOLTAGE = "nominalVoltage";
    /** Configuration key of {@link #fixedCable()}. */
    public static final String FIXED_CABLE = "fixedCable";
    /** Configuration key of {@link #vendor()}. */
    public static final String VENDOR = "vendor";
    /** Configuration key of {@link #model()}. */
    public static final String MODEL = "model";
    /** Configuration key of {@link #serialNumber()}. */
    public static final String SERIAL_NUMBER = "serialNumber";
    /** Configuration key of {@link #firmwareVersion()}. */
    public static final String FIRMWARE_VERSION = "firmwareVersion";
    /** Configuration key of {@link #evPower()}. */
    public static final String EV_POWER = "evPower";
    /** Configuration key of {@link #meterStartWh()}. */
    public static final String METER_START_WH = "meterStartWh";
    /** Configuration key of {@link #dataDirectory()}. */
    public static final String DATA_DIRECTORY = "dataDirectory";
    /** Configuration key of {@link #failFirmwareInstall()}. */
    public static final String FAIL_FIRMWARE_INSTALL = "failFirmwareInstall";
    /** Configuration key of {@link #logDirectory()}. */
    public static final String LOG_DIRECTORY = "logDirectory";
    /** Configuration key of {@link #diagnosticsMaxLogBytes()}. */
    public static final String DIAGNOSTICS_MAX_LOG_BYTES = "diagnosticsMaxLogBytes";

    static final String DEFAULT_STATION_ID = "*";
    static final int DEFAULT_CONNECTORS = 2;
    static final double DEFAULT_MAX_CURRENT = 32;
    static final int DEFAULT_PHASES = 3;
    static final double DEFAULT_NOMINAL_VOLTAGE = 230;
    static final boolean DEFAULT_FIXED_CABLE = false;
    static final String DEFAULT_VENDOR = "ChargeGate";
    static final String DEFAULT_MODEL = "Simulator";
    static final String DEFAULT_SERIAL_NUMBER = "";
    static final String DEFAULT_FIRMWARE_VERSION = "0.1.0";
    static final double DEFAULT_EV_POWER = 11000;
    static final double DEFAULT_METER_START_WH = 0;
    static final String DEFAULT_DATA_DIRECTORY = "";
    static final boolean DEFAULT_FAIL_FIRMWARE_INSTALL = false;
    static final String DEFAULT_LOG_DIRECTORY = "";
    /** 20 MB. */
    static final long DEFAULT_DIAGNOSTICS_MAX_LOG_BYTES = 20L * 1024 * 1024;

    /** IEC 61851 minimum settable current per phase in A. */
    static final double IEC_MIN_CURRENT = 6;
    static final int MAX_CONNECTORS = 16;

    public SimulatorSettings {
        List<InvalidConfigurationException.Problem> problems = new ArrayList<>();
        if (stationId == null || stationId.isBlank()) {
            problems.add(problem(STATION_ID, stationId, "must not be empty"));
        }
        if (connectors < 1 || connectors > MAX_CONNECTORS) {
            problems.add(problem(CONNECTORS, connectors, "must be between 1 and " + MAX_CONNECTORS));
        }
        positive(problems, MAX_CURRENT, maxCurrent);
        if (phases != 1 && phases != 3) {
            problems.add(problem(PHASES, phases, "must be 1 or 3"));
        }
        positive(problems, NOMINAL_VOLTAGE, nominalVoltage);
        text(problems, VENDOR, vendor, true, 20);
        text(problems, MODEL, model, true, 20);
        text(problems, SERIAL_NUMBER, serialNumber, false, 25);
        text(problems, FIRMWARE_VERSION, firmwareVersion, false, 50);
        notNegative(problems, EV_POWER, evPower);
        notNegative(problems, METER_START_WH, meterStartWh);
        if (diagnosticsMaxLogBytes < 1) {
            problems.add(problem(DIAGNOSTICS_MAX_LOG_BYTES, diagnosticsMaxLogBytes, "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /** The defaults with the given station identity. */
    public static SimulatorSettings defaults(String stationId) {
        return fromProperties(Map.of(STATION_ID, stationId));
    }

    /**
     * Reads and validates configuration properties (as ConfigAdmin delivers them: typed values, or strings from a
     * {@code .cfg} file). Missing keys take their defaults; unknown keys are ignored.
     *
     * @throws InvalidConfigurationException naming every bad key, its value and the reason
     */
    public static SimulatorSettings fromProperties(Map<String, ?> properties) {
        Reader r = new Reader(properties);
        String stationId = r.string(STATION_ID, DEFAULT_STATION_ID);
        int connectors = r.integer(CONNECTORS, DEFAULT_CONNECTORS);
        double maxCurrent = r.number(MAX_CURRENT, DEFAULT_MAX_CURRENT);
        int phases = r.integer(PHASES, DEFAULT_PHASES);
        double nominalVoltage = r.number(NOMINAL_VOLTAGE, DEFAULT_NOMINAL_VOLTAGE);
        boolean fixedCable = r.bool(FIXED_CABLE, DEFAULT_FIXED_CABLE);
        String vendor = r.string(VENDOR, DEFAULT_VENDOR);
        String model = r.string(MODEL, DEFAULT_MODEL);
        String serialNumber = emptyToNull(r.string(SERIAL_NUMBER, DEFAULT_SERIAL_NUMBER));
        String firmwareVersion = emptyToNull(r.string(FIRMWARE_VERSION, DEFAULT_FIRMWARE_VERSION));
        double evPower = r.number(EV_POWER, DEFAULT_EV_POWER);
        double meterStartWh = r.number(METER_START_WH, DEFAULT_METER_START_WH);
        Path dataDirectory = r.path(DATA_DIRECTORY, DEFAULT_DATA_DIRECTORY);
        boolean failFirmwareInstall = r.bool(FAIL_FIRMWARE_INSTALL, DEFAULT_FAIL_FIRMWARE_INSTALL);
        Path logDirectory = r.path(LOG_DIRECTORY, DEFAULT_LOG_DIRECTORY);
        long diagnosticsMaxLogBytes = r.longInteger(DIAGNOSTICS_MAX_LOG_BYTES, DEFAULT_DIAGNOSTICS_MAX_LOG_BYTES);
        if (!r.problems.isEmpty()) {
            throw new InvalidConfigurationException(r.problems);
        }
        return new SimulatorSettings(stationId.trim(), connectors, maxCurrent, phases, nominalVoltage, fixedCable,
                vendor, model, serialNumber, firmwareVersion, evPower, meterStartWh, dataDirectory,
                failFirmwareInstall, logDirectory, diagnosticsMaxLogBytes);
    }

    /** A readable name for logs: the station id, or "simulator" for the wildcard. */
    public String label() {
        return DEFAULT_STATION_ID.equals(stationId) ? "simulator" : stationId;
    }

    /** The connectors' capabilities (all connectors are alike). */
    public EvseCapabilities capabilities() {
        return new EvseCapabilities(Math.min(IEC_MIN_CURRENT, maxCurrent), maxCurrent, phases, fixedCable,
                !fixedCable, nominalVoltage);
    }

    /** The BootNotification identity. */
    public SystemIdentity identity() {
        return new SystemIdentity(vendor, model, serialNumber, null, firmwareVersion, null, null,
                "Simulated meter", serialNumber);
    }

    private static InvalidConfigurationException.Problem problem(String key, Object value, String reason) {
        return new InvalidConfigurationException.Problem(key, value, reason);
    }

    private static void positive(List<InvalidConfigurationException.Problem> problems, String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(problem(key, value, "must be a positive number"));
        }
    }

    private static void notNegative(List<InvalidConfigurationException.Problem> problems, String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(problem(key, value, "must be a number >= 0"));
        }
    }

    private static void text(List<InvalidConfigurationException.Problem> problems, String key, String value,
                             boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(problem(key, value, "must not be empty"));
            }
        } else if (value.length() > maxLength) {
            problems.add(problem(key, value, "must be at most " + maxLength + " characters (OCPP limit)"));
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Converts raw property values, collecting type problems. */
    private static final class Reader {
        private final Map<String, ?> properties;
        private final List<InvalidConfigurationException.Problem> problems = new ArrayList<>();

        Reader(Map<String, ?> properties) {
            this.properties = properties == null ? Map.of() : properties;
        }

        private Object raw(String key) {
            Object value = properties.get(key);
            if (value instanceof Object[] array) {
                if (array.length != 1) {
                    problems.add(problem(key, List.of(array), "must be a single value"));
                    return null;
                }
                return array[0];
            }
            return value;
        }

        String string(String key, String defaultValue) {
            Object value = raw(key);
            return value == null ? defaultValue : value.toString();
        }

        int integer(String key, int defaultValue) {
            Object value = raw(key);
            if (value == null) {
                return defaultValue;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                long l = ((Number) value).longValue();
                if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                    return (int) l;
                }
            } else {
                try {
                    return Integer.parseInt(value.toString().trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            problems.add(problem(key, value, "must be an integer"));
            return defaultValue;
        }

        long longInteger(String key, long defaultValue) {
            Object value = raw(key);
            if (value == null) {
                return defaultValue;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(problem(key, value, "must be an integer"));
                return defaultValue;
            }
        }

        double number(String key, double defaultValue) {
            Object value = raw(key);
            if (value == null) {
                return defaultValue;
            }
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(problem(key, value, "must be a number"));
                return defaultValue;
            }
        }

        boolean bool(String key, boolean defaultValue) {
            Object value = raw(key);
            if (value == null) {
                return defaultValue;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            String s = value.toString().trim();
            if ("true".equalsIgnoreCase(s)) {
                return true;
            }
            if ("false".equalsIgnoreCase(s)) {
                return false;
            }
            problems.add(problem(key, value, "must be true or false"));
            return defaultValue;
        }

        Path path(String key, String defaultValue) {
            String s = string(key, defaultValue);
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Path.of(s.trim());
            } catch (InvalidPathException e) {
                problems.add(problem(key, s, "is not a valid path: " + e.getReason()));
                return null;
            }
        }
    }
}
