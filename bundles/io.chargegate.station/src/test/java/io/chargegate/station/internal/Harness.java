package io.chargegate.station.internal;

import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.TokenReader;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.TransactionListener;
import io.chargegate.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One station under test: a {@link StationRuntime} on a temp-dir store, wired to a {@link TestCsms} and to fake drivers
 * (one EVSE, meter and lock per connector, a token reader and a system driver). {@link #powerCycle()} stops it and
 * starts a new runtime on the same store, as a power loss followed by a restart would.
 */
final class Harness implements AutoCloseable {
    static final String ID = "CP-TEST";
    private static final AtomicLong SERVICE_IDS = new AtomicLong(1);

    final TestCsms csms = new TestCsms();
    final StationExecutor executor = new StationExecutor(2);
    final ServiceSet<ActionHandler<?, ?>> handlers = new ServiceSet<>();
    final ServiceSet<FeatureProfileProvider> profiles = new ServiceSet<>();
    final ServiceSet<EvseDriver> evses = new ServiceSet<>();
    final ServiceSet<MeterDriver> meters = new ServiceSet<>();
    final ServiceSet<ConnectorLockDriver> locks = new ServiceSet<>();
    final ServiceSet<TokenReader> readers = new ServiceSet<>();
    final ServiceSet<SystemDriver> systems = new ServiceSet<>();
    final ServiceSet<TransactionListener> listeners = new ServiceSet<>();
    final Fakes.FakeEvse[] evse;
    final Fakes.FakeMeter[] meter;
    final Fakes.FakeLock[] lock;
    final Fakes.FakeReader reader = new Fakes.FakeReader();
    final Fakes.FakeSystem system = new Fakes.FakeSystem();
    final Map<String, Object> config = new HashMap<>();
    /** The clock of the runtimes started from now on. */
    Clock clock = Clock.systemUTC();
    StationRuntime station;

    Harness(Path dir, int connectors) {
        config.put("chargePointId", ID);
        config.put("csmsUrl", "ws://csms.test/ocpp");
        config.put("dataDirectory", dir.toString());
        config.put("connectors", connectors);
        config.put("callTimeoutSeconds", 2);
        config.put("handlerTimeoutSeconds", 2);
        config.put("bootRetrySeconds", 1);
        evse = new Fakes.FakeEvse[connectors + 1];
        meter = new Fakes.FakeMeter[connectors + 1];
        lock = new Fakes.FakeLock[connectors + 1];
        for (int i = 1; i <= connectors; i++) {
            evse[i] = new Fakes.FakeEvse(false);
            meter[i] = new Fakes.FakeMeter(1000 * i);
            lock[i] = new Fakes.FakeLock();
            evses.add(evse[i], driverProps(i));
            meters.add(meter[i], driverProps(i));
            locks.add(lock[i], driverProps(i));
        }
        readers.add(reader, driverProps(null));
        systems.add(system, driverProps(null));
    }

    static Map<String, Object> driverProps(Integer connector) {
        Map<String, Object> p = new HashMap<>();
        p.put(DriverProperties.STATION, ID);
        p.put("service.id", SERVICE_IDS.getAndIncrement());
        if (connector != null) {
            p.put(DriverProperties.CONNECTOR, connector);
        }
        return p;
    }

    StationRuntime start() {
        StationSettings settings;
        try {
            settings = StationSettings.from(config);
        } catch (StationSettings.InvalidConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        station = new StationRuntime(settings, new StationRuntime.Services(csms, StateStore::open, executor.scheduler(),
                clock, handlers, profiles, evses, meters, locks, readers, systems, listeners));
        station.start();
        return station;
    }

    /** Stops the station without stopping its transactions (power loss) and starts a new runtime on the same store. */
    StationRuntime powerCycle() {
        station.stop();
        return start();
    }

    /** Waits until the condition holds (polling), failing after 10 s. */
    static void await(String what, java.util.function.BooleanSupplier cond) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        if (station != null) {
            station.stop();
        }
        csms.close();
        executor.close();
    }
}
