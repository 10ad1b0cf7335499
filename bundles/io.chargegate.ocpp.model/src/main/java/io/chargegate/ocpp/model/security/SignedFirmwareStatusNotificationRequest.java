package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code SignedFirmwareStatusNotification.req}: the charge point reports the progress
 * of a signed firmware update.
 *
 * @param requestId the SignedUpdateFirmware request this status belongs to
 */
public record SignedFirmwareStatusNotificationRequest(
        @Required SignedFirmwareStatus status,
        Integer requestId) implements Request<SignedFirmwareStatusNotificationResponse> {

    /** Creates the request with its required properties only. */
    public SignedFirmwareStatusNotificationRequest(SignedFirmwareStatus status) {
        this(status, null);
    }

    /** A copy with {@code requestId} replaced. */
    public SignedFirmwareStatusNotificationRequest withRequestId(Integer requestId) {
        return new SignedFirmwareStatusNotificationRequest(status, requestId);
    }

    @Override
    public Action action() {
        return Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION;
    }
}
