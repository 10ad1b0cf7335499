package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ClearChargingProfileStatus;

/**
 * OCPP 1.6 {@code ClearChargingProfile.conf}: the answer to {@link ClearChargingProfileRequest}.
 */
public record ClearChargingProfileResponse(
        @Required ClearChargingProfileStatus status) implements Response {
}
