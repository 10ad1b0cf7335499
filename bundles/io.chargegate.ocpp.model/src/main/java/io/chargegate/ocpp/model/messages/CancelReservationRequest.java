package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code CancelReservation.req}: the central system cancels a reservation.
 */
public record CancelReservationRequest(
        @Required int reservationId) implements Request<CancelReservationResponse> {

    @Override
    public Action action() {
        return Action.CANCEL_RESERVATION;
    }
}
