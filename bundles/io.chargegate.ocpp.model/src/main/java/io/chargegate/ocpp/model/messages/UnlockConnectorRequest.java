package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code UnlockConnector.req}: the central system asks the charge point to unlock a connector.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 */
public record UnlockConnectorRequest(
        @Required int connectorId) implements Request<UnlockConnectorResponse> {

    @Override
    public Action action() {
        return Action.UNLOCK_CONNECTOR;
    }
}
