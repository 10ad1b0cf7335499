package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.UnlockConnectorRequest;
import io.chargegate.ocpp.model.messages.UnlockConnectorResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code UnlockConnector}: {@link Station#unlock(int)} with the request's connector; its status ({@code Unlocked},
 * {@code UnlockFailed}, {@code NotSupported}) is the answer. Stopping a transaction there first is the runtime's
 * business.
 */
@Component(service = ActionHandler.class)
public final class UnlockConnectorHandler extends SynchronousActionHandler<UnlockConnectorRequest, UnlockConnectorResponse> {

    /** Creates the handler (no dependencies). */
    public UnlockConnectorHandler() {
        super(Action.UNLOCK_CONNECTOR);
    }

    @Override
    protected UnlockConnectorResponse respond(Station station, UnlockConnectorRequest request) {
        return new UnlockConnectorResponse(result(station.unlock(request.connectorId()), "unlock"));
    }
}
