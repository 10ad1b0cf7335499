package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code DiagnosticsStatusNotification.conf}: the answer to {@link DiagnosticsStatusNotificationRequest}.
 */
public record DiagnosticsStatusNotificationResponse() implements Response {
}
