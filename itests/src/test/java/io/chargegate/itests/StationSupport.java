package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.DemoCentralSystem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

/**
 * Drives a real ChargeGate runtime inside Felix from a test: configures the demo CSMS, a simulator and a station
 * through ConfigAdmin (as the distribution's .cfg files do) and reaches the simulator's {@code sim:} commands.
 */
final class StationSupport implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CSMS_PID = "io.chargegate.csms.demo";

    private final BundleContext context;
    private final List<Configuration> configurations = new ArrayList<>();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    final String chargePointId;
    final Path dataDirectory;
    DemoCentralSystem csms;
    private Dictionary<String, Object> csmsProperties;

    StationSupport(BundleContext context, String chargePointId) throws IOException {
        this.context = context;
        this.chargePointId = chargePointId;
        this.dataDirectory = Files.createTempDirectory("chargegate-it-");
    }

    /** Starts the demo CSMS on a free loopback port and waits for its service. */
    DemoCentralSystem startCsms() throws Exception {
        return startCsms(null);
    }

    /**
     * Starts the demo CSMS on a free loopback port with extra configuration properties (e.g. {@code bootStatus},
     * {@code heartbeatInterval}) and waits for its service.
     */
    DemoCentralSystem startCsms(Dictionary<String, Object> extra) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("host", "127.0.0.1");
        props.put("port", freePort());
        props.put("heartbeatInterval", 60);
        props.put("blockedIdTags", new String[] {"BLOCKED"});
        putAll(props, extra);
        csmsProperties = props;
        configure(CSMS_PID, null, props);
        csms = service(DemoCentralSystem.class, null);
        return csms;
    }

    /** Stops the demo CSMS (deletes its configuration) and waits until its service is gone. */
    void stopCsms() throws Exception {
        deleteConfigurations(c -> CSMS_PID.equals(c.getPid()));
        awaitCsmsGone();
        csms = null;
    }

    private void awaitCsmsGone() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (context.getServiceReferences(DemoCentralSystem.class, null).size() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo CSMS service is still registered after " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    /** Starts the demo CSMS again with the configuration (and so the port) of the last {@link #startCsms}. */
    DemoCentralSystem restartCsms() throws Exception {
        if (csmsProperties == null) {
            throw new IllegalStateException("the CSMS was never started");
        }
        configure(CSMS_PID, null, csmsProperties);
        csms = service(DemoCentralSystem.class, null);
        return csms;
    }

    /** The port the demo CSMS listens on (stays the same over {@link #restartCsms}). */
    int csmsPort() {
        return (Integer) csmsProperties.get("port");
    }

    /** Configures a simulator with {@code connectors} connectors for this station. */
    void startSimulator(int connectors) throws Exception {
        startSimulator(connectors, null);
    }

    /** Configures a simulator for this station with extra configuration properties (e.g. {@code fixedCable}). */
    void startSimulator(int connectors, Dictionary<String, Object> extra) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("stationId", chargePointId);
        props.put("connectors", connectors);
        props.put("dataDirectory", dataDirectory.resolve("simulator").toString());
        putAll(props, extra);
        configure(null, "io.chargegate.driver.simulator", props);
    }

    /** Configures the station connected to the demo CSMS and waits until the CSMS sees it connected. */
    ChargePointConnection startStation(int connectors, Dictionary<String, Object> extra) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("chargePointId", chargePointId);
        props.put("csmsUrl", csms.url().toString());
        props.put("dataDirectory", dataDirectory.resolve("stations").toString());
        props.put("connectors", connectors);
        props.put("minBackoffSeconds", 1);
        props.put("maxBackoffSeconds", 2);
        putAll(props, extra);
        configure(null, "io.chargegate.station", props);
        return csms.awaitChargePoint(chargePointId, WAIT);
    }

    private static void putAll(Dictionary<String, Object> target, Dictionary<String, Object> extra) {
        if (extra != null) {
            for (java.util.Enumeration<String> keys = extra.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                target.put(k, extra.get(k));
            }
        }
    }

    /**
     * Runs a {@code sim:} command on this station's simulator, e.g. {@code sim("plug", 1)}: the station id is passed
     * as the command's first argument where the command takes one (so a simulator of an earlier test that is still
     * going away is never picked), else the command runs as given.
     */
    Object sim(String function, Object... args) throws Exception {
        Object[] withStation;
        if (function.equals("tag") && args.length == 1) {
            withStation = new Object[] {chargePointId, args[0], 0};
        } else {
            withStation = new Object[args.length + 1];
            withStation[0] = chargePointId;
            System.arraycopy(args, 0, withStation, 1, args.length);
        }
        Object commands = service(Object.class, "(osgi.command.scope=sim)");
        for (Method m : commands.getClass().getMethods()) {
            if (m.getName().equals(function) && m.getParameterCount() == withStation.length && accepts(m, withStation)) {
                return m.invoke(commands, withStation);
            }
        }
        for (Method m : commands.getClass().getMethods()) {
            if (m.getName().equals(function) && m.getParameterCount() == args.length && accepts(m, args)) {
                return m.invoke(commands, args);
            }
        }
        throw new IllegalArgumentException("no sim:" + function + " taking " + args.length + " arguments");
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i];
            if (args[i] instanceof Integer ? !(t == int.class || t == Integer.class) : !t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    <T> T service(Class<T> type, String filter) throws Exception {
        String f = "(objectClass=" + type.getName() + ")";
        if (filter != null) {
            f = type == Object.class ? filter : "(&" + f + filter + ")";
        }
        // trackers stay open until close(): closing one ungets the service (ConfigAdmin then invalidates it)
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(f), null);
        tracker.open(true);
        trackers.add(tracker);
        T s = tracker.waitForService(WAIT.toMillis());
        if (s == null) {
            throw new IllegalStateException("no service " + f + " within " + WAIT);
        }
        return s;
    }

    private void configure(String pid, String factoryPid, Dictionary<String, Object> props) throws Exception {
        ConfigurationAdmin ca = service(ConfigurationAdmin.class, null);
        Configuration c = pid != null ? ca.getConfiguration(pid, "?") : ca.createFactoryConfiguration(factoryPid, "?");
        c.update(props);
        configurations.add(c);
    }

    /** Removes the station configuration (the runtime deactivates) but keeps CSMS and simulator. */
    void stopStation() throws Exception {
        deleteConfigurations(c -> "io.chargegate.station".equals(c.getFactoryPid()));
    }

    /**
     * A power cycle without backup power: stops the station bundle (every station stops as on power loss: nothing is
     * stopped or sent, the store is closed when {@code stop()} returns, as SCR deactivates synchronously) and the
     * simulator bundle (the EVs stay plugged in, the energy registers are saved), then starts the simulator and the
     * station again with the same configurations. The station then connects and boots again.
     */
    void powerCycle() throws Exception {
        org.osgi.framework.Bundle station = bundle("io.chargegate.station");
        org.osgi.framework.Bundle simulator = bundle("io.chargegate.driver.simulator");
        station.stop();
        simulator.stop();
        simulator.start();
        station.start();
    }

    private org.osgi.framework.Bundle bundle(String symbolicName) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("bundle " + symbolicName + " not installed");
    }

    /** Deletes the configurations that match (a deleted Configuration throws on equals(), so remove it first). */
    private void deleteConfigurations(java.util.function.Predicate<Configuration> matcher) throws IOException {
        for (java.util.Iterator<Configuration> it = configurations.iterator(); it.hasNext(); ) {
            Configuration c = it.next();
            if (matcher.test(c)) {
                it.remove();
                c.delete();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = configurations.size() - 1; i >= 0; i--) {
            try {
                configurations.get(i).delete();
            } catch (IllegalStateException alreadyDeleted) {
                // fine
            }
        }
        configurations.clear();
        // the next test of a PerClass run must not find this CSMS (SCR deactivates it asynchronously)
        awaitCsmsGone();
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    static ServiceReference<?>[] refs(BundleContext context, String clazz) throws InvalidSyntaxException {
        return context.getServiceReferences(clazz, null);
    }
}
