package io.chargegate.driver.simulator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Holds the sink a driver reports to and enforces the SPI rule that a sink is never called after
 * {@code detach()} returns: a delivery runs only while its sink is still attached, and {@link #detach()} waits
 * (bounded) for a delivery running on another thread. No lock is held while the sink runs.
 *
 * @param <S> the sink type
 */
final class SinkSlot<S> {

    private static final Logger LOG = LoggerFactory.getLogger(SinkSlot.class);
    private static final long DETACH_WAIT_MILLIS = 2000;

    private final Object lock = new Object();
    private S sink;
    private Thread delivering;

    /** Attaches a sink, replacing any previous one (which is called no more). */
    void attach(S newSink) {
        Objects.requireNonNull(newSink, "sink");
        synchronized (lock) {
            sink = newSink;
        }
    }

    /** The attached sink, or null. */
    S current() {
        synchronized (lock) {
            return sink;
        }
    }

    /** Detaches; when this returns the sink is no longer called (unless it is called from this very thread). */
    void detach() {
        synchronized (lock) {
            sink = null;
            long deadline = System.nanoTime() + DETACH_WAIT_MILLIS * 1_000_000L;
            while (delivering != null && delivering != Thread.currentThread()) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (remaining <= 0) {
                    LOG.warn("detach: a sink call on thread {} did not return within {} ms", delivering.getName(),
                            DETACH_WAIT_MILLIS);
                    return;
                }
                try {
                    lock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Calls {@code call} with {@code target} if {@code target} is still the attached sink. */
    void deliver(S target, Consumer<? super S> call) {
        synchronized (lock) {
            if (target == null || sink != target) {
                return;
            }
            delivering = Thread.currentThread();
        }
        try {
            call.accept(target);
        } finally {
            synchronized (lock) {
                delivering = null;
                lock.notifyAll();
            }
        }
    }
}
