package io.chargegate.profile.reservation.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.ReserveNowResponse;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ReserveNow}: {@link Station#reserve(Reservation)} with the request's reservation id, connector, idTag,
 * parentIdTag and expiry date; its status is the answer. The runtime decides everything else: connector 0 only
 * while {@code ReserveConnectorZeroSupported} is true (else {@code Rejected}), a connector that does not exist or an
 * expiry date already past ({@code Rejected}), {@code Faulted} / {@code Occupied} / {@code Unavailable} from the
 * connector's state, and replacing a reservation with the same id. Only a negative connector id, which the schema
 * lets through but a {@link Reservation} cannot hold, is answered {@code Rejected} here without asking the station.
 */
@Component(service = ActionHandler.class)
public final class ReserveNowHandler extends SynchronousActionHandler<ReserveNowRequest, ReserveNowResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ReserveNowHandler.class);

    /** Creates the handler (no dependencies). */
    public ReserveNowHandler() {
        super(Action.RESERVE_NOW);
    }

    @Override
    protected ReserveNowResponse respond(Station station, ReserveNowRequest request) {
        if (request.connectorId() < 0) {
            LOG.info("[{}] ReserveNow {} for connector {}: no such connector, Rejected", station.chargePointId(),
                    request.reservationId(), request.connectorId());
            return new ReserveNowResponse(ReservationStatus.REJECTED);
        }
        Reservation reservation = new Reservation(request.reservationId(), request.connectorId(), request.idTag(),
                request.parentIdTag(), request.expiryDate());
        return new ReserveNowResponse(result(station.reserve(reservation), "reserve"));
    }
}
