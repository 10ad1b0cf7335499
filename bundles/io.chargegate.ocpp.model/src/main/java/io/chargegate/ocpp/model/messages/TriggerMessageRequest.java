package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.MessageTrigger;

/**
 * OCPP 1.6 {@code TriggerMessage.req}: the central system asks the charge point to send a given message now.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 */
public record TriggerMessageRequest(
        @Required MessageTrigger requestedMessage,
        Integer connectorId) implements Request<TriggerMessageResponse> {

    /** Creates the request with its required properties only. */
    public TriggerMessageRequest(MessageTrigger requestedMessage) {
        this(requestedMessage, null);
    }

    /** A copy with {@code connectorId} replaced. */
    public TriggerMessageRequest withConnectorId(Integer connectorId) {
        return new TriggerMessageRequest(requestedMessage, connectorId);
    }

    @Override
    public Action action() {
        return Action.TRIGGER_MESSAGE;
    }
}
