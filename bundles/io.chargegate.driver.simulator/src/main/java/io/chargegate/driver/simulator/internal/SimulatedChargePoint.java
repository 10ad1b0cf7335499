package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.TokenReader;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated charge point per factory configuration of PID {@value #PID} (thin OSGi glue around
 * {@link ChargePointSimulator}). On activation it validates the configuration, then registers per connector an
 * {@link EvseDriver}, a {@link MeterDriver} and a {@link ConnectorLockDriver} (properties
 * {@value DriverProperties#STATION} and {@value DriverProperties#CONNECTOR}), one station-wide {@link TokenReader}
 * and one {@link SystemDriver} (property {@value DriverProperties#STATION}), and the simulator itself for the
 * {@code sim:*} commands. One single-threaded scheduler per instance runs the physics tick (1 s), the periodic
 * persistence (10 s) and the sink notifications. A bad configuration is logged (key, value, reason) and the
 * activation fails, so nothing is registered. ConfigurationAdmin (optional, dynamic, greedy reference) supplies the
 * configurations listed, secrets masked, in the diagnostics archive.
 */
@Component(configurationPid = SimulatedChargePoint.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = SimulatorConfig.class, factory = true)
public final class SimulatedChargePoint {

    /** The factory PID. */
    public static final String PID = "io.chargegate.driver.simulator";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedChargePoint.class);
    private static final long TICK_MILLIS = 1000;
    private static final long PERSIST_MILLIS = 10_000;

    private final ChargePointSimulator simulator;
    private final ScheduledExecutorService scheduler;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Lists the configurations for the diagnostics archive; null while there is none (set by DS, or tests). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configurationAdmin;

    /**
     * Validates the configuration, creates the simulator and registers its services.
     *
     * @throws InvalidConfigurationException naming the bad keys (nothing is registered)
     * @throws IOException                   when the data directory cannot be read
     */
    @Activate
    public SimulatedChargePoint(BundleContext context, Map<String, Object> properties) throws IOException {
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.fromProperties(properties);
        } catch (InvalidConfigurationException e) {
            for (InvalidConfigurationException.Problem p : e.problems()) {
                LOG.error("Simulator configuration {} rejected: {}={}: {}", properties.get("service.pid"), p.key(),
                        p.value(), p.reason());
            }
            throw e;
        }
        String label = settings.label();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chargegate-sim-" + label);
            t.setDaemon(true);
            return t;
        });
        try {
            this.simulator = new ChargePointSimulator(settings, Ticker.system(), scheduler, this::configurations);
            register(context, settings);
        } catch (IOException | RuntimeException e) {
            unregisterAll();
            scheduler.shutdownNow();
            throw e;
        }
        scheduler.scheduleAtFixedRate(guarded(simulator::tick, "tick"), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(simulator::persist, "persist"), PERSIST_MILLIS, PERSIST_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info("{}: simulator started: {} connector(s), {} A x {} phase(s) at {} V, EV power {} W, data {}", label,
                settings.connectors(), settings.maxCurrent(), settings.phases(), settings.nominalVoltage(),
                settings.evPower(), settings.dataDirectory() == null ? "in memory" : settings.dataDirectory());
    }

    /** Unregisters every service, stops the scheduler and saves the energy registers. */
    @Deactivate
    void deactivate() {
        unregisterAll();
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        simulator.close();
        LOG.info("{}: simulator stopped", simulator.settings().label());
    }

    /** Every configuration ConfigurationAdmin holds, or empty while it is not available. */
    Optional<List<ConfigurationDump.Entry>> configurations() throws IOException {
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            return Optional.empty();
        }
        Configuration[] all;
        try {
            all = admin.listConfigurations(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter cannot be invalid", e);
        }
        List<ConfigurationDump.Entry> entries = new ArrayList<>();
        if (all != null) {
            for (Configuration configuration : all) {
                try {
                    Map<String, Object> properties = new HashMap<>();
                    Dictionary<String, Object> dictionary = configuration.getProperties();
                    if (dictionary != null) {
                        for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                            String key = keys.nextElement();
                            properties.put(key, dictionary.get(key));
                        }
                    }
                    entries.add(new ConfigurationDump.Entry(configuration.getPid(), configuration.getFactoryPid(),
                            properties));
                } catch (IllegalStateException e) {
                    // deleted while listed
                }
            }
        }
        return Optional.of(entries);
    }

    private void register(BundleContext context, SimulatorSettings settings) {
        for (SimulatedConnector connector : simulator.connectors()) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(DriverProperties.STATION, settings.stationId());
            props.put(DriverProperties.CONNECTOR, connector.id());
            registrations.add(context.registerService(EvseDriver.class, connector, props));
            registrations.add(context.registerService(MeterDriver.class, connector, props));
            registrations.add(context.registerService(ConnectorLockDriver.class, connector, props));
        }
        Dictionary<String, Object> stationProps = new Hashtable<>();
        stationProps.put(DriverProperties.STATION, settings.stationId());
        registrations.add(context.registerService(TokenReader.class, simulator.tokenReader(), stationProps));
        registrations.add(context.registerService(SystemDriver.class, simulator.system(), stationProps));
        registrations.add(context.registerService(ChargePointSimulator.class, simulator, stationProps));
    }

    private void unregisterAll() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException e) {
                // already unregistered (bundle stopping)
            }
        }
        registrations.clear();
    }

    private Runnable guarded(Runnable task, String name) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: simulator {} failed", simulator.settings().label(), name, e);
            }
        };
    }
}
