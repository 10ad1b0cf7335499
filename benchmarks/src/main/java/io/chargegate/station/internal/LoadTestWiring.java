package io.chargegate.station.internal;

import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.TokenReader;
import io.chargegate.ocpp.transport.jetty.OcppConnector;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.TransactionListener;
import io.chargegate.store.StateStore;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * Benchmark-only bridge into the station runtime's internal package (this class lives in the benchmarks module, on
 * the plain class path, in the runtime's package: {@link ServiceSet} is package-private, exactly as the runtime's own
 * unit tests reach it). It builds a {@link StationRuntime} the way {@code StationComponent} does, with the same
 * collaborators (Jetty connector, MVStore store, shared scheduler), but with the whiteboard sets filled by the load
 * driver instead of DS. Not part of any bundle.
 */
public final class LoadTestWiring {
    private LoadTestWiring() {
    }

    /**
     * The service sets one station sees, as DS would fill the station component's dynamic references. Handlers,
     * profiles and transaction listeners stay empty (no profile bundles run in the load test).
     */
    public static final class Bindings {
        private final ServiceSet<ActionHandler<?, ?>> handlers = new ServiceSet<>();
        private final ServiceSet<FeatureProfileProvider> profiles = new ServiceSet<>();
        private final ServiceSet<TransactionListener> listeners = new ServiceSet<>();
        private final ServiceSet<EvseDriver> evses;
        private final ServiceSet<MeterDriver> meters;
        private final ServiceSet<ConnectorLockDriver> locks;
        private final ServiceSet<TokenReader> readers;
        private final ServiceSet<SystemDriver> systems;

        /** The sets of station {@code stationId}, admitting only its drivers, as {@code StationComponent}'s do. */
        public Bindings(String stationId) {
            Predicate<Map<String, ?>> ownDrivers = p -> DriverFilter.forStation(stationId, p);
            evses = new ServiceSet<>(ownDrivers);
            meters = new ServiceSet<>(ownDrivers);
            locks = new ServiceSet<>(ownDrivers);
            readers = new ServiceSet<>(ownDrivers);
            systems = new ServiceSet<>(ownDrivers);
        }

        /** Binds an EVSE driver with these service properties (as {@code StationComponent.addEvseDriver}). */
        public void addEvse(EvseDriver d, Map<String, ?> props) {
            evses.add(d, props);
        }

        /** Binds a meter driver. */
        public void addMeter(MeterDriver d, Map<String, ?> props) {
            meters.add(d, props);
        }

        /** Binds a connector lock driver. */
        public void addLock(ConnectorLockDriver d, Map<String, ?> props) {
            locks.add(d, props);
        }

        /** Binds a token reader. */
        public void addReader(TokenReader d, Map<String, ?> props) {
            readers.add(d, props);
        }

        /** Binds a system driver. */
        public void addSystem(SystemDriver d, Map<String, ?> props) {
            systems.add(d, props);
        }
    }

    /**
     * Validates the configuration (the factory configuration properties of {@code io.chargegate.station}) and creates
     * a runtime that is not started yet.
     *
     * @throws IllegalArgumentException with the runtime's refusal line when a value is refused
     */
    public static StationRuntime newRuntime(Map<String, ?> config, OcppConnector connector,
                                            ScheduledExecutorService scheduler, Bindings b) {
        StationSettings settings;
        try {
            settings = StationSettings.from(config);
        } catch (StationSettings.InvalidConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new StationRuntime(settings, new StationRuntime.Services(connector, StateStore::open, scheduler,
                Clock.systemUTC(), b.handlers, b.profiles, b.evses, b.meters, b.locks, b.readers, b.systems, b.listeners));
    }
}
