package io.chargegate.station.internal;

import io.chargegate.hardware.api.ResetKind;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ResetRetries: a SystemDriver whose Hard reset throws is retried, then the station runs on. */
class ResetRetriesTest extends RuntimeTestBase {

    /** A SystemDriver whose reset throws the first {@code failures} times. */
    static final class FailingSystem extends Fakes.FakeSystem {
        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;
        volatile Runnable onFailure = () -> { };
        volatile Runnable onDetachPower = () -> { };

        FailingSystem(int failures) {
            this.failures = failures;
        }

        @Override
        public void detachPower() {
            onDetachPower.run();
        }

        @Override
        public void reset(ResetKind kind) {
            int n = attempts.incrementAndGet();
            if (n <= failures) {
                onFailure.run();
                throw new IllegalStateException("controller busy (attempt " + n + ")");
            }
        }
    }

    /** Boots a station whose only SystemDriver is {@code sys}, with ResetRetries = {@code retries} and no retry pause. */
    private StationRuntime bootWith(FailingSystem sys, int retries) {
        h = new Harness(dir, 1);
        h.systems.remove(h.system);
        h.systems.add(sys, Harness.driverProps(null));
        h.config.put("resetRetryDelaySeconds", 0);
        StationRuntime st = bootPrepared(1);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("ResetRetries", Integer.toString(retries)));
        return st;
    }

    /** Waits for the BootNotification and the statuses of a restarted station. */
    private void awaitRestart() {
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    @Test
    void aFailedHardResetIsRetriedUntilItSucceeds() {
        FailingSystem sys = new FailingSystem(2);
        StationRuntime st = bootWith(sys, 3);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        awaitRestart();
        assertEquals(3, sys.attempts.get(), "two failures, the third attempt succeeded, no more");
        assertTrue(st.isRunning());
    }

    @Test
    void whenEveryAttemptFailsTheStationRunsOnAfterResetRetriesRetries() {
        FailingSystem sys = new FailingSystem(Integer.MAX_VALUE);
        StationRuntime st = bootWith(sys, 2);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        awaitRestart();
        assertEquals(3, sys.attempts.get(), "the first attempt and ResetRetries = 2 retries");
        assertTrue(st.isRunning());
        assertEquals(ChargePointStatus.AVAILABLE, st.connector(1).status());
    }

    @Test
    void resetRetriesZeroMeansOneAttempt() {
        FailingSystem sys = new FailingSystem(1);
        StationRuntime st = bootWith(sys, 0);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        awaitRestart();
        assertEquals(1, sys.attempts.get());
    }

    @Test
    void aHugeResetRetriesIsCapped() {
        FailingSystem sys = new FailingSystem(Integer.MAX_VALUE);
        StationRuntime st = bootWith(sys, 1000);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        awaitRestart();
        assertEquals(StationRuntime.MAX_RESET_RETRIES + 1, sys.attempts.get());
    }

    @Test
    void aSoftResetDoesNotCallTheSystemDriver() {
        FailingSystem sys = new FailingSystem(Integer.MAX_VALUE);
        StationRuntime st = bootWith(sys, 2);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.SOFT));
        awaitRestart();
        assertEquals(0, sys.attempts.get());
    }

    @Test
    void aStationStoppedWhileARetryWaitsIsNotStartedAgain() {
        FailingSystem sys = new FailingSystem(Integer.MAX_VALUE);
        StationRuntime st = bootWith(sys, 3);
        sys.onFailure = st::stop; // the component is deactivated while the reset is being tried
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        Harness.await("first attempt", () -> sys.attempts.get() >= 1);
        h.csms.assertNothing(r -> r instanceof BootNotificationRequest, 1000);
        assertEquals(1, sys.attempts.get(), "the retries were abandoned");
        assertFalse(st.isRunning());
    }

    @Test
    void aStationStoppedWhileTheResetStopsItIsNotStartedAgain() {
        FailingSystem sys = new FailingSystem(0);
        StationRuntime st = bootWith(sys, 0);
        // the component is deactivated while the reset's stop() runs (after it ended the generation)
        AtomicInteger deactivations = new AtomicInteger();
        sys.onDetachPower = () -> {
            sys.onDetachPower = () -> { };
            st.stop();
            deactivations.incrementAndGet();
        };
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.SOFT));
        Harness.await("the reset's stop", () -> deactivations.get() == 1);
        h.csms.assertNothing(r -> r instanceof BootNotificationRequest, 1000);
        assertFalse(st.isRunning(), "not restarted after the deactivation");
    }
}
