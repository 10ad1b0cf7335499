package io.chargegate.profile.testsupport;

import io.chargegate.ocpp.model.FeatureProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks of a feature profile bundle jar whose components are one immediate profile component and its action
 * handlers, all in the bundle's {@code .internal} package: a profile's {@code *BundleIT} extends this class and names
 * its bundle in the constructor. The jar is the one failsafe passes as {@code bundle.jar}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProfileBundleChecks {

    private final String symbolicName;
    private final String profileClass;
    private final FeatureProfile profile;
    private final int handlerCount;
    private final int minimumClassCount;
    private BundleJarAssertions jar;

    /**
     * @param symbolicName      the bundle's symbolic name; its classes are in {@code symbolicName + ".internal"}
     * @param profileClass      simple name of the profile component's class, e.g. {@code ReservationProfile}
     * @param profile           the feature profile whose CSMS-initiated actions the handlers answer
     * @param handlerCount      how many handler components the bundle has beside the profile component
     * @param minimumClassCount at least this many classes in the internal package
     */
    protected ProfileBundleChecks(String symbolicName, String profileClass, FeatureProfile profile, int handlerCount,
                                  int minimumClassCount) {
        this.symbolicName = symbolicName;
        this.profileClass = symbolicName + ".internal." + profileClass;
        this.profile = profile;
        this.handlerCount = handlerCount;
        this.minimumClassCount = minimumClassCount;
    }

    @BeforeAll
    public void readJar() throws Exception {
        jar = BundleJarAssertions.fromSystemProperty();
    }

    @Test
    public void manifestNamesTheBundleAndExportsNothing() {
        jar.assertProfileManifest(symbolicName, "io.chargegate.station.api");
    }

    @Test
    public void profileComponentAndHandlers() {
        jar.assertProfileComponentAndHandlers(profileClass, handlerCount + 1, handlerCount);
    }

    @Test
    public void profileComponentIsImmediate() {
        jar.assertImmediate(profileClass);
    }

    @Test
    public void handlerComponentsAnswerEachCsmsInitiatedActionOnce() throws Exception {
        jar.assertOneHandlerPerCsmsAction(profile);
    }

    @Test
    public void everyClassIsInTheInternalPackage() {
        jar.assertEveryClassInPackage(symbolicName + ".internal", minimumClassCount);
    }
}
