package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code ExtendedTriggerMessage.conf}: the answer to {@link ExtendedTriggerMessageRequest}.
 */
public record ExtendedTriggerMessageResponse(
        @Required ExtendedTriggerMessageStatus status) implements Response {
}
