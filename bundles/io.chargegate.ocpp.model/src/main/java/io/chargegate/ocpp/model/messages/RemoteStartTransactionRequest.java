package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.ChargingProfile;

/**
 * OCPP 1.6 {@code RemoteStartTransaction.req}: the central system asks the charge point to start a transaction.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param chargingProfile a TxProfile for the transaction to start
 */
public record RemoteStartTransactionRequest(
        Integer connectorId,
        @Required @MaxLength(20) String idTag,
        ChargingProfile chargingProfile) implements Request<RemoteStartTransactionResponse> {

    /** Creates the request with its required properties only. */
    public RemoteStartTransactionRequest(String idTag) {
        this(null, idTag, null);
    }

    /** A copy with {@code connectorId} replaced. */
    public RemoteStartTransactionRequest withConnectorId(Integer connectorId) {
        return new RemoteStartTransactionRequest(connectorId, idTag, chargingProfile);
    }

    /** A copy with {@code chargingProfile} replaced. */
    public RemoteStartTransactionRequest withChargingProfile(ChargingProfile chargingProfile) {
        return new RemoteStartTransactionRequest(connectorId, idTag, chargingProfile);
    }

    @Override
    public Action action() {
        return Action.REMOTE_START_TRANSACTION;
    }
}
