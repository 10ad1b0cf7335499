package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ClearCacheStatus;

/**
 * OCPP 1.6 {@code ClearCache.conf}: the answer to {@link ClearCacheRequest}.
 */
public record ClearCacheResponse(
        @Required ClearCacheStatus status) implements Response {
}
