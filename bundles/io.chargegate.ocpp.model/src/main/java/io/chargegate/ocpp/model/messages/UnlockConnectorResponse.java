package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.UnlockStatus;

/**
 * OCPP 1.6 {@code UnlockConnector.conf}: the answer to {@link UnlockConnectorRequest}.
 */
public record UnlockConnectorResponse(
        @Required UnlockStatus status) implements Response {
}
