package io.chargegate.profile.reservation.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.ProfileBundleChecks;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (ReservationProfile + 2 handlers); the checks are
 * {@link ProfileBundleChecks}'.
 */
class ReservationBundleIT extends ProfileBundleChecks {

    ReservationBundleIT() {
        super("io.chargegate.profile.reservation", "ReservationProfile", FeatureProfile.RESERVATION, 2, 4);
    }
}
