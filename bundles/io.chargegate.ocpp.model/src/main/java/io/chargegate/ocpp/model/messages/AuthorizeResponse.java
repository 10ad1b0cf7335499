package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.IdTagInfo;

/**
 * OCPP 1.6 {@code Authorize.conf}: the answer to {@link AuthorizeRequest}.
 */
public record AuthorizeResponse(
        @Required IdTagInfo idTagInfo) implements Response {
}
