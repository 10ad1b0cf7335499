package io.chargegate.ocpp.rpc.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disagreements between the codec (or the model) and the official schemas, collected during one run and
 * written as a Markdown table for routing to the owners. Identical findings of several instances of the
 * same payload type are merged.
 */
final class Findings {

    /**
     * One disagreement.
     *
     * @param type    payload type
     * @param check   positive or mutation check that found it, e.g. {@code round trip} or {@code bad enum}
     * @param subject what was checked: the mutation, or the property
     * @param oracle  what networknt (the official schema) says
     * @param ours    what our codec / model did
     */
    record Finding(String type, String check, String subject, String oracle, String ours) {
    }

    private final Map<Finding, List<String>> findings = new LinkedHashMap<>();

    /** Records a finding seen on one instance (label such as {@code full #3}). */
    synchronized void add(Finding finding, String instance) {
        findings.computeIfAbsent(finding, f -> new ArrayList<>()).add(instance);
    }

    /** Number of distinct findings so far. */
    synchronized int size() {
        return findings.size();
    }

    /** Writes the current list, with the run's summary line, to {@code file} (overwriting it). */
    synchronized void write(Path file, String summary) {
        StringBuilder md = new StringBuilder();
        md.append("# OCPP codec schema-conformance findings\n\n");
        md.append(summary).append("\n\n");
        if (findings.isEmpty()) {
            md.append("No open findings: the codec agrees with the official schemas on every generated instance and mutation.\n");
        } else {
            md.append("| # | payload type | check | subject | official schema (networknt) | our codec / model | instances |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            int n = 1;
            for (Map.Entry<Finding, List<String>> e : findings.entrySet()) {
                Finding f = e.getKey();
                List<String> inst = e.getValue();
                String instances = inst.size() <= 4 ? String.join(", ", inst)
                        : String.join(", ", inst.subList(0, 3)) + " and " + (inst.size() - 3) + " more";
                md.append("| ").append(n++).append(" | ").append(cell(f.type())).append(" | ").append(cell(f.check()))
                        .append(" | ").append(cell(f.subject())).append(" | ").append(cell(f.oracle()))
                        .append(" | ").append(cell(f.ours())).append(" | ").append(cell(instances)).append(" |\n");
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String cell(String s) {
        String one = s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
        return one.length() > 300 ? one.substring(0, 297) + "..." : one;
    }
}
