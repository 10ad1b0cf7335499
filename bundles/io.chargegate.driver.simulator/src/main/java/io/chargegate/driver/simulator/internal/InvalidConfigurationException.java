package io.chargegate.driver.simulator.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A simulator configuration was rejected. The message names every offending key with its value and the reason,
 * e.g. {@code connectors=0: must be between 1 and 16}.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** One rejected configuration value. */
    public record Problem(String key, Object value, String reason) {
        @Override
        public String toString() {
            return key + "=" + value + ": " + reason;
        }
    }

    private final transient List<Problem> problems;

    InvalidConfigurationException(List<Problem> problems) {
        super("invalid simulator configuration: "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The rejected values, at least one. */
    public List<Problem> problems() {
        return problems;
    }
}
