package io.chargegate.station.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A reservation held by the runtime (ReserveNow). The runtime keeps it in the store, reports the connector
 * {@code Reserved}, lets only {@code idTag} (or an idTag with the same {@code parentIdTag}) start there and ends it
 * at {@code expiryDate}, on CancelReservation, or when the reserved transaction starts.
 *
 * @param reservationId the CSMS's reservation id
 * @param connectorId   the reserved connector (0 = any connector of the charge point)
 * @param idTag         the idTag the reservation is for
 * @param parentIdTag   its parent idTag, or null
 * @param expiryDate    when the reservation ends by itself
 */
public record Reservation(int reservationId, int connectorId, String idTag, String parentIdTag, Instant expiryDate) {
    public Reservation {
        Objects.requireNonNull(idTag, "idTag");
        Objects.requireNonNull(expiryDate, "expiryDate");
        if (connectorId < 0) {
            throw new IllegalArgumentException("connectorId must be >= 0, got " + connectorId);
        }
    }
}
