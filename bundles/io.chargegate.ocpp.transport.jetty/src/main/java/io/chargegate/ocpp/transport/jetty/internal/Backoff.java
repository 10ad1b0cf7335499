package io.chargegate.ocpp.transport.jetty.internal;

import java.time.Duration;

/**
 * Reconnect delays: exponential growth with full jitter, bounded by {@code min} and {@code max}. Pure functions of
 * the number of consecutive failures and a random number, so they can be tested without clocks.
 *
 * <p>After {@code n} consecutive failures ({@code n >= 0}) the ceiling is {@code min(max, min * 2^(n+1))} and the
 * delay is uniformly distributed in {@code [min, ceiling]}: even the first reconnect of many stations that lost
 * the same CSMS at the same moment is spread over {@code [min, 2 min]}, and later ones over ever wider windows.
 *
 * @param min smallest delay, positive
 * @param max largest delay, at least {@code min}
 */
public record Backoff(Duration min, Duration max) {

    /** Validates the bounds. */
    public Backoff {
        if (min == null || min.isZero() || min.isNegative()) {
            throw new IllegalArgumentException("min must be positive, got: " + min);
        }
        if (max == null || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max must be at least min, got: " + max);
        }
    }

    /** Upper bound of the delay after {@code failures} consecutive failures; grows to {@code max} and stays there. */
    public Duration ceiling(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative: " + failures);
        }
        long minNanos = min.toNanos();
        long maxNanos = max.toNanos();
        int shift = Math.min(failures, 61) + 1;
        long ceiling = minNanos > (maxNanos >> shift) ? maxNanos : minNanos << shift;
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    /**
     * The delay after {@code failures} consecutive failures.
     *
     * @param random uniformly distributed in {@code [0, 1)}
     */
    public Duration delay(int failures, double random) {
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        long minNanos = min.toNanos();
        long span = ceiling(failures).toNanos() - minNanos;
        return Duration.ofNanos(minNanos + (long) (span * random));
    }
}
