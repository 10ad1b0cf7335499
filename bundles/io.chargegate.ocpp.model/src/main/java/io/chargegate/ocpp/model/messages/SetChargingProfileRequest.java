package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.ChargingProfile;

/**
 * OCPP 1.6 {@code SetChargingProfile.req}: the central system installs a charging profile.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param csChargingProfiles the profile to install
 */
public record SetChargingProfileRequest(
        @Required int connectorId,
        @Required ChargingProfile csChargingProfiles) implements Request<SetChargingProfileResponse> {

    @Override
    public Action action() {
        return Action.SET_CHARGING_PROFILE;
    }
}
