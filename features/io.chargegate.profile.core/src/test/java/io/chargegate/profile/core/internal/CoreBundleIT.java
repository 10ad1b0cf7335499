package io.chargegate.profile.core.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.BundleJarAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

import java.util.Map;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (CoreProfile + 9 handlers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.core.internal.";

    private BundleJarAssertions jar;

    @BeforeAll
    void readJar() throws Exception {
        jar = BundleJarAssertions.fromSystemProperty();
    }

    @Test
    void manifestNamesTheBundleExportsNothingAndListsTenComponents() {
        jar.assertProfileManifest("io.chargegate.profile.core", "io.chargegate.station.api");
    }

    @Test
    void tenComponentsCoreProfileAndNineHandlers() {
        jar.assertProfileComponentAndHandlers(PACKAGE + "CoreProfile", 10, 9);
    }

    @Test
    void coreProfileIsImmediate() {
        jar.assertImmediate(PACKAGE + "CoreProfile");
    }

    @Test
    void dataTransferRouterTracksVendorHandlersDynamicallyAndGreedily() {
        Element reference = BundleJarAssertions.singleReference(jar.component(PACKAGE + "DataTransferRouter"));
        BundleJarAssertions.assertAttributes(reference, Map.of(
                "interface", "io.chargegate.station.api.DataTransferHandler",
                "cardinality", "0..n",
                "policy", "dynamic",
                "policy-option", "greedy",
                "bind", "addVendorHandler",
                "unbind", "removeVendorHandler",
                "updated", "updatedVendorHandler"));
    }

    @Test
    void handlerComponentsAnswerEachCsmsInitiatedCoreActionOnce() throws Exception {
        jar.assertOneHandlerPerCsmsAction(FeatureProfile.CORE);
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        jar.assertEveryClassInPackage("io.chargegate.profile.core.internal", 10);
    }
}
