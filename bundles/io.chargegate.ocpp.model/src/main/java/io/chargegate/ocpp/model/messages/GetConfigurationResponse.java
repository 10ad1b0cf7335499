package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.KeyValue;

import java.util.List;

/**
 * OCPP 1.6 {@code GetConfiguration.conf}: the answer to {@link GetConfigurationRequest}.
 *
 * @param unknownKey requested keys the charge point does not know
 */
public record GetConfigurationResponse(
        List<KeyValue> configurationKey,
        @MaxLength(50) List<String> unknownKey) implements Response {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public GetConfigurationResponse {
        configurationKey = configurationKey == null ? null : List.copyOf(configurationKey);
        unknownKey = unknownKey == null ? null : List.copyOf(unknownKey);
    }

    /** Creates the response with no properties set (all are optional). */
    public GetConfigurationResponse() {
        this(null, null);
    }

    /** A copy with {@code configurationKey} replaced. */
    public GetConfigurationResponse withConfigurationKey(List<KeyValue> configurationKey) {
        return new GetConfigurationResponse(configurationKey, unknownKey);
    }

    /** A copy with {@code unknownKey} replaced. */
    public GetConfigurationResponse withUnknownKey(List<String> unknownKey) {
        return new GetConfigurationResponse(configurationKey, unknownKey);
    }
}
