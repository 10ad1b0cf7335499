package io.chargegate.itests;

import org.ops4j.pax.exam.Option;

import java.io.File;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
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
        String version = System.getProperty("chargegate.version");
        File f = new File(System.getProperty("chargegate.reactor.bundles"), module + "/target/" + module + "-" + version + ".jar");
        if (!f.isFile()) {
            throw new IllegalStateException("bundle missing: " + f + " (build the reactor first)");
        }
        return bundle(f.toURI().toString());
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
}
