package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;

import java.time.Instant;

/**
 * OCPP 1.6 {@code StatusNotification.req}: the charge point reports a connector status change or error.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param info free-form additional information
 * @param timestamp when the status was reported
 * @param vendorErrorCode vendor-specific error code
 */
public record StatusNotificationRequest(
        @Required int connectorId,
        @Required ChargePointErrorCode errorCode,
        @MaxLength(50) String info,
        @Required ChargePointStatus status,
        Instant timestamp,
        @MaxLength(255) String vendorId,
        @MaxLength(50) String vendorErrorCode) implements Request<StatusNotificationResponse> {

    /** Creates the request with its required properties only. */
    public StatusNotificationRequest(int connectorId, ChargePointErrorCode errorCode, ChargePointStatus status) {
        this(connectorId, errorCode, null, status, null, null, null);
    }

    /** A copy with {@code info} replaced. */
    public StatusNotificationRequest withInfo(String info) {
        return new StatusNotificationRequest(
                connectorId, errorCode, info, status, timestamp, vendorId, vendorErrorCode);
    }

    /** A copy with {@code timestamp} replaced. */
    public StatusNotificationRequest withTimestamp(Instant timestamp) {
        return new StatusNotificationRequest(
                connectorId, errorCode, info, status, timestamp, vendorId, vendorErrorCode);
    }

    /** A copy with {@code vendorId} replaced. */
    public StatusNotificationRequest withVendorId(String vendorId) {
        return new StatusNotificationRequest(
                connectorId, errorCode, info, status, timestamp, vendorId, vendorErrorCode);
    }

    /** A copy with {@code vendorErrorCode} replaced. */
    public StatusNotificationRequest withVendorErrorCode(String vendorErrorCode) {
        return new StatusNotificationRequest(
                connectorId, errorCode, info, status, timestamp, vendorId, vendorErrorCode);
    }

    @Override
    public Action action() {
        return Action.STATUS_NOTIFICATION;
    }
}
