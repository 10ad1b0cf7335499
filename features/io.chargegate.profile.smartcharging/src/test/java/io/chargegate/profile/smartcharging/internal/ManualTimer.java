package io.chargegate.profile.smartcharging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link StationCharging.Timer} driven by the test: tasks are due at the fake station's clock plus their delay and
 * run only when the test advances the clock past them (in due order, the clock set to each due instant first).
 */
final class ManualTimer implements StationCharging.Timer {

    private static final class Task {
        final long dueMillis;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Task(long dueMillis, long seq, Runnable task) {
            this.dueMillis = dueMillis;
            this.seq = seq;
            this.task = task;
        }
    }

    private final FakeStation clock;
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    ManualTimer(FakeStation clock) {
        this.clock = clock;
    }

    @Override
    public Runnable schedule(Runnable task, long delayMillis) {
        if (delayMillis < 0) {
            throw new AssertionError("negative delay " + delayMillis);
        }
        Task t = new Task(clock.now().toEpochMilli() + delayMillis, seq++, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Runs the tasks due now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward by {@code d}, running each task when the clock reaches its due time. */
    void advance(Duration d) {
        long target = clock.now().toEpochMilli() + d.toMillis();
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && t.dueMillis <= target)
                    .min(Comparator.<Task>comparingLong(t -> t.dueMillis).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            if (next.dueMillis > clock.now().toEpochMilli()) {
                clock.setNow(Instant.ofEpochMilli(next.dueMillis));
            }
            next.task.run();
        }
        clock.setNow(Instant.ofEpochMilli(target));
    }

    /** The due instant of the earliest pending task, or null. */
    Instant nextDue() {
        java.util.OptionalLong min = tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.dueMillis).min();
        return min.isPresent() ? Instant.ofEpochMilli(min.getAsLong()) : null;
    }
}
