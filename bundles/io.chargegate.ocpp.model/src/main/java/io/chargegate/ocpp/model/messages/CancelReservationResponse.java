package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.CancelReservationStatus;

/**
 * OCPP 1.6 {@code CancelReservation.conf}: the answer to {@link CancelReservationRequest}.
 */
public record CancelReservationResponse(
        @Required CancelReservationStatus status) implements Response {
}
