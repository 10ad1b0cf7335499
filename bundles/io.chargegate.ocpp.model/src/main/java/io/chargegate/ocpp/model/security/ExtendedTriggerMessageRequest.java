package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code ExtendedTriggerMessage.req}: the central system asks the charge point to send
 * a given message now (security extension edition).
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 */
public record ExtendedTriggerMessageRequest(
        @Required ExtendedMessageTrigger requestedMessage,
        Integer connectorId) implements Request<ExtendedTriggerMessageResponse> {

    /** Creates the request with its required properties only. */
    public ExtendedTriggerMessageRequest(ExtendedMessageTrigger requestedMessage) {
        this(requestedMessage, null);
    }

    /** A copy with {@code connectorId} replaced. */
    public ExtendedTriggerMessageRequest withConnectorId(Integer connectorId) {
        return new ExtendedTriggerMessageRequest(requestedMessage, connectorId);
    }

    @Override
    public Action action() {
        return Action.EXTENDED_TRIGGER_MESSAGE;
    }
}
