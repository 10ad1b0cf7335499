package io.chargegate.driver.simulator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * The core of one simulated charge point, free of OSGi: its connectors (EVSE, meter, lock), the station-wide token
 * reader and the system driver, energy register persistence and the status text. The OSGi component
 * {@link SimulatedChargePoint} registers the parts as services and drives {@link #tick()} and {@link #persist()}
 * from a scheduler; tests call them directly with a manual {@link Ticker}.
 *
 * <p>Energy registers are loaded at construction (the larger of the saved value and {@code meterStartWh}, so a
 * register never goes backwards) and saved by {@link #persist()} (periodically), after every contactor opening
 * (on the executor) and by {@link #close()}. Which connectors have an EV plugged in is saved and restored the same
 * way (after every plug and unplug), so a recreated simulator still sees the EVs plugged in, as real hardware would
 * after a driver restart.
 */
public final class ChargePointSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePointSimulator.class);

    private final SimulatorSettings settings;
    private final Executor executor;
    private final RegisterStore registerStore;
    private final List<SimulatedConnector> connectors;
    private final SimulatedTokenReader tokenReader;
    private final SimulatedSystem system;
    private final Object persistLock = new Object();
    private Saved lastSaved;

    /** What was saved last. */
    private record Saved(Map<Integer, Double> energy, Set<Integer> plugged) {
    }

    /**
     * Creates the simulator, without a configuration source (its diagnostics archive says no configuration was
     * available), and loads its persisted state.
     *
     * @param settings the validated configuration
     * @param ticker   the time source
     * @param executor runs sink notifications and persistence (a single-threaded scheduler in production; a direct
     *                 executor makes tests synchronous)
     * @throws IOException when the data directory cannot be read
     */
    public ChargePointSimulator(SimulatorSettings settings, Ticker ticker, Executor executor) throws IOException {
        this(settings, ticker, executor, ConfigurationDump.Source.UNAVAILABLE);
    }

    /**
     * Creates the simulator and loads its persisted state.
     *
     * @param settings       the validated configuration
     * @param ticker         the time source
     * @param executor       runs sink notifications and persistence
     * @param configurations the gateway's configurations for the diagnostics archive
     * @throws IOException when the data directory cannot be read
     */
    ChargePointSimulator(SimulatorSettings settings, Ticker ticker, Executor executor,
                         ConfigurationDump.Source configurations) throws IOException {
        this.settings = settings;
        this.executor = executor;
        this.registerStore = new RegisterStore(settings.dataDirectory());
        Map<Integer, Double> saved = registerStore.load();
        Set<Integer> plugged = registerStore.loadPlugged();
        Outbox outbox = new Outbox(executor);
        List<SimulatedConnector> list = new ArrayList<>();
        for (int id = 1; id <= settings.connectors(); id++) {
            double start = Math.max(settings.meterStartWh(), saved.getOrDefault(id, 0.0));
            list.add(new SimulatedConnector(id, settings, start, plugged.contains(id), ticker, outbox,
                    this::persistLater));
        }
        this.connectors = List.copyOf(list);
        this.tokenReader = new SimulatedTokenReader(settings, outbox);
        this.system = new SimulatedSystem(settings, ticker, this::status, configurations, outbox);
        this.lastSaved = new Saved(saved, plugged);
    }

    /** The configuration. */
    public SimulatorSettings settings() {
        return settings;
    }

    /** The station identity served ({@code "*"} = any). */
    public String stationId() {
        return settings.stationId();
    }

    /** The connectors, ordered by id. */
    List<SimulatedConnector> connectors() {
        return connectors;
    }

    /**
     * The connector with this id.
     *
     * @throws IllegalArgumentException when there is none
     */
    SimulatedConnector connector(int connectorId) {
        if (connectorId < 1 || connectorId > connectors.size()) {
            throw new IllegalArgumentException("connector " + connectorId + " does not exist (" + settings.label()
                    + " has connectors 1.." + connectors.size() + ")");
        }
        return connectors.get(connectorId - 1);
    }

    /** The station-wide token reader. */
    SimulatedTokenReader tokenReader() {
        return tokenReader;
    }

    /** The system driver. */
    SimulatedSystem system() {
        return system;
    }

    /** The physics tick: advances every energy register to now. */
    public void tick() {
        connectors.forEach(SimulatedConnector::tick);
    }

    /** Saves the energy registers and plugged-in connectors if they changed since the last save; failures are logged. */
    public void persist() {
        synchronized (persistLock) {
            Map<Integer, Double> energy = new TreeMap<>();
            Set<Integer> plugged = new TreeSet<>();
            for (SimulatedConnector c : connectors) {
                energy.put(c.id(), c.energyWh());
                if (c.plugged()) {
                    plugged.add(c.id());
                }
            }
            Saved now = new Saved(energy, plugged);
            if (now.equals(lastSaved)) {
                return;
            }
            try {
                registerStore.save(energy, plugged);
                lastSaved = now;
            } catch (IOException e) {
                LOG.warn("{}: could not save the energy registers to {}: {}", settings.label(), registerStore.file(),
                        e.toString());
            }
        }
    }

    /** Saves the registers a last time. The simulator stays usable (tests recreate it from the same directory). */
    public void close() {
        persist();
    }

    /** One line per connector: pilot, contactor, enabled, allowed, limit, energy, power, fault. */
    public String status() {
        return connectors.stream().map(c -> c.status().line(settings.label())).collect(Collectors.joining("\n"));
    }

    private void persistLater() {
        try {
            executor.execute(this::persist);
        } catch (RejectedExecutionException e) {
            // stopping: close() saves the registers
        }
    }
}
