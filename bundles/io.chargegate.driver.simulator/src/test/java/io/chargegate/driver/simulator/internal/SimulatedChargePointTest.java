package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.TokenReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OSGi glue, against a recording stand-in for the BundleContext (no framework). */
class SimulatedChargePointTest {

    /** One registerService call. */
    record Registration(String type, Object service, Map<String, Object> properties) {
    }

    private final List<Registration> registered = Collections.synchronizedList(new ArrayList<>());
    private final List<Registration> unregistered = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    Map<String, Object> props = new HashMap<>();
                    Dictionary<?, ?> dictionary = (Dictionary<?, ?>) args[2];
                    for (var keys = dictionary.keys(); keys.hasMoreElements(); ) {
                        Object key = keys.nextElement();
                        props.put((String) key, dictionary.get(key));
                    }
                    Registration registration = new Registration(type.getName(), args[1], props);
                    registered.add(registration);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (p, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    unregistered.add(registration);
                                    return null;
                                }
                                throw new UnsupportedOperationException(m.toString());
                            });
                });
    }

    private long count(String type) {
        return registered.stream().filter(r -> r.type().equals(type)).count();
    }

    @Test
    void registersEveryDriverWithStationAndConnectorPropertiesAndUnregistersThemAll() throws IOException {
        Path data = dir.resolve("data");
        SimulatedChargePoint component = new SimulatedChargePoint(context(), Map.of(
                "stationId", "CP-1", "connectors", 3, "dataDirectory", data.toString()));
        assertEquals(3, count(EvseDriver.class.getName()));
        assertEquals(3, count(MeterDriver.class.getName()));
        assertEquals(3, count(ConnectorLockDriver.class.getName()));
        assertEquals(1, count(TokenReader.class.getName()));
        assertEquals(1, count(SystemDriver.class.getName()));
        assertEquals(1, count(ChargePointSimulator.class.getName()));
        for (Registration r : registered) {
            assertEquals("CP-1", r.properties().get(DriverProperties.STATION), r.toString());
            Object connector = r.properties().get(DriverProperties.CONNECTOR);
            if (r.type().equals(EvseDriver.class.getName())) {
                assertTrue(connector instanceof Integer i && i >= 1 && i <= 3, r.toString());
            } else if (!r.type().equals(MeterDriver.class.getName())
                    && !r.type().equals(ConnectorLockDriver.class.getName())) {
                assertNull(connector, "station-wide service: " + r);
            }
        }

        component.deactivate();
        assertEquals(registered.size(), unregistered.size());
        assertTrue(Files.exists(data.resolve(RegisterStore.FILE_NAME)), "registers saved on deactivate");
    }

    @Test
    void badConfigurationRegistersNothing() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new SimulatedChargePoint(context(), Map.of("connectors", 17, "service.pid", "sim~1")));
        assertTrue(e.getMessage().contains("connectors=17"), e.getMessage());
        assertEquals(List.of(), registered);
    }
}
