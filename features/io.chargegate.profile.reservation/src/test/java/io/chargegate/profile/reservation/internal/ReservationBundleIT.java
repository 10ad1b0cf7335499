package io.chargegate.profile.reservation.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.BundleJarAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (ReservationProfile + 2 handlers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservationBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.reservation.internal.";

    private BundleJarAssertions jar;

    @BeforeAll
    void readJar() throws Exception {
        jar = BundleJarAssertions.fromSystemProperty();
    }

    @Test
    void manifestNamesTheBundleExportsNothingAndListsThreeComponents() {
        jar.assertProfileManifest("io.chargegate.profile.reservation", "io.chargegate.station.api");
    }

    @Test
    void threeComponentsReservationProfileAndTwoHandlers() {
        jar.assertProfileComponentAndHandlers(PACKAGE + "ReservationProfile", 3, 2);
    }

    @Test
    void reservationProfileIsImmediate() {
        jar.assertImmediate(PACKAGE + "ReservationProfile");
    }

    @Test
    void handlerComponentsAnswerEachCsmsInitiatedReservationActionOnce() throws Exception {
        jar.assertOneHandlerPerCsmsAction(FeatureProfile.RESERVATION);
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        jar.assertEveryClassInPackage("io.chargegate.profile.reservation.internal", 4);
    }
}
