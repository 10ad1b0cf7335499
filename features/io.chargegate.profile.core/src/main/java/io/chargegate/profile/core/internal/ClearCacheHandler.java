package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ClearCacheRequest;
import io.chargegate.ocpp.model.messages.ClearCacheResponse;
import io.chargegate.ocpp.model.types.ClearCacheStatus;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ClearCache}: {@link Station#clearAuthorizationCache()}; {@code Accepted} when the cache was emptied,
 * {@code Rejected} when the station reports the cache disabled.
 */
@Component(service = ActionHandler.class)
public final class ClearCacheHandler extends SynchronousActionHandler<ClearCacheRequest, ClearCacheResponse> {

    /** Creates the handler (no dependencies). */
    public ClearCacheHandler() {
        super(Action.CLEAR_CACHE);
    }

    @Override
    protected ClearCacheResponse respond(Station station, ClearCacheRequest request) {
        return new ClearCacheResponse(
                station.clearAuthorizationCache() ? ClearCacheStatus.ACCEPTED : ClearCacheStatus.REJECTED);
    }
}
