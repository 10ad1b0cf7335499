package io.chargegate.profile.reservation.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.CancelReservationResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code CancelReservation}: {@link Station#cancelReservation(int)} with the request's reservation id; its status is
 * the answer ({@code Accepted} when the reservation existed and was removed, {@code Rejected} for an unknown id).
 */
@Component(service = ActionHandler.class)
public final class CancelReservationHandler
        extends SynchronousActionHandler<CancelReservationRequest, CancelReservationResponse> {

    /** Creates the handler (no dependencies). */
    public CancelReservationHandler() {
        super(Action.CANCEL_RESERVATION);
    }

    @Override
    protected CancelReservationResponse respond(Station station, CancelReservationRequest request) {
        return new CancelReservationResponse(
                result(station.cancelReservation(request.reservationId()), "cancelReservation"));
    }
}
