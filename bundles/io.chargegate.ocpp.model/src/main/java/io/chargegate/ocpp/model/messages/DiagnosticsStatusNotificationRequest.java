package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;

/**
 * OCPP 1.6 {@code DiagnosticsStatusNotification.req}: the charge point reports the progress of a diagnostics upload.
 */
public record DiagnosticsStatusNotificationRequest(
        @Required DiagnosticsStatus status) implements Request<DiagnosticsStatusNotificationResponse> {

    @Override
    public Action action() {
        return Action.DIAGNOSTICS_STATUS_NOTIFICATION;
    }
}
