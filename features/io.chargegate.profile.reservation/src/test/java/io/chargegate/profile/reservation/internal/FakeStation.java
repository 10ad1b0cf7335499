package io.chargegate.profile.reservation.internal;

import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;

/**
 * A {@link Station} for tests: records every reservation operation called (name and arguments) and answers with the
 * result the test set. Operations a Reservation handler has no business calling fail the test.
 */
final class FakeStation extends io.chargegate.profile.testsupport.FakeStation {

    ReservationStatus reserveResult = ReservationStatus.ACCEPTED;
    CancelReservationStatus cancelResult = CancelReservationStatus.ACCEPTED;

    FakeStation() {
        super("a Reservation handler");
    }

    @Override
    public ReservationStatus reserve(Reservation reservation) {
        return record(reserveResult, "reserve", reservation);
    }

    @Override
    public CancelReservationStatus cancelReservation(int reservationId) {
        return record(cancelResult, "cancelReservation", reservationId);
    }
}
