package io.chargegate.profile.localauthlist.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.ProfileBundleChecks;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (LocalAuthListProfile + 2 handlers); the checks are
 * {@link ProfileBundleChecks}'.
 */
class LocalAuthListBundleIT extends ProfileBundleChecks {

    LocalAuthListBundleIT() {
        super("io.chargegate.profile.localauthlist", "LocalAuthListProfile", FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT, 2, 4);
    }
}
