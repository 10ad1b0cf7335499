package io.chargegate.driver.simulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code configuration.txt} of the diagnostics archive: every configuration of the gateway (PID, factory PID,
 * properties sorted by name) with secrets masked by {@link SecretMasker}. Free of OSGi: the component supplies the
 * configurations through a {@link Source}.
 */
final class ConfigurationDump {

    private ConfigurationDump() {
    }

    /**
     * One configuration.
     *
     * @param pid        its PID
     * @param factoryPid its factory PID, or null
     * @param properties its properties (may be empty)
     */
    record Entry(String pid, String factoryPid, Map<String, Object> properties) {
        Entry {
            Objects.requireNonNull(pid, "pid");
            properties = properties == null ? Map.of() : properties;
        }
    }

    /** Supplies the configurations (the OSGi component reads them from ConfigurationAdmin). */
    @FunctionalInterface
    interface Source {
        /** No configuration service: nothing can be listed. */
        Source UNAVAILABLE = Optional::empty;

        /**
         * Every configuration, or empty when no configuration service is available now.
         *
         * @throws IOException when the configuration service cannot list them
         */
        Optional<List<Entry>> configurations() throws IOException;
    }

    /**
     * The file's text and a line for README.txt.
     *
     * @param text      the content of configuration.txt
     * @param summary   what it holds, or why it is empty
     * @param available whether configurations were listed
     */
    record Dump(String text, String summary, boolean available) {
    }

    /** Lists the source's configurations with secrets masked; never throws. */
    static Dump of(Source source) {
        Optional<List<Entry>> listed;
        try {
            listed = source.configurations();
        } catch (IOException | RuntimeException e) {
            String reason = "the configurations could not be listed: " + e;
            return new Dump(reason + "\n", reason, false);
        }
        if (listed.isEmpty()) {
            String reason = "ConfigurationAdmin was not available; no configuration listed";
            return new Dump(reason + "\n", reason, false);
        }
        List<Entry> entries = new ArrayList<>(listed.get());
        entries.sort(Comparator.comparing(Entry::pid));
        StringBuilder sb = new StringBuilder();
        sb.append("ConfigurationAdmin configurations: ").append(entries.size())
                .append(" (secrets masked as ").append(SecretMasker.MASK).append(")\n");
        int masked = 0;
        for (Entry entry : entries) {
            sb.append('\n').append("PID: ").append(entry.pid()).append('\n');
            if (entry.factoryPid() != null) {
                sb.append("Factory PID: ").append(entry.factoryPid()).append('\n');
            }
            if (entry.properties().isEmpty()) {
                sb.append("  (no properties)\n");
            }
            for (Map.Entry<String, Object> property : new TreeMap<>(entry.properties()).entrySet()) {
                String name = property.getKey();
                if (SecretMasker.masks(name, property.getValue())) {
                    masked++;
                }
                sb.append("  ").append(oneLine(name)).append(" = ")
                        .append(oneLine(SecretMasker.render(name, property.getValue()))).append('\n');
            }
        }
        return new Dump(sb.toString(), entries.size() + " configuration(s), " + masked + " secret value(s) masked as "
                + SecretMasker.MASK, true);
    }

    /** Keeps one property on one line (line breaks shown as \r and \n). */
    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
