package io.chargegate.itests;

import org.ops4j.pax.exam.Option;

import java.io.File;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

/** Pax Exam options shared by the integration tests: the runtime stack and the ChargeGate bundles from the reactor. */
final class ChargeGateOptions {

    private ChargeGateOptions() {
    }

    /** A runtime bundle copied to target/itest-bundles by the build (file name without version). */
    static Option runtime(String name, int startLevel) {
        File f = new File(System.getProperty("chargegate.itest.bundles"), name + ".jar");
        if (!f.isFile()) {
            throw new IllegalStateException("runtime bundle missing: " + f + " (run the build through Maven)");
        }
        return bundle(f.toURI().toString()).startLevel(startLevel);
    }

    /** A ChargeGate bundle from its module's target/ folder (mvn verify does not install). */
    static Option chargegate(String module) {
        return bundle(chargegateJar(module).toURI().toString());
    }

    /** The jar of a ChargeGate module under bundles/ or features/. */
    static File chargegateJar(String module) {
        String version = System.getProperty("chargegate.version");
        File root = new File(System.getProperty("chargegate.reactor.root"));
        for (String folder : new String[] {"bundles", "features"}) {
            File f = new File(root, folder + "/" + module + "/target/" + module + "-" + version + ".jar");
            if (f.isFile()) {
                return f;
            }
        }
        throw new IllegalStateException("bundle " + module + " missing under " + root + " (build the reactor first)");
    }

    /** Framework settings, logging and the OCPP messaging core. */
    static Option messagingCore() {
        return composite(
                frameworkProperty("felix.bootdelegation.implicit").value("false"),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"),
                // start level 1: ServiceLoader mediation and logging before anything logs (BUILD-NOTES pitfall 2)
                runtime("asm", 1), runtime("asm-commons", 1), runtime("asm-tree", 1),
                runtime("asm-util", 1), runtime("asm-analysis", 1),
                runtime("org.apache.aries.spifly.dynamic.bundle", 1),
                runtime("slf4j-api", 1), runtime("slf4j-simple", 1),
                runtime("jackson-core", 2),
                chargegate("io.chargegate.ocpp.model"),
                chargegate("io.chargegate.ocpp.rpc"),
                junitBundles());
    }

    /**
     * The whole runtime of the distribution: DS, ConfigAdmin, metatype, the store and Jetty, and every ChargeGate
     * bundle except the feature profiles and drivers (tests add those, as the distribution's deploy/ folder does).
     */
    static Option runtime() {
        return composite(
                messagingCore(),
                runtime("org.osgi.util.function", 2), runtime("org.osgi.util.promise", 2),
                runtime("org.osgi.service.component", 2), runtime("org.osgi.service.log", 2),
                runtime("org.apache.felix.scr", 2), runtime("org.apache.felix.configadmin", 2),
                runtime("org.apache.felix.metatype", 2), runtime("h2-mvstore", 2),
                runtime("jetty-util", 2), runtime("jetty-io", 2), runtime("jetty-http", 2),
                runtime("jetty-alpn-client", 2), runtime("jetty-client", 2), runtime("jetty-compression-common", 2),
                runtime("jetty-websocket-core-common", 2), runtime("jetty-websocket-core-client", 2),
                runtime("jetty-websocket-jetty-api", 2), runtime("jetty-websocket-jetty-common", 2),
                runtime("jetty-websocket-jetty-client", 2), runtime("jetty-server", 2),
                runtime("jetty-websocket-core-server", 2), runtime("jetty-websocket-jetty-server", 2),
                chargegate("io.chargegate.ocpp.transport.jetty"), chargegate("io.chargegate.store"),
                chargegate("io.chargegate.hardware.api"), chargegate("io.chargegate.station.api"),
                chargegate("io.chargegate.station"), chargegate("io.chargegate.csms.demo"));
    }

    /**
     * What a test of one station needs: the {@link #runtime() runtime}, the simulator driver, the Core profile and
     * the given feature profile bundles (module names, e.g. {@code io.chargegate.profile.reservation}).
     */
    static Option[] coreStation(String... extraBundles) {
        Option[] result = options(runtime(), chargegate("io.chargegate.driver.simulator"),
                chargegate("io.chargegate.profile.core"));
        Option[] all = java.util.Arrays.copyOf(result, result.length + extraBundles.length);
        for (int i = 0; i < extraBundles.length; i++) {
            all[result.length + i] = chargegate(extraBundles[i]);
        }
        return all;
    }
}
