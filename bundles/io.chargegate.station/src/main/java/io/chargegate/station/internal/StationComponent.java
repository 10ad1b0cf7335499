package io.chargegate.station.internal;

import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.TokenReader;
import io.chargegate.ocpp.transport.jetty.OcppConnector;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.TransactionListener;
import io.chargegate.store.StateStoreFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

/**
 * DS glue of one station (one factory configuration = one charge point identity): validates the configuration
 * (a bad value is refused with one log line, and nothing is opened), runs a {@link StationRuntime} and registers it
 * as a {@link Station} service with {@code chargegate.station=<id>} while it runs. Whiteboard services (handlers,
 * profiles, transaction listeners) and drivers are tracked dynamically: they come and go without touching the
 * connection.
 */
@Component(configurationPid = StationComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = StationConfig.class, factory = true)
public final class StationComponent {
    /** The factory PID of station configurations. */
    public static final String FACTORY_PID = "io.chargegate.station";

    private static final Logger LOG = LoggerFactory.getLogger(StationComponent.class);

    private final ServiceSet<ActionHandler<?, ?>> handlers = new ServiceSet<>();
    private final ServiceSet<FeatureProfileProvider> profiles = new ServiceSet<>();
    private final ServiceSet<TransactionListener> txListeners = new ServiceSet<>();
    // drivers of other stations are not kept: binding N stations' drivers to N stations stays O(N) work per station
    private final ServiceSet<EvseDriver> evses = new ServiceSet<>(this::driverOfThisStation);
    private final ServiceSet<MeterDriver> meters = new ServiceSet<>(this::driverOfThisStation);
    private final ServiceSet<ConnectorLockDriver> locks = new ServiceSet<>(this::driverOfThisStation);
    private final ServiceSet<TokenReader> readers = new ServiceSet<>(this::driverOfThisStation);
    private final ServiceSet<SystemDriver> systems = new ServiceSet<>(this::driverOfThisStation);
    /** The station's id once the configuration is valid (drivers are bound after the constructor), else null. */
    private volatile String stationId;
    private final StationRuntime runtime;
    private ServiceRegistration<Station> registration;

    /** Validates the configuration and starts the station. */
    @Activate
    public StationComponent(BundleContext context, Map<String, Object> properties, @Reference OcppConnector connector,
                            @Reference StateStoreFactory stores, @Reference StationExecutor executor) {
        StationSettings settings;
        try {
            settings = StationSettings.from(properties);
        } catch (StationSettings.InvalidConfigException e) {
            LOG.error(e.getMessage());
            runtime = null;
            return;
        }
        stationId = settings.chargePointId();
        StationRuntime rt = new StationRuntime(settings, new StationRuntime.Services(connector, stores::open,
                executor.scheduler(), Clock.systemUTC(), handlers, profiles, evses, meters, locks, readers, systems, txListeners));
        try {
            rt.start();
        } catch (RuntimeException e) {
            LOG.error("station {} not started: {}", settings.chargePointId(), e.getMessage(), e);
            runtime = null;
            return;
        }
        runtime = rt;
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(DriverProperties.STATION, settings.chargePointId());
        registration = context.registerService(Station.class, rt, props);
    }

    /** Whether a driver service's properties name this station (or any station), as the runtime matches drivers. */
    private boolean driverOfThisStation(Map<String, ?> properties) {
        return DriverFilter.forStation(stationId, properties);
    }

    /** Unregisters the service, then stops the runtime (closing the connection gracefully and the store). */
    @Deactivate
    public void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
        if (runtime != null) {
            runtime.stop();
        }
    }

    // ---- whiteboard

    @Reference(service = ActionHandler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addActionHandler(ActionHandler<?, ?> h, Map<String, Object> props) {
        handlers.add(h, props);
    }

    void updatedActionHandler(ActionHandler<?, ?> h, Map<String, Object> props) {
        handlers.modified(h, props);
    }

    void removeActionHandler(ActionHandler<?, ?> h) {
        handlers.remove(h);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFeatureProfileProvider(FeatureProfileProvider p, Map<String, Object> props) {
        profiles.add(p, props);
    }

    void removeFeatureProfileProvider(FeatureProfileProvider p) {
        profiles.remove(p);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTransactionListener(TransactionListener l, Map<String, Object> props) {
        txListeners.add(l, props);
    }

    void removeTransactionListener(TransactionListener l) {
        txListeners.remove(l);
    }

    // ---- drivers (filtered by chargegate.station / chargegate.connector in the runtime)

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEvseDriver(EvseDriver d, Map<String, Object> props) {
        evses.add(d, props);
    }

    void updatedEvseDriver(EvseDriver d, Map<String, Object> props) {
        evses.modified(d, props);
    }

    void removeEvseDriver(EvseDriver d) {
        evses.remove(d);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMeterDriver(MeterDriver d, Map<String, Object> props) {
        meters.add(d, props);
    }

    void updatedMeterDriver(MeterDriver d, Map<String, Object> props) {
        meters.modified(d, props);
    }

    void removeMeterDriver(MeterDriver d) {
        meters.remove(d);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnectorLockDriver(ConnectorLockDriver d, Map<String, Object> props) {
        locks.add(d, props);
    }

    void updatedConnectorLockDriver(ConnectorLockDriver d, Map<String, Object> props) {
        locks.modified(d, props);
    }

    void removeConnectorLockDriver(ConnectorLockDriver d) {
        locks.remove(d);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTokenReader(TokenReader d, Map<String, Object> props) {
        readers.add(d, props);
    }

    void updatedTokenReader(TokenReader d, Map<String, Object> props) {
        readers.modified(d, props);
    }

    void removeTokenReader(TokenReader d) {
        readers.remove(d);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSystemDriver(SystemDriver d, Map<String, Object> props) {
        systems.add(d, props);
    }

    void updatedSystemDriver(SystemDriver d, Map<String, Object> props) {
        systems.modified(d, props);
    }

    void removeSystemDriver(SystemDriver d) {
        systems.remove(d);
    }
}
