package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code RemoteStartTransaction}: {@link Station#remoteStart(String, Integer,
 * io.chargegate.ocpp.model.types.ChargingProfile)} with the request's idTag, connector (null when absent) and
 * charging profile (null when absent); its status is the answer. Authorization per
 * {@code AuthorizeRemoteTxRequests}, connector choice and the TxProfile are the runtime's business.
 */
@Component(service = ActionHandler.class)
public final class RemoteStartTransactionHandler
        extends SynchronousActionHandler<RemoteStartTransactionRequest, RemoteStartTransactionResponse> {

    /** Creates the handler (no dependencies). */
    public RemoteStartTransactionHandler() {
        super(Action.REMOTE_START_TRANSACTION);
    }

    @Override
    protected RemoteStartTransactionResponse respond(Station station, RemoteStartTransactionRequest request) {
        return new RemoteStartTransactionResponse(result(
                station.remoteStart(request.idTag(), request.connectorId(), request.chargingProfile()), "remoteStart"));
    }
}
