package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;

import java.util.List;

/**
 * OCPP 1.6 {@code GetConfiguration.req}: the central system reads configuration keys.
 *
 * @param key the keys to read; absent or empty means all keys
 */
public record GetConfigurationRequest(
        @MaxLength(50) List<String> key) implements Request<GetConfigurationResponse> {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public GetConfigurationRequest {
        key = key == null ? null : List.copyOf(key);
    }

    /** Creates the request with no properties set (all are optional). */
    public GetConfigurationRequest() {
        this(null);
    }

    /** A copy with {@code key} replaced. */
    public GetConfigurationRequest withKey(List<String> key) {
        return new GetConfigurationRequest(key);
    }

    @Override
    public Action action() {
        return Action.GET_CONFIGURATION;
    }
}
