package io.chargegate.station.api;

import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;

/**
 * A snapshot of one connector.
 *
 * @param connectorId     0 for the charge point, 1..n for connectors
 * @param status          the OCPP status now
 * @param errorCode       the OCPP error code now
 * @param vendorErrorCode the vendor's code, or null
 * @param transactionId   the CSMS transaction id of the running transaction, or null (also null while a
 *                        transaction started offline awaits its id)
 * @param idTag           the idTag of the running transaction, or null
 * @param operative       false when set Inoperative by ChangeAvailability
 */
public record ConnectorState(int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode,
                             String vendorErrorCode, Integer transactionId, String idTag, boolean operative) {
    /** Whether a transaction runs on this connector. */
    public boolean hasTransaction() {
        return idTag != null;
    }
}
