package io.chargegate.profile.localauthlist.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.BundleJarAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (LocalAuthListProfile + 2 handlers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAuthListBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.localauthlist.internal.";

    private BundleJarAssertions jar;

    @BeforeAll
    void readJar() throws Exception {
        jar = BundleJarAssertions.fromSystemProperty();
    }

    @Test
    void manifestNamesTheBundleExportsNothingAndListsThreeComponents() {
        jar.assertProfileManifest("io.chargegate.profile.localauthlist", "io.chargegate.station.api");
    }

    @Test
    void threeComponentsLocalAuthListProfileAndTwoHandlers() {
        jar.assertProfileComponentAndHandlers(PACKAGE + "LocalAuthListProfile", 3, 2);
    }

    @Test
    void localAuthListProfileIsImmediate() {
        jar.assertImmediate(PACKAGE + "LocalAuthListProfile");
    }

    @Test
    void handlerComponentsAnswerEachCsmsInitiatedLocalListActionOnce() throws Exception {
        jar.assertOneHandlerPerCsmsAction(FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT);
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        jar.assertEveryClassInPackage("io.chargegate.profile.localauthlist.internal", 4);
    }
}
