package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code ChangeConfiguration.req}: the central system sets one configuration key.
 */
public record ChangeConfigurationRequest(
        @Required @MaxLength(50) String key,
        @Required @MaxLength(500) String value) implements Request<ChangeConfigurationResponse> {

    @Override
    public Action action() {
        return Action.CHANGE_CONFIGURATION;
    }
}
