package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ConfigurationStatus;

/**
 * OCPP 1.6 {@code ChangeConfiguration.conf}: the answer to {@link ChangeConfigurationRequest}.
 */
public record ChangeConfigurationResponse(
        @Required ConfigurationStatus status) implements Response {
}
