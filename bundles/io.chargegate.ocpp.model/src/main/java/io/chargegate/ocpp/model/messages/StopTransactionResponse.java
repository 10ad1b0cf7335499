package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.IdTagInfo;

/**
 * OCPP 1.6 {@code StopTransaction.conf}: the answer to {@link StopTransactionRequest}.
 */
public record StopTransactionResponse(
        IdTagInfo idTagInfo) implements Response {

    /** Creates the response with no properties set (all are optional). */
    public StopTransactionResponse() {
        this(null);
    }

    /** A copy with {@code idTagInfo} replaced. */
    public StopTransactionResponse withIdTagInfo(IdTagInfo idTagInfo) {
        return new StopTransactionResponse(idTagInfo);
    }
}
