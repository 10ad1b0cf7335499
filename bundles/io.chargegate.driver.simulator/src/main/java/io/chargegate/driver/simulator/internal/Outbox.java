package io.chargegate.driver.simulator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers sink notifications of one simulator in the order they were posted, one at a time, on the given
 * executor, never while a simulator lock is held. State changes {@link #post(Runnable) post} under their lock and
 * {@link #flush()} after releasing it. A notification that re-enters the simulator (a sink calling a driver method)
 * only queues further notifications; the running drain delivers them next, so nothing deadlocks and order holds.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Executor executor;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Outbox(Executor executor) {
        this.executor = executor;
    }

    /** Queues a notification; cheap, may be called while holding a lock. */
    void post(Runnable notification) {
        queue.add(notification);
    }

    /** Starts delivering the queued notifications unless a delivery is already running. Call without locks. */
    void flush() {
        if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down: the sinks are detached by now
            scheduled.set(false);
            queue.clear();
            LOG.debug("simulator stopped; pending notifications dropped");
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            while ((next = queue.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.warn("a sink failed to handle a simulator notification", e);
                }
            }
            scheduled.set(false);
            if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
