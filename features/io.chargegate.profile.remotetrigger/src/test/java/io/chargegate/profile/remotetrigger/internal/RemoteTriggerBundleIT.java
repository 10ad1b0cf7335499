package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.BundleJarAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (RemoteTriggerProfile + 1 handler).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteTriggerBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.remotetrigger.internal.";

    private BundleJarAssertions jar;

    @BeforeAll
    void readJar() throws Exception {
        jar = BundleJarAssertions.fromSystemProperty();
    }

    @Test
    void manifestNamesTheBundleExportsNothingAndListsTwoComponents() {
        jar.assertProfileManifest("io.chargegate.profile.remotetrigger", "io.chargegate.station.api");
    }

    @Test
    void twoComponentsRemoteTriggerProfileAndOneHandler() {
        jar.assertProfileComponentAndHandlers(PACKAGE + "RemoteTriggerProfile", 2, 1);
    }

    @Test
    void remoteTriggerProfileIsImmediate() {
        jar.assertImmediate(PACKAGE + "RemoteTriggerProfile");
    }

    @Test
    void handlerComponentsAnswerEachCsmsInitiatedRemoteTriggerActionOnce() throws Exception {
        jar.assertOneHandlerPerCsmsAction(FeatureProfile.REMOTE_TRIGGER);
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        jar.assertEveryClassInPackage("io.chargegate.profile.remotetrigger.internal", 3);
    }
}
