package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;

/**
 * OCPP 1.6 {@code RemoteStartTransaction.conf}: the answer to {@link RemoteStartTransactionRequest}.
 */
public record RemoteStartTransactionResponse(
        @Required RemoteStartStopStatus status) implements Response {
}
