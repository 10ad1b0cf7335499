package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ChargingProfileStatus;

/**
 * OCPP 1.6 {@code SetChargingProfile.conf}: the answer to {@link SetChargingProfileRequest}.
 */
public record SetChargingProfileResponse(
        @Required ChargingProfileStatus status) implements Response {
}
