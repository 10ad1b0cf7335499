/**
 * The OCPP 1.6 Reservation profile: DS components registering {@link io.chargegate.station.api.ActionHandler}s for
 * {@code ReserveNow} and {@code CancelReservation}, each translating the CALL into one
 * {@link io.chargegate.station.api.Station} operation, plus
 * {@link io.chargegate.profile.reservation.internal.ReservationProfile}, which announces the profile and contributes
 * {@code ReserveConnectorZeroSupported}. Nothing here is exported and nothing here holds reservations: the station
 * runtime keeps them (store, status {@code Reserved}, expiry, use by the reserved idTag).
 */
package io.chargegate.profile.reservation.internal;
