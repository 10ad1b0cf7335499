package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code RemoteStopTransaction}: {@link Station#remoteStop(int)} with the request's transaction id; its status is
 * the answer ({@code Rejected} when no such transaction runs).
 */
@Component(service = ActionHandler.class)
public final class RemoteStopTransactionHandler
        extends SynchronousActionHandler<RemoteStopTransactionRequest, RemoteStopTransactionResponse> {

    /** Creates the handler (no dependencies). */
    public RemoteStopTransactionHandler() {
        super(Action.REMOTE_STOP_TRANSACTION);
    }

    @Override
    protected RemoteStopTransactionResponse respond(Station station, RemoteStopTransactionRequest request) {
        return new RemoteStopTransactionResponse(
                result(station.remoteStop(request.transactionId()), "remoteStop"));
    }
}
