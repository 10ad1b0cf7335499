package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ResetStatus;

/**
 * OCPP 1.6 {@code Reset.conf}: the answer to {@link ResetRequest}.
 */
public record ResetResponse(
        @Required ResetStatus status) implements Response {
}
