package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.ProfileBundleChecks;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, and one DS component description per component (RemoteTriggerProfile + 1 handler); the checks are
 * {@link ProfileBundleChecks}'.
 */
class RemoteTriggerBundleIT extends ProfileBundleChecks {

    RemoteTriggerBundleIT() {
        super("io.chargegate.profile.remotetrigger", "RemoteTriggerProfile", FeatureProfile.REMOTE_TRIGGER, 1, 3);
    }
}
