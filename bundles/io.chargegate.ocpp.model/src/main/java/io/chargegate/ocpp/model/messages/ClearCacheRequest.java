package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;

/**
 * OCPP 1.6 {@code ClearCache.req}: the central system clears the authorization cache.
 */
public record ClearCacheRequest() implements Request<ClearCacheResponse> {

    @Override
    public Action action() {
        return Action.CLEAR_CACHE;
    }
}
