package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.TransactionListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The SmartCharging profile's core component: announces the profile and its read-only configuration keys, keeps one
 * {@link StationCharging} per bound {@link Station} (its profiles are in the station's store, so they are loaded and
 * their limits applied again whenever this component or a station comes back), hears transaction starts and stops,
 * and owns the one daemon thread on which limits change at schedule boundaries. The handler components
 * reference it.
 *
 * <p>On deactivation the timers stop and the limits set stay as they are: the runtime holds the last limit and
 * falls back to its configured safe limit (see the SmartCharging section of the station runtime's docs); this
 * component never lifts a limit when it goes away.
 */
@Component(service = {SmartChargingService.class, FeatureProfileProvider.class, TransactionListener.class},
        immediate = true, configurationPid = SmartChargingService.PID)
@Designate(ocd = SmartChargingService.Config.class)
public final class SmartChargingService implements FeatureProfileProvider, TransactionListener {
    /** The configuration PID. */
    public static final String PID = "io.chargegate.profile.smartcharging";

    /** The component's configuration. */
    @ObjectClassDefinition(name = "ChargeGate SmartCharging profile",
            description = "Electrical constants of the OCPP 1.6 SmartCharging profile")
    public @interface Config {
        /** Volts per phase used to convert between A and W limits. */
        @AttributeDefinition(description = "Nominal voltage per phase (V) used to convert A <-> W")
        double nominalVoltage() default 230.0;

        /** The limit GetCompositeSchedule reports for instants no charging profile limits. */
        @AttributeDefinition(description = "Limit (A per phase) reported by GetCompositeSchedule where no charging "
                + "profile limits; set it to the station's own default limit")
        double compositeDefaultLimitAmperes() default 32.0;
    }

    private final Settings settings;
    private final StationCharging.Timer timer;
    private final ScheduledExecutorService executor;
    private final Map<String, StationCharging> stations = new ConcurrentHashMap<>();

    /** Creates the component with its configuration and its timer thread. */
    @Activate
    public SmartChargingService(Config config) {
        this(Settings.withElectrical(config.nominalVoltage(), config.compositeDefaultLimitAmperes()), newExecutor());
    }

    private SmartChargingService(Settings settings, ScheduledExecutorService executor) {
        this(settings, (task, delayMillis) -> {
            ScheduledFuture<?> f = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }, executor);
    }

    /** For tests: the given settings and timer, no thread of its own. */
    SmartChargingService(Settings settings, StationCharging.Timer timer) {
        this(settings, timer, null);
    }

    private SmartChargingService(Settings settings, StationCharging.Timer timer, ScheduledExecutorService executor) {
        this.settings = settings;
        this.timer = timer;
        this.executor = executor;
    }

    private static ScheduledExecutorService newExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chargegate-smartcharging");
            t.setDaemon(true);
            return t;
        });
    }

    /** A station came: load its profiles and apply its limits (on the timer thread, off the binding thread). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStation(Station station) {
        StationCharging created = new StationCharging(station, settings, timer);
        StationCharging previous = stations.put(station.chargePointId(), created);
        if (previous != null) {
            previous.close();
        }
        timer.schedule(created::start, 0);
    }

    /** A station went: stop its timer (the station's store keeps its profiles). */
    void removeStation(Station station) {
        StationCharging current = stations.get(station.chargePointId());
        if (current != null && current.station() == station && stations.remove(station.chargePointId(), current)) {
            current.close();
        }
    }

    /** Stops every timer and the thread; limits stay in force (held by the runtime). */
    @Deactivate
    void deactivate() {
        stations.values().forEach(StationCharging::close);
        stations.clear();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The smart charging state of {@code station} (created and loaded on first use if not bound yet). */
    StationCharging of(Station station) {
        StationCharging existing = stations.get(station.chargePointId());
        if (existing != null) {
            return existing;
        }
        StationCharging created = new StationCharging(station, settings, timer);
        StationCharging raced = stations.putIfAbsent(station.chargePointId(), created);
        if (raced != null) {
            return raced;
        }
        timer.schedule(created::start, 0);
        return created;
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.SMART_CHARGING;
    }

    /**
     * {@code ChargeProfileMaxStackLevel}, {@code ChargingScheduleAllowedChargingRateUnit},
     * {@code ChargingScheduleMaxPeriods}, {@code MaxChargingProfilesInstalled},
     * {@code ConnectorSwitch3to1PhaseSupported}; all read-only.
     */
    @Override
    public List<ConfigurationKey> configurationKeys() {
        return settings.configurationKeys();
    }

    @Override
    public void transactionStarted(Station station, int connectorId, String idTag, ChargingProfile chargingProfile) {
        of(station).transactionStarted(connectorId, chargingProfile);
    }

    @Override
    public void transactionStopped(Station station, int connectorId, Integer transactionId) {
        of(station).transactionStopped(connectorId);
    }
}
