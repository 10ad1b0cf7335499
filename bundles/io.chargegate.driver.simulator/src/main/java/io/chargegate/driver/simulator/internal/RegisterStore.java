package io.chargegate.driver.simulator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Persists the connectors' energy registers in {@value #FILE_NAME} in the data directory (or nowhere when there is
 * none), so a reinstalled or updated driver bundle continues its registers.
 */
final class RegisterStore {

    /** The file in the data directory. */
    static final String FILE_NAME = "energy-registers.properties";

    private static final Logger LOG = LoggerFactory.getLogger(RegisterStore.class);

    private final Path file;

    /** @param directory the data directory, or null to keep nothing */
    RegisterStore(Path directory) {
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
    }

    /** The file, or null when registers are kept in memory only. */
    Path file() {
        return file;
    }

    /** The saved registers by connector id (empty when none are saved). */
    Map<Integer, Double> load() throws IOException {
        Map<Integer, Double> registers = new TreeMap<>();
        if (file == null) {
            return registers;
        }
        Properties properties = PropertyFiles.read(file);
        if (properties == null) {
            return registers;
        }
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (!key.startsWith("connector.") || !key.endsWith(".energyWh")) {
                continue;
            }
            try {
                int connector = Integer.parseInt(key.substring("connector.".length(), key.length() - ".energyWh".length()));
                double energy = Double.parseDouble(value);
                if (energy >= 0 && Double.isFinite(energy)) {
                    registers.put(connector, energy);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.warn("{}: ignoring unreadable entry {}={}", file, key, value);
        }
        return registers;
    }

    /** Saves the registers (no-op without a data directory). */
    void save(Map<Integer, Double> registers) throws IOException {
        if (file == null) {
            return;
        }
        Properties properties = new Properties();
        registers.forEach((connector, energy) ->
                properties.setProperty("connector." + connector + ".energyWh", Double.toString(energy)));
        PropertyFiles.write(file, properties, "ChargeGate simulator energy import registers (Wh)");
    }
}
