package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * OCPP 1.6 {@code ReserveNow.req}: the central system reserves a connector for an identifier.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 */
public record ReserveNowRequest(
        @Required int connectorId,
        @Required Instant expiryDate,
        @Required @MaxLength(20) String idTag,
        @MaxLength(20) String parentIdTag,
        @Required int reservationId) implements Request<ReserveNowResponse> {

    /** Creates the request with its required properties only. */
    public ReserveNowRequest(int connectorId, Instant expiryDate, String idTag, int reservationId) {
        this(connectorId, expiryDate, idTag, null, reservationId);
    }

    /** A copy with {@code parentIdTag} replaced. */
    public ReserveNowRequest withParentIdTag(String parentIdTag) {
        return new ReserveNowRequest(connectorId, expiryDate, idTag, parentIdTag, reservationId);
    }

    @Override
    public Action action() {
        return Action.RESERVE_NOW;
    }
}
