package io.chargegate.driver.simulator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Persists the connectors' energy registers, and which connectors have an EV plugged in, in {@value #FILE_NAME} in
 * the data directory (or nowhere when there is none), so a reinstalled or updated driver bundle continues its
 * registers and still sees the EVs that are physically plugged in (a driver restart does not unplug a car).
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

    /** The connectors saved with an EV plugged in (empty when none are saved). */
    Set<Integer> loadPlugged() throws IOException {
        Set<Integer> plugged = new TreeSet<>();
        Properties properties = file == null ? null : PropertyFiles.read(file);
        if (properties == null) {
            return plugged;
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("connector.") && key.endsWith(".plugged")
                    && Boolean.parseBoolean(properties.getProperty(key).trim())) {
                try {
                    plugged.add(Integer.parseInt(key.substring("connector.".length(), key.length() - ".plugged".length())));
                } catch (NumberFormatException e) {
                    LOG.warn("{}: ignoring unreadable entry {}", file, key);
                }
            }
        }
        return plugged;
    }

    /** Saves the registers and the plugged-in connectors (no-op without a data directory). */
    void save(Map<Integer, Double> registers, Set<Integer> plugged) throws IOException {
        if (file == null) {
            return;
        }
        Properties properties = new Properties();
        registers.forEach((connector, energy) ->
                properties.setProperty("connector." + connector + ".energyWh", Double.toString(energy)));
        plugged.forEach(connector -> properties.setProperty("connector." + connector + ".plugged", "true"));
        PropertyFiles.write(file, properties, "ChargeGate simulator energy import registers (Wh) and plugged-in EVs");
    }
}
