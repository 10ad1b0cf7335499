package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.PathConstraint;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.Reason;

import java.time.Instant;
import java.util.List;

/**
 * OCPP 1.6 {@code StopTransaction.req}: the charge point reports a stopped transaction.
 *
 * @param idTag the identifier that stopped the transaction, if any
 * @param meterStop energy meter register at the stop, in Wh
 * @param transactionData meter values of the transaction (no Hertz unit here)
 */
@PathConstraint(path = "transactionData.sampledValue.unit", excludedValues = "Hertz")
public record StopTransactionRequest(
        @MaxLength(20) String idTag,
        @Required int meterStop,
        @Required Instant timestamp,
        @Required int transactionId,
        Reason reason,
        List<MeterValue> transactionData) implements Request<StopTransactionResponse> {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public StopTransactionRequest {
        transactionData = transactionData == null ? null : List.copyOf(transactionData);
    }

    /** Creates the request with its required properties only. */
    public StopTransactionRequest(int meterStop, Instant timestamp, int transactionId) {
        this(null, meterStop, timestamp, transactionId, null, null);
    }

    /** A copy with {@code idTag} replaced. */
    public StopTransactionRequest withIdTag(String idTag) {
        return new StopTransactionRequest(idTag, meterStop, timestamp, transactionId, reason, transactionData);
    }

    /** A copy with {@code reason} replaced. */
    public StopTransactionRequest withReason(Reason reason) {
        return new StopTransactionRequest(idTag, meterStop, timestamp, transactionId, reason, transactionData);
    }

    /** A copy with {@code transactionData} replaced. */
    public StopTransactionRequest withTransactionData(List<MeterValue> transactionData) {
        return new StopTransactionRequest(idTag, meterStop, timestamp, transactionId, reason, transactionData);
    }

    @Override
    public Action action() {
        return Action.STOP_TRANSACTION;
    }
}
