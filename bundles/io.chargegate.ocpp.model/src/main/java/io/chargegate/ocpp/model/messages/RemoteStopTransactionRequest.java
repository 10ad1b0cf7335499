package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code RemoteStopTransaction.req}: the central system asks the charge point to stop a transaction.
 */
public record RemoteStopTransactionRequest(
        @Required int transactionId) implements Request<RemoteStopTransactionResponse> {

    @Override
    public Action action() {
        return Action.REMOTE_STOP_TRANSACTION;
    }
}
