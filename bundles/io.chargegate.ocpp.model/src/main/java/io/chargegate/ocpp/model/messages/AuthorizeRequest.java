package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code Authorize.req}: the charge point asks whether an identifier may start or stop charging.
 */
public record AuthorizeRequest(
        @Required @MaxLength(20) String idTag) implements Request<AuthorizeResponse> {

    @Override
    public Action action() {
        return Action.AUTHORIZE;
    }
}
