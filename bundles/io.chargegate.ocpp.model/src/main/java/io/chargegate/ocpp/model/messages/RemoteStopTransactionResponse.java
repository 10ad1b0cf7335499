package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;

/**
 * OCPP 1.6 {@code RemoteStopTransaction.conf}: the answer to {@link RemoteStopTransactionRequest}.
 */
public record RemoteStopTransactionResponse(
        @Required RemoteStartStopStatus status) implements Response {
}
