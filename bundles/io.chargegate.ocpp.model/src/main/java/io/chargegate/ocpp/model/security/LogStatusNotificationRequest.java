package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code LogStatusNotification.req}: the charge point reports the progress of a log upload.
 *
 * @param requestId the GetLog request this status belongs to
 */
public record LogStatusNotificationRequest(
        @Required UploadLogStatus status,
        Integer requestId) implements Request<LogStatusNotificationResponse> {

    /** Creates the request with its required properties only. */
    public LogStatusNotificationRequest(UploadLogStatus status) {
        this(status, null);
    }

    /** A copy with {@code requestId} replaced. */
    public LogStatusNotificationRequest withRequestId(Integer requestId) {
        return new LogStatusNotificationRequest(status, requestId);
    }

    @Override
    public Action action() {
        return Action.LOG_STATUS_NOTIFICATION;
    }
}
