package io.chargegate.station.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.EvseCapabilities;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.EvseSink;
import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.MeterReading;
import io.chargegate.hardware.api.PilotState;
import io.chargegate.hardware.api.ResetKind;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.SystemIdentity;
import io.chargegate.hardware.api.TokenReader;
import io.chargegate.hardware.api.TokenSink;
import io.chargegate.hardware.api.UnlockResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake drivers the tests drive by hand. */
final class Fakes {
    private Fakes() {
    }

    /** An EVSE whose pilot state the test sets; optionally behaves like a car that starts charging when allowed. */
    static final class FakeEvse implements EvseDriver {
        volatile EvseSink sink;
        volatile PilotState pilot = PilotState.A;
        volatile boolean powerAllowed;
        volatile boolean enabled = true;
        volatile boolean autoCharge = true;
        final boolean fixedCable;
        final AtomicInteger attachCount = new AtomicInteger();
        /** How often the EVSE was enabled (setEnabled(true)). */
        final AtomicInteger enables = new AtomicInteger();

        FakeEvse(boolean fixedCable) {
            this.fixedCable = fixedCable;
        }

        @Override
        public EvseCapabilities capabilities() {
            return new EvseCapabilities(6, 32, 3, fixedCable, !fixedCable, 230);
        }

        @Override
        public void attach(EvseSink s) {
            sink = s;
            attachCount.incrementAndGet();
            s.pilotStateChanged(pilot);
            s.faultChanged(HardwareFault.NONE);
        }

        @Override
        public void detach() {
            sink = null;
        }

        @Override
        public void setEnabled(boolean e) {
            enabled = e;
            if (e) {
                enables.incrementAndGet();
            }
        }

        @Override
        public void allowPowerOn(boolean allowed) {
            powerAllowed = allowed;
            if (allowed && autoCharge && pilot == PilotState.B) {
                setPilot(PilotState.C);
            } else if (!allowed && pilot == PilotState.C) {
                setPilot(PilotState.B);
            }
        }

        /** Every limit applied, in order. */
        final List<ChargingLimit> limits = new CopyOnWriteArrayList<>();

        @Override
        public void applyLimit(ChargingLimit limit) {
            limits.add(limit);
        }

        ChargingLimit lastLimit() {
            return limits.isEmpty() ? null : limits.get(limits.size() - 1);
        }

        void setPilot(PilotState p) {
            pilot = p;
            EvseSink s = sink;
            if (s != null) {
                s.pilotStateChanged(p);
            }
        }

        void plugIn() {
            setPilot(PilotState.B);
        }

        void unplug() {
            setPilot(PilotState.A);
        }

        void fault(HardwareFault f) {
            EvseSink s = sink;
            if (s != null) {
                s.faultChanged(f);
            }
        }

        void stopButton() {
            EvseSink s = sink;
            if (s != null) {
                s.localStopRequested();
            }
        }
    }

    /** A meter whose register grows by {@code step} Wh per read; while {@code broken} a read throws. */
    static final class FakeMeter implements MeterDriver {
        volatile double wh;
        volatile double step = 10;
        volatile boolean broken;

        FakeMeter(double start) {
            this.wh = start;
        }

        @Override
        public synchronized MeterReading read() {
            if (broken) {
                throw new IllegalStateException("modbus timeout");
            }
            double now = wh;
            wh += step;
            return new MeterReading(Instant.now(), now, 7400.0, new double[]{10, 10, 10}, new double[]{230, 231, 229},
                    50.0, null, null, null);
        }
    }

    /** A cable lock. */
    static final class FakeLock implements ConnectorLockDriver {
        volatile boolean lockOk = true;
        volatile UnlockResult unlockResult = UnlockResult.UNLOCKED;
        volatile boolean locked;
        final AtomicInteger unlocks = new AtomicInteger();

        @Override
        public boolean lock() {
            locked = lockOk;
            return lockOk;
        }

        @Override
        public UnlockResult unlock() {
            unlocks.incrementAndGet();
            if (unlockResult == UnlockResult.UNLOCKED) {
                locked = false;
            }
            return unlockResult;
        }
    }

    /** A token reader. */
    static final class FakeReader implements TokenReader {
        volatile TokenSink sink;

        @Override
        public void attach(TokenSink s) {
            sink = s;
        }

        @Override
        public void detach() {
            sink = null;
        }

        void present(String idTag, int connectorId) {
            sink.tokenPresented(idTag, connectorId);
        }
    }

    /** The system: identity and recorded resets; {@code identityFails} makes identity() throw. */
    static class FakeSystem implements SystemDriver {
        final List<ResetKind> resets = new CopyOnWriteArrayList<>();
        volatile boolean identityFails;

        @Override
        public SystemIdentity identity() {
            if (identityFails) {
                throw new IllegalStateException("EEPROM unreadable");
            }
            return new SystemIdentity("FakeVendor", "FakeModel", "SN-1", null, "1.2.3", null, null, null, null);
        }

        @Override
        public void installFirmware(Path file) {
        }

        @Override
        public Path collectDiagnostics(Instant from, Instant to, Path directory) {
            return directory;
        }

        @Override
        public void reset(ResetKind kind) {
            resets.add(kind);
        }
    }
}
