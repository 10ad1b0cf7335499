package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * OCPP 1.6 {@code StartTransaction.req}: the charge point reports a started transaction.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param meterStart energy meter register at the start, in Wh
 * @param reservationId the reservation this transaction ends, if any
 */
public record StartTransactionRequest(
        @Required int connectorId,
        @Required @MaxLength(20) String idTag,
        @Required int meterStart,
        Integer reservationId,
        @Required Instant timestamp) implements Request<StartTransactionResponse> {

    /** Creates the request with its required properties only. */
    public StartTransactionRequest(int connectorId, String idTag, int meterStart, Instant timestamp) {
        this(connectorId, idTag, meterStart, null, timestamp);
    }

    /** A copy with {@code reservationId} replaced. */
    public StartTransactionRequest withReservationId(Integer reservationId) {
        return new StartTransactionRequest(connectorId, idTag, meterStart, reservationId, timestamp);
    }

    @Override
    public Action action() {
        return Action.START_TRANSACTION;
    }
}
