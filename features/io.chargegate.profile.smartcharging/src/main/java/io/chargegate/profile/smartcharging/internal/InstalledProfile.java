package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;

import java.util.Objects;

/**
 * A charging profile installed on a connector (0 = the charge point as a whole).
 *
 * @param connectorId 0..n
 * @param profile     the profile as the CSMS sent it
 */
record InstalledProfile(int connectorId, ChargingProfile profile) {
    InstalledProfile {
        Objects.requireNonNull(profile, "profile");
    }

    int id() {
        return profile.chargingProfileId();
    }

    int stackLevel() {
        return profile.stackLevel();
    }

    ChargingProfilePurposeType purpose() {
        return profile.chargingProfilePurpose();
    }
}
