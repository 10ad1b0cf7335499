package io.chargegate.benchmarks;

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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A minimal one-connector charger for the load driver: the five driver services the simulator registers per
 * charge point (EVSE, meter and lock of connector 1 and the system driver in this object, the token reader in
 * {@link #tokenReader()}). A car plugged in
 * ({@link #plugIn()}) starts drawing 11 kW as soon as power is allowed; the energy register follows. Thread-safe.
 */
public final class LoadCharger implements EvseDriver, MeterDriver, ConnectorLockDriver, SystemDriver {
    private static final double POWER_W = 11_000;

    private volatile EvseSink sink;
    private volatile TokenSink tokenSink;
    private final TokenReader reader = new TokenReader() {
        @Override
        public void attach(TokenSink s) {
            tokenSink = s;
        }

        @Override
        public void detach() {
            tokenSink = null;
        }
    };
    private PilotState pilot = PilotState.A;
    private double energyWh = 1_000;
    private long chargingSinceNanos = -1;

    @Override
    public EvseCapabilities capabilities() {
        return new EvseCapabilities(6, 16, 3, true, false, 230);
    }

    @Override
    public void attach(EvseSink s) {
        PilotState p;
        synchronized (this) {
            sink = s;
            p = pilot;
        }
        s.pilotStateChanged(p);
        s.faultChanged(HardwareFault.NONE);
    }

    @Override
    public void detach() {
        sink = null;
    }

    @Override
    public void setEnabled(boolean enabled) {
        // always enabled
    }

    @Override
    public void allowPowerOn(boolean allowed) {
        PilotState next;
        synchronized (this) {
            if (allowed && pilot == PilotState.B) {
                pilot = PilotState.C;
                chargingSinceNanos = System.nanoTime();
            } else if (!allowed && pilot == PilotState.C) {
                energyWh = energyNow();
                chargingSinceNanos = -1;
                pilot = PilotState.B;
            } else {
                return;
            }
            next = pilot;
        }
        EvseSink s = sink;
        if (s != null) {
            s.pilotStateChanged(next);
            s.contactorChanged(next == PilotState.C);
        }
    }

    @Override
    public void applyLimit(ChargingLimit limit) {
        // the simulated car ignores limits
    }

    /** The car is plugged in (pilot state B). */
    public void plugIn() {
        synchronized (this) {
            if (pilot != PilotState.A) {
                return;
            }
            pilot = PilotState.B;
        }
        EvseSink s = sink;
        if (s != null) {
            s.pilotStateChanged(PilotState.B);
        }
    }

    /** Presents {@code idTag} at the token reader (for connector 1); false when no station attached the reader. */
    public boolean present(String idTag) {
        TokenSink t = tokenSink;
        if (t == null) {
            return false;
        }
        t.tokenPresented(idTag, 1);
        return true;
    }

    private double energyNow() {
        return chargingSinceNanos < 0 ? energyWh : energyWh + POWER_W * (System.nanoTime() - chargingSinceNanos) / 3.6e12;
    }

    @Override
    public synchronized MeterReading read() {
        return MeterReading.of(Instant.now(), energyNow(), chargingSinceNanos < 0 ? 0.0 : POWER_W);
    }

    @Override
    public boolean lock() {
        return true;
    }

    @Override
    public UnlockResult unlock() {
        return UnlockResult.NOT_SUPPORTED;
    }

    /** The station-wide token reader of this charger. */
    public TokenReader tokenReader() {
        return reader;
    }

    @Override
    public SystemIdentity identity() {
        return SystemIdentity.of("ChargeGate", "LoadCharger");
    }

    @Override
    public void installFirmware(Path file) throws IOException {
        throw new IOException("not supported by the load charger");
    }

    @Override
    public Path collectDiagnostics(Instant from, Instant to, Path directory) throws IOException {
        throw new IOException("not supported by the load charger");
    }

    @Override
    public void reset(ResetKind kind) {
        // nothing to reset
    }
}
