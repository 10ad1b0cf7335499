package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.EvseCapabilities;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.EvseSink;
import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.MeterReading;
import io.chargegate.hardware.api.PilotState;
import io.chargegate.hardware.api.UnlockResult;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One simulated connector: EVSE (pilot, contactor, limit), energy meter and cable lock, plus the controls the
 * Gogo commands and tests use (plug, EV behaviour, stop button, faults).
 *
 * <p>Physics: while the contactor is closed the power is {@code min(evPower, limit in W, maxCurrent * phases *
 * voltage)} (an ampere limit converts with the phases it allows and the nominal voltage), else 0. The energy
 * register integrates that power over the {@link Ticker}'s monotonic time: at every state change, on every meter
 * read and on every {@link #tick()}. The contactor is closed exactly when power is allowed, the EV requests energy
 * (pilot C), the connector is enabled and no blocking fault is active. Until the first limit (and after
 * {@code applyLimit(null)}, which the SPI leaves undefined) the hardware maximum applies. An inoperative connector
 * refuses to charge; it does not signal pilot state F.
 *
 * <p>Threading: all state is guarded by one private lock; sink notifications are queued on the simulator's
 * {@link Outbox} under that lock and delivered after it is released.
 */
final class SimulatedConnector implements EvseDriver, MeterDriver, ConnectorLockDriver {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedConnector.class);
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    private static final double FREQUENCY_HZ = 50.0;
    private static final double AMBIENT_C = 25.0;

    private final String label;
    private final int id;
    private final SimulatorSettings settings;
    private final EvseCapabilities capabilities;
    private final Ticker ticker;
    private final Outbox outbox;
    private final Runnable persistHook;
    private final SinkSlot<EvseSink> slot = new SinkSlot<>();

    private final Object lock = new Object();
    private boolean plugged;
    private EvMode evMode = EvMode.AUTO;
    private PilotState pilot = PilotState.A;
    private boolean contactor;
    private boolean enabled = true;
    private boolean allowed;
    private ChargingLimit limit;
    private HardwareFault fault = HardwareFault.NONE;
    private boolean locked;
    private boolean lockFailure;
    private double energyWh;
    private double powerW;
    private long lastNanos;

    /**
     * @param pluggedIn         whether an EV is plugged in from the start (restored state: pilot B, EV mode idle)
     * @param persistHook       runs after the contactor opened and after an EV was plugged in or out (persistence)
     */
    SimulatedConnector(int id, SimulatorSettings settings, double initialEnergyWh, boolean pluggedIn, Ticker ticker,
                       Outbox outbox, Runnable persistHook) {
        this.id = id;
        this.settings = settings;
        this.label = settings.label() + " connector " + id;
        this.capabilities = settings.capabilities();
        this.ticker = ticker;
        this.outbox = outbox;
        this.persistHook = persistHook;
        this.energyWh = initialEnergyWh;
        this.lastNanos = ticker.nanoTime();
        this.plugged = pluggedIn;
        this.pilot = pluggedIn ? PilotState.B : PilotState.A;
    }

    /** The connector id (1..n). */
    int id() {
        return id;
    }

    // ---- EvseDriver

    @Override
    public EvseCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void attach(EvseSink sink) {
        Objects.requireNonNull(sink, "sink");
        synchronized (lock) {
            slot.attach(sink);
            PilotState p = pilot;
            boolean c = contactor;
            HardwareFault f = fault;
            outbox.post(() -> slot.deliver(sink, s -> s.pilotStateChanged(p)));
            outbox.post(() -> slot.deliver(sink, s -> s.contactorChanged(c)));
            outbox.post(() -> slot.deliver(sink, s -> s.faultChanged(f)));
        }
        LOG.debug("{}: sink attached", label);
        outbox.flush();
    }

    @Override
    public void detach() {
        slot.detach();
        LOG.debug("{}: sink detached", label);
    }

    @Override
    public void setEnabled(boolean enabled) {
        change(() -> {
            if (this.enabled != enabled) {
                this.enabled = enabled;
                LOG.info("{}: {}", label, enabled ? "operative" : "inoperative");
            }
        });
    }

    @Override
    public void allowPowerOn(boolean allowed) {
        change(() -> {
            if (this.allowed != allowed) {
                this.allowed = allowed;
                LOG.info("{}: power {}", label, allowed ? "allowed" : "no longer allowed");
            }
        });
    }

    @Override
    public void applyLimit(ChargingLimit limit) {
        change(() -> {
            if (!Objects.equals(this.limit, limit)) {
                this.limit = limit;
                LOG.info("{}: limit {}", label, ConnectorStatus.describe(limit));
            }
        });
    }

    // ---- MeterDriver

    @Override
    public MeterReading read() {
        synchronized (lock) {
            integrateLocked();
            if (fault.errorCode() == ChargePointErrorCode.POWER_METER_FAILURE) {
                throw new IllegalStateException(label + ": simulated meter failure");
            }
            Instant now = ticker.now();
            int used = usedPhasesLocked();
            double current = currentPerPhaseLocked();
            double[] currents = new double[settings.phases()];
            double[] voltages = new double[settings.phases()];
            double seconds = now.getEpochSecond() + now.getNano() / 1e9;
            for (int i = 0; i < currents.length; i++) {
                currents[i] = i < used ? current : 0;
                // deterministic "noise": +-0.5 V, slowly varying, phase-shifted per phase
                voltages[i] = Math.round((settings.nominalVoltage()
                        + 0.5 * Math.sin(seconds / 10.0 + i * 2.0944)) * 10) / 10.0;
            }
            double temperature = AMBIENT_C + 0.8 * powerW / 1000.0;
            return new MeterReading(now, energyWh, powerW, currents, voltages, FREQUENCY_HZ, null, temperature, null);
        }
    }

    // ---- ConnectorLockDriver

    @Override
    public boolean lock() {
        synchronized (lock) {
            if (settings.fixedCable()) {
                LOG.debug("{}: tethered cable, nothing to lock", label);
                return true;
            }
            if (lockFailure && !locked) {
                LOG.warn("{}: cable lock did not close (simulated failure)", label);
                return false;
            }
            if (!locked) {
                locked = true;
                LOG.info("{}: cable locked", label);
            }
            return true;
        }
    }

    @Override
    public UnlockResult unlock() {
        synchronized (lock) {
            if (settings.fixedCable()) {
                return UnlockResult.NOT_SUPPORTED;
            }
            if (lockFailure) {
                LOG.warn("{}: cable lock did not open (simulated failure)", label);
                return UnlockResult.UNLOCK_FAILED;
            }
            if (locked) {
                locked = false;
                LOG.info("{}: cable unlocked", label);
            }
            return UnlockResult.UNLOCKED;
        }
    }

    // ---- simulation controls

    /** Plugs the EV in (pilot A to B; to C at once if power is offered). Returns false if already plugged in. */
    boolean plug() {
        boolean[] changed = {false};
        change(() -> {
            if (!plugged) {
                plugged = true;
                evMode = EvMode.AUTO;
                setPilotLocked(PilotState.B);
                changed[0] = true;
                LOG.info("{}: EV plugged in", label);
            }
        });
        if (changed[0]) {
            persistHook.run(); // persist: the EV stays plugged in over a driver restart
        }
        return changed[0];
    }

    /** Whether an EV is plugged in. */
    boolean plugged() {
        synchronized (lock) {
            return plugged;
        }
    }

    /** Unplugs the EV (to A, contactor opens first). Returns false if nothing was plugged in. */
    boolean unplug() {
        boolean[] changed = {false};
        change(() -> {
            if (plugged) {
                plugged = false;
                evMode = EvMode.AUTO;
                changed[0] = true;
                if (locked) {
                    locked = false;
                    LOG.warn("{}: cable pulled out while locked (simulated); lock released", label);
                }
                LOG.info("{}: EV unplugged", label);
            }
        });
        if (changed[0]) {
            persistHook.run(); // persist
        }
        return changed[0];
    }

    /** Sets the vehicle's behaviour. */
    void setEvMode(EvMode mode) {
        Objects.requireNonNull(mode, "mode");
        change(() -> {
            if (!plugged) {
                throw new IllegalStateException(label + ": no EV plugged in");
            }
            evMode = mode;
            LOG.info("{}: EV {}", label, switch (mode) {
                case CHARGE -> "requests energy";
                case SUSPEND -> "pauses";
                case AUTO -> "charges when allowed";
            });
        });
    }

    /** The local stop button was pressed. */
    void pressStop() {
        synchronized (lock) {
            postLocked(EvseSink::localStopRequested);
        }
        LOG.info("{}: local stop button pressed", label);
        outbox.flush();
    }

    /** Raises a fault (replacing the current one); a blocking one opens the contactor. */
    void injectFault(HardwareFault newFault) {
        Objects.requireNonNull(newFault, "fault");
        change(() -> {
            fault = newFault;
            postLocked(s -> s.faultChanged(newFault));
            if (newFault.isFault()) {
                LOG.warn("{}: fault {}", label, ConnectorStatus.describe(newFault));
            } else {
                LOG.info("{}: fault cleared", label);
            }
        });
    }

    /** Clears the fault; returns false if there was none. */
    boolean clearFault() {
        synchronized (lock) {
            if (!fault.isFault()) {
                return false;
            }
        }
        injectFault(HardwareFault.NONE);
        return true;
    }

    /**
     * Jams the cable lock (true): {@link #lock()} of an unlocked cable and {@link #unlock()} fail; or makes it work
     * again (false).
     */
    void setLockFailure(boolean failing) {
        synchronized (lock) {
            lockFailure = failing;
        }
        LOG.info("{}: unlock {}", label, failing ? "will fail" : "works again");
    }

    /** Advances the energy register to now (called by the physics tick). */
    void tick() {
        synchronized (lock) {
            integrateLocked();
        }
    }

    /** The energy register now, in Wh. */
    double energyWh() {
        synchronized (lock) {
            integrateLocked();
            return energyWh;
        }
    }

    /** A snapshot of the connector now. */
    ConnectorStatus status() {
        synchronized (lock) {
            integrateLocked();
            return new ConnectorStatus(id, pilot, evMode, contactor, enabled, allowed, limit, energyWh, powerW,
                    currentPerPhaseLocked(), locked, lockFailure, fault);
        }
    }

    /** For tests: whether the calling thread holds this connector's lock. */
    boolean lockHeldByCurrentThread() {
        return Thread.holdsLock(lock);
    }

    // ---- internals

    /** Runs a mutation under the lock, reconciles pilot/contactor/power, then delivers and persists outside it. */
    private void change(Runnable mutation) {
        boolean opened;
        synchronized (lock) {
            integrateLocked();
            mutation.run();
            opened = reconcileLocked();
        }
        outbox.flush();
        if (opened) {
            persistHook.run();
        }
    }

    /** Derives pilot, contactor and power from the inputs; returns true when the contactor opened. */
    private boolean reconcileLocked() {
        boolean blocked = fault.isFault() && fault.blocking();
        boolean powerOffered = allowed && enabled && !blocked;
        PilotState newPilot;
        if (!plugged) {
            newPilot = PilotState.A;
        } else {
            newPilot = switch (evMode) {
                case CHARGE -> PilotState.C;
                case SUSPEND -> PilotState.B;
                case AUTO -> powerOffered ? PilotState.C : PilotState.B;
            };
        }
        boolean newContactor = powerOffered && newPilot.vehicleRequestsEnergy();
        boolean opened = contactor && !newContactor;
        if (opened) {
            contactor = false;
            powerW = 0;
            postLocked(s -> s.contactorChanged(false));
            LOG.info("{}: contactor opened", label);
        }
        setPilotLocked(newPilot);
        if (!contactor && newContactor) {
            contactor = true;
            powerW = computePowerLocked();
            postLocked(s -> s.contactorChanged(true));
            LOG.info("{}: contactor closed at {} A", label, String.format(Locale.ROOT, "%.1f",
                    currentPerPhaseLocked()));
        } else {
            double before = powerW;
            powerW = computePowerLocked();
            if (contactor && before != powerW) {
                LOG.info("{}: charging at {} A ({} W)", label,
                        String.format(Locale.ROOT, "%.1f", currentPerPhaseLocked()),
                        String.format(Locale.ROOT, "%.0f", powerW));
            }
        }
        return opened;
    }

    private void setPilotLocked(PilotState newPilot) {
        if (pilot != newPilot) {
            LOG.debug("{}: pilot {} -> {}", label, pilot, newPilot);
            pilot = newPilot;
            postLocked(s -> s.pilotStateChanged(newPilot));
        }
    }

    private void postLocked(Consumer<EvseSink> call) {
        EvseSink target = slot.current();
        if (target != null) {
            outbox.post(() -> slot.deliver(target, call));
        }
    }

    private void integrateLocked() {
        long now = ticker.nanoTime();
        long elapsed = now - lastNanos;
        lastNanos = now;
        if (elapsed > 0 && powerW > 0) {
            energyWh += powerW * elapsed / NANOS_PER_HOUR;
        }
    }

    private int usedPhasesLocked() {
        if (limit != null && limit.phases() != null) {
            return Math.min(limit.phases(), settings.phases());
        }
        return settings.phases();
    }

    private double computePowerLocked() {
        if (!contactor) {
            return 0;
        }
        double power = Math.min(settings.evPower(), capabilities.maxPower());
        if (limit != null) {
            double limitW = limit.unit() == ChargingLimit.Unit.WATT
                    ? limit.value()
                    : limit.value() * usedPhasesLocked() * settings.nominalVoltage();
            power = Math.min(power, limitW);
        }
        return power;
    }

    private double currentPerPhaseLocked() {
        return powerW / (usedPhasesLocked() * settings.nominalVoltage());
    }
}
