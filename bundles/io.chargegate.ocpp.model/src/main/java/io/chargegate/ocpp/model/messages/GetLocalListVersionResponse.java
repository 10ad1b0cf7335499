package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code GetLocalListVersion.conf}: the answer to {@link GetLocalListVersionRequest}.
 */
public record GetLocalListVersionResponse(
        @Required int listVersion) implements Response {
}
