package io.chargegate.station.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one scheduler every station of this gateway shares (timers, RPC timeouts, handler execution), so a thousand
 * stations do not mean a thousand threads. A DS service of this bundle's own internal type; stations only run short
 * tasks on it.
 */
@Component(service = StationExecutor.class)
public final class StationExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(StationExecutor.class);

    private final ScheduledThreadPoolExecutor executor;

    /** Creates the pool (2 threads, or the number of processors when larger, at most 8). */
    @Activate
    public StationExecutor() {
        this(Math.min(8, Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    /** Creates a pool with {@code threads} daemon threads (tests). */
    public StationExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "chargegate-station-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The shared scheduler. */
    public ScheduledExecutorService scheduler() {
        return executor;
    }

    /** Stops the pool (after every station using it is gone: DS deactivates the stations first). */
    @Deactivate
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("station executor threads did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
