package io.chargegate.station.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static io.chargegate.station.internal.StationRuntime.cancel;

/**
 * Clock-aligned metering of a {@link StationRuntime} (OCPP 1.6 ClockAlignedDataInterval): a timer on the shared
 * scheduler fires at each boundary of the interval (from midnight UTC, on the CSMS clock) and every connector samples
 * it ({@link Connector#sampleClockAligned}); a boundary is never sampled twice, also across a restart. Sampled metering
 * (MeterValueSampleInterval) is each {@link Connector}'s own. It reaches the runtime only through {@link Host}.
 *
 * <h2>Locking</h2>
 * Guarded by the runtime's monitor ({@link Host#lock()}, the {@link StationRuntime} instance): every method is called
 * with it held; the timer takes it first and checks the generation it was scheduled in.
 */
final class MeterSampler {
    /**
     * What clock-aligned metering needs from its runtime. Implemented by the runtime; every method is called with the
     * runtime's monitor held and reads the runtime's current state (configuration and connectors change on restart).
     */
    interface Host {
        /** The monitor guarding the runtime (the runtime itself). */
        Object lock();

        ScheduledExecutorService scheduler();

        /** The current generation (one per {@link StationRuntime#start()}). */
        long generation();

        boolean running();

        ConfigurationRegistry config();

        /** All connectors by id, 0 included. */
        Connector[] connectors();

        /** The time on the CSMS clock. */
        Instant now();
    }

    private final Host host;

    // ---- state, guarded by the runtime's monitor
    private ScheduledFuture<?> alignedTask;
    /** The clock-aligned boundary sampled last (CSMS clock), so a timer firing early never samples one twice. */
    private Instant lastAlignedBoundary = Instant.MIN;

    /**
     * @param host the runtime this belongs to
     */
    MeterSampler(Host host) {
        this.host = host;
    }

    /** Cancels the scheduled clock-aligned sample (a stop; the last boundary sampled is kept). */
    void cancelAligned() {
        cancel(alignedTask);
    }

    /**
     * Schedules the next clock-aligned sample (ClockAlignedDataInterval; none when 0), replacing the one scheduled, at
     * the first boundary after now that was not sampled yet.
     */
    void scheduleClockAligned() {
        cancel(alignedTask);
        alignedTask = null;
        int interval = host.config().intValue(ConfigurationRegistry.CLOCK_ALIGNED_DATA_INTERVAL, 0);
        if (interval <= 0 || !host.running()) {
            return;
        }
        Instant boundary = nextAlignedBoundary(host.now(), interval);
        if (!boundary.isAfter(lastAlignedBoundary)) {
            boundary = nextAlignedBoundary(lastAlignedBoundary, interval);
        }
        long delayMs = Duration.between(host.now(), boundary).toMillis();
        long gen = host.generation();
        Instant at = boundary;
        alignedTask = host.scheduler().schedule(() -> clockAligned(gen, at), Math.max(1, delayMs), TimeUnit.MILLISECONDS);
    }

    /**
     * The first clock-aligned instant after {@code t}: intervals start at midnight UTC, and an interval that does not
     * divide the day is cut short at the next midnight (OCPP 1.6, ClockAlignedDataInterval).
     */
    static Instant nextAlignedBoundary(Instant t, int intervalSeconds) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        long secondsOfDay = z.toLocalTime().toSecondOfDay();
        long next = Math.min(86_400L, (secondsOfDay / intervalSeconds + 1) * intervalSeconds);
        return z.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(next);
    }

    /** A clock-aligned boundary was reached: every connector samples it, then the next one is scheduled. */
    private void clockAligned(long gen, Instant boundary) {
        synchronized (host.lock()) {
            if (gen != host.generation() || !host.running()) {
                return;
            }
            lastAlignedBoundary = boundary;
            Connector[] connectors = host.connectors();
            for (int i = 1; i < connectors.length; i++) {
                connectors[i].sampleClockAligned(boundary);
            }
            scheduleClockAligned();
        }
    }
}
