package io.chargegate.driver.simulator.internal;

import java.time.Duration;
import java.time.Instant;

/** A {@link Ticker} that moves only when a test advances it. */
final class ManualTicker implements Ticker {

    private long nanos = 1_000_000_000L;
    private Instant now = Instant.parse("2025-01-01T10:00:00Z");

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
        now = now.plus(duration);
    }
}
