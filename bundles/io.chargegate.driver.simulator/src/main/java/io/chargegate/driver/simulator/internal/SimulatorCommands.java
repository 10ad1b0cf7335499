package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.MeterReading;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The {@code sim:*} Gogo commands, one service for all running simulators (no compile dependency on Gogo: plain
 * public methods). Every command takes an optional station id as its first argument; without it, it acts on the
 * only (or first started) simulator: {@code sim:plug 1}, {@code sim:plug CP-2 1}. {@code sim:tag} takes the station
 * only together with a connector ({@code sim:tag CP-2 ABC123 0}) so a token is never mistaken for a station.
 * Errors are thrown as {@link IllegalArgumentException}/{@link IllegalStateException} with a readable message.
 */
@Component(service = SimulatorCommands.class, property = {
        "osgi.command.scope=sim",
        "osgi.command.function=plug", "osgi.command.function=unplug", "osgi.command.function=ev",
        "osgi.command.function=tag", "osgi.command.function=stop", "osgi.command.function=fault",
        "osgi.command.function=clear", "osgi.command.function=meter", "osgi.command.function=status",
        "osgi.command.function=lockfail", "osgi.command.function=power"})
public final class SimulatorCommands {

    /** Faults reported as warnings (charging continues); every other error code blocks the connector. */
    static final Set<ChargePointErrorCode> WARNINGS = Set.of(ChargePointErrorCode.WEAK_SIGNAL,
            ChargePointErrorCode.LOCAL_LIST_CONFLICT, ChargePointErrorCode.RESET_FAILURE,
            ChargePointErrorCode.READER_FAILURE);

    private final List<ChargePointSimulator> simulators = new CopyOnWriteArrayList<>();

    /** Creates the command service with no simulators (DS binds them). */
    public SimulatorCommands() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeSimulator")
    void addSimulator(ChargePointSimulator simulator) {
        simulators.add(simulator);
    }

    void removeSimulator(ChargePointSimulator simulator) {
        simulators.remove(simulator);
    }

    /** {@code sim:plug <connector>}: plugs an EV in (pilot A to B). */
    public String plug(int connector) {
        return plug(null, connector);
    }

    /** {@code sim:plug <station> <connector>}. */
    public String plug(String station, int connector) {
        ChargePointSimulator sim = resolve(station);
        boolean changed = sim.connector(connector).plug();
        return prefix(sim, connector) + (changed ? "EV plugged in" : "EV was already plugged in");
    }

    /** {@code sim:unplug <connector>}: unplugs the EV (to A). */
    public String unplug(int connector) {
        return unplug(null, connector);
    }

    /** {@code sim:unplug <station> <connector>}. */
    public String unplug(String station, int connector) {
        ChargePointSimulator sim = resolve(station);
        boolean changed = sim.connector(connector).unplug();
        return prefix(sim, connector) + (changed ? "EV unplugged" : "no EV was plugged in");
    }

    /**
     * {@code sim:ev <connector> charging|suspended|idle}: the EV asks for energy (C), pauses (B), or follows the EVSE
     * (idle: takes energy when offered). {@code charge}, {@code suspend} and {@code auto} are accepted as aliases.
     */
    public String ev(int connector, String mode) {
        return ev(null, connector, mode);
    }

    /** {@code sim:ev <station> <connector> charging|suspended|idle}. */
    public String ev(String station, int connector, String mode) {
        EvMode evMode = switch (mode == null ? "" : mode.toLowerCase(Locale.ROOT)) {
            case "charging", "charge" -> EvMode.CHARGE;
            case "suspended", "suspend" -> EvMode.SUSPEND;
            case "idle", "auto" -> EvMode.AUTO;
            default -> throw new IllegalArgumentException("EV mode must be charging, suspended or idle, got " + mode);
        };
        ChargePointSimulator sim = resolve(station);
        sim.connector(connector).setEvMode(evMode);
        return prefix(sim, connector) + "EV mode " + evMode.name().toLowerCase(Locale.ROOT);
    }

    /** {@code sim:tag <idTag>}: presents a token at the station-wide reader. */
    public String tag(String idTag) {
        return tag(null, idTag, 0);
    }

    /** {@code sim:tag <idTag> <connector>}: presents a token with a connector hint (0 = none). */
    public String tag(String idTag, int connector) {
        return tag(null, idTag, connector);
    }

    /** {@code sim:tag <station> <idTag> <connector>}. */
    public String tag(String station, String idTag, int connector) {
        ChargePointSimulator sim = resolve(station);
        boolean delivered = sim.tokenReader().present(idTag, connector);
        return sim.settings().label() + ": token " + idTag + (connector == 0 ? "" : " at connector " + connector)
                + (delivered ? " presented" : " presented, but no runtime listens (no sink attached)");
    }

    /** {@code sim:stop <connector>}: presses the local stop button. */
    public String stop(int connector) {
        return stop(null, connector);
    }

    /** {@code sim:stop <station> <connector>}. */
    public String stop(String station, int connector) {
        ChargePointSimulator sim = resolve(station);
        sim.connector(connector).pressStop();
        return prefix(sim, connector) + "local stop requested";
    }

    /** {@code sim:fault <connector> <ChargePointErrorCode>}: raises a fault, e.g. {@code GroundFailure}. */
    public String fault(int connector, String errorCode) {
        return fault(null, connector, errorCode, null);
    }

    /** {@code sim:fault <connector> <ChargePointErrorCode> <vendorCode>}. */
    public String fault(int connector, String errorCode, String vendorCode) {
        return fault(null, connector, errorCode, vendorCode);
    }

    /** {@code sim:fault <station> <connector> <ChargePointErrorCode>}. */
    public String fault(String station, int connector, String errorCode) {
        return fault(station, connector, errorCode, null);
    }

    /** {@code sim:fault <station> <connector> <ChargePointErrorCode> <vendorCode>}. */
    public String fault(String station, int connector, String errorCode, String vendorCode) {
        ChargePointErrorCode code = parseErrorCode(errorCode);
        if (vendorCode != null && vendorCode.length() > 50) {
            throw new IllegalArgumentException("vendorCode must be at most 50 characters");
        }
        HardwareFault fault = new HardwareFault(code, vendorCode, "simulated", !WARNINGS.contains(code));
        ChargePointSimulator sim = resolve(station);
        sim.connector(connector).injectFault(fault);
        return prefix(sim, connector) + "fault " + ConnectorStatus.describe(fault);
    }

    /** {@code sim:clear <connector>}: clears the fault. */
    public String clear(int connector) {
        return clear(null, connector);
    }

    /** {@code sim:clear <station> <connector>}. */
    public String clear(String station, int connector) {
        ChargePointSimulator sim = resolve(station);
        boolean cleared = sim.connector(connector).clearFault();
        return prefix(sim, connector) + (cleared ? "fault cleared" : "no fault to clear");
    }

    /** {@code sim:meter <connector>}: the current meter reading. */
    public String meter(int connector) {
        return meter(null, connector);
    }

    /** {@code sim:meter <station> <connector>}. */
    public String meter(String station, int connector) {
        ChargePointSimulator sim = resolve(station);
        MeterReading r = sim.connector(connector).read();
        return prefix(sim, connector) + String.format(Locale.ROOT, "%.3f Wh, %.1f W, %s A, %s V, %.1f Hz, %.1f C at %s",
                r.energyImportWh(), r.powerW(), join(r.currentA(), "%.2f"), join(r.voltageV(), "%.1f"),
                r.frequencyHz(), r.temperatureC(), r.timestamp());
    }

    /** {@code sim:status}: one line per connector of every simulator. */
    public String status() {
        if (simulators.isEmpty()) {
            return "no simulator is running";
        }
        return simulators.stream().map(ChargePointSimulator::status).collect(Collectors.joining("\n"));
    }

    /** {@code sim:status <station>}: one line per connector of that simulator. */
    public String status(String station) {
        return resolve(station).status();
    }

    /**
     * {@code sim:lockfail <connector> true|false}: jams the cable lock (locking fails, unlocking answers UnlockFailed)
     * or makes it work again.
     */
    public String lockfail(int connector, String failing) {
        return lockfail(null, connector, failing);
    }

    /** {@code sim:lockfail <station> <connector> true|false}. */
    public String lockfail(String station, int connector, String failing) {
        boolean fail = switch (failing == null ? "" : failing.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got " + failing);
        };
        ChargePointSimulator sim = resolve(station);
        sim.connector(connector).setLockFailure(fail);
        return prefix(sim, connector) + (fail ? "lock and unlock will fail" : "lock and unlock work");
    }

    /**
     * {@code sim:power fail|restore}: mains power fails (the charge point runs on backup power for an unknown time;
     * the system driver reports it to the runtime, which stops the transactions with reason PowerLoss) or comes back.
     */
    public String power(String action) {
        return power(null, action, null);
    }

    /**
     * {@code sim:power fail <backupSeconds>} (mains fails, backup power for about that long) or
     * {@code sim:power <station> fail|restore}: a first argument {@code fail} or {@code restore} is the action.
     */
    public String power(String first, String second) {
        if (powerAction(first) != null && powerAction(second) == null) {
            int seconds;
            try {
                seconds = Integer.parseInt(second.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("backup seconds must be a whole number, got " + second);
            }
            return power(null, first, seconds);
        }
        return power(first, second, null);
    }

    /** {@code sim:power <station> fail <backupSeconds>}. */
    public String power(String station, String action, int backupSeconds) {
        return power(station, action, Integer.valueOf(backupSeconds));
    }

    private String power(String station, String action, Integer backupSeconds) {
        Boolean fail = powerAction(action);
        if (fail == null) {
            throw new IllegalArgumentException("expected fail or restore, got " + action);
        }
        if (!fail && backupSeconds != null) {
            throw new IllegalArgumentException("backup seconds go with fail only");
        }
        if (backupSeconds != null && backupSeconds < 0) {
            throw new IllegalArgumentException("backup seconds must not be negative, got " + backupSeconds);
        }
        ChargePointSimulator sim = resolve(station);
        SimulatedSystem system = sim.system();
        String label = sim.settings().label() + ": ";
        String listener = system.powerSinkAttached() ? "" : " (no runtime listens: no power sink attached)";
        if (fail) {
            Duration backup = backupSeconds == null ? null : Duration.ofSeconds(backupSeconds);
            if (!system.failMains(backup)) {
                return label + "mains power was already lost";
            }
            return label + "mains power lost, on backup power "
                    + (backup == null ? "(duration unknown)" : "for about " + backupSeconds + " s") + listener;
        }
        return label + (system.restoreMains() ? "mains power restored" + listener : "mains power was not lost");
    }

    /** TRUE for fail, FALSE for restore, null for anything else. */
    private static Boolean powerAction(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> Boolean.TRUE;
            case "restore" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The simulator for the station, or the only/first one when {@code station} is null. */
    ChargePointSimulator resolve(String station) {
        List<ChargePointSimulator> running = List.copyOf(simulators);
        if (running.isEmpty()) {
            throw new IllegalStateException("no simulator is running (create a factory configuration of "
                    + SimulatedChargePoint.PID + ")");
        }
        if (station == null) {
            return running.get(0);
        }
        return running.stream().filter(s -> s.stationId().equals(station)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulator for station " + station
                        + "; running: " + running.stream().map(ChargePointSimulator::stationId)
                        .collect(Collectors.joining(", "))));
    }

    private static ChargePointErrorCode parseErrorCode(String value) {
        ChargePointErrorCode code = ChargePointErrorCode.fromValue(value);
        if (code == null && value != null) {
            code = Arrays.stream(ChargePointErrorCode.values())
                    .filter(c -> c.value().equalsIgnoreCase(value) || c.name().equalsIgnoreCase(value))
                    .findFirst().orElse(null);
        }
        if (code == null || code == ChargePointErrorCode.NO_ERROR) {
            throw new IllegalArgumentException("error code must be one of "
                    + Arrays.stream(ChargePointErrorCode.values()).filter(c -> c != ChargePointErrorCode.NO_ERROR)
                    .map(ChargePointErrorCode::value).collect(Collectors.joining(", "))
                    + " (use sim:clear to clear), got " + value);
        }
        return code;
    }

    private static String prefix(ChargePointSimulator sim, int connector) {
        return sim.settings().label() + " connector " + connector + ": ";
    }

    private static String join(double[] values, String format) {
        if (values == null) {
            return "-";
        }
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, format, v))
                .collect(Collectors.joining("/"));
    }
}
