package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.IdTagInfo;

/**
 * OCPP 1.6 {@code StartTransaction.conf}: the answer to {@link StartTransactionRequest}.
 */
public record StartTransactionResponse(
        @Required IdTagInfo idTagInfo,
        @Required int transactionId) implements Response {
}
