package io.chargegate.driver.simulator.internal;

import java.time.Instant;

/**
 * The simulation's time source: a monotonic clock to integrate power over time and a wall clock for reading
 * timestamps. Production uses {@link #system()}; tests use a manual implementation so energy figures are exact.
 */
public interface Ticker {

    /** Monotonic time in nanoseconds (only differences are meaningful). */
    long nanoTime();

    /** The current wall-clock time. */
    Instant now();

    /** The JVM's clocks: {@link System#nanoTime()} and {@link Instant#now()}. */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
