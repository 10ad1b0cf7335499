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
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    /** A ConfigurationAdmin stand-in listing these configurations (pid, factory PID or null, properties). */
    private ConfigurationAdmin configurationAdmin(List<Object[]> configurations) {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listConfigurations") || args[0] != null) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    return configurations.stream().map(c -> (Configuration) Proxy.newProxyInstance(
                            getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                            (p, m, a) -> switch (m.getName()) {
                                case "getPid" -> c[0];
                                case "getFactoryPid" -> c[1];
                                case "getProperties" -> c[2];
                                default -> throw new UnsupportedOperationException(m.toString());
                            })).toArray(Configuration[]::new);
                });
    }

    @Test
    void diagnosticsListTheConfigurationsOfConfigurationAdminWhileItIsBound() throws IOException {
        SimulatedChargePoint component = new SimulatedChargePoint(context(), Map.of("stationId", "CP-1"));
        SystemDriver system = (SystemDriver) registered.stream()
                .filter(r -> r.type().equals(SystemDriver.class.getName())).findFirst().orElseThrow().service();
        try {
            assertEquals(Optional.empty(), component.configurations(), "not bound yet");

            Dictionary<String, Object> station = new Hashtable<>();
            station.put("service.pid", "io.chargegate.station~cp1");
            station.put("csmsPassword", "hunter2");
            component.configurationAdmin = configurationAdmin(List.of(
                    new Object[] {"io.chargegate.station~cp1", "io.chargegate.station", station},
                    new Object[] {"io.chargegate.shell", null, null}));
            List<ConfigurationDump.Entry> entries = component.configurations().orElseThrow();
            assertEquals(2, entries.size());
            assertEquals(new ConfigurationDump.Entry("io.chargegate.station~cp1", "io.chargegate.station",
                    Map.of("service.pid", "io.chargegate.station~cp1", "csmsPassword", "hunter2")), entries.get(0));
            assertEquals(new ConfigurationDump.Entry("io.chargegate.shell", null, Map.of()), entries.get(1));

            String configuration = configurationTxt(system.collectDiagnostics(null, null, dir.resolve("diag")));
            assertTrue(configuration.contains("PID: io.chargegate.station~cp1\nFactory PID: io.chargegate.station\n"
                    + "  csmsPassword = ********\n"), configuration);

            component.configurationAdmin = null; // unbound (dynamic reference)
            configuration = configurationTxt(system.collectDiagnostics(null, null, dir.resolve("diag")));
            assertTrue(configuration.startsWith("ConfigurationAdmin was not available"), configuration);
        } finally {
            component.deactivate();
        }
    }

    private static String configurationTxt(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("configuration.txt")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no configuration.txt in " + zip);
    }

    @Test
    void badConfigurationRegistersNothing() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new SimulatedChargePoint(context(), Map.of("connectors", 17, "service.pid", "sim~1")));
        assertTrue(e.getMessage().contains("connectors=17"), e.getMessage());
        assertEquals(List.of(), registered);
    }
}
