package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.AvailabilityStatus;

/**
 * OCPP 1.6 {@code ChangeAvailability.conf}: the answer to {@link ChangeAvailabilityRequest}.
 */
public record ChangeAvailabilityResponse(
        @Required AvailabilityStatus status) implements Response {
}
