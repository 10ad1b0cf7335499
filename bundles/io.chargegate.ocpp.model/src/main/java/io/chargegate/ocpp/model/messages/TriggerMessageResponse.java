package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;

/**
 * OCPP 1.6 {@code TriggerMessage.conf}: the answer to {@link TriggerMessageRequest}.
 */
public record TriggerMessageResponse(
        @Required TriggerMessageStatus status) implements Response {
}
