package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code FirmwareStatusNotification.conf}: the answer to {@link FirmwareStatusNotificationRequest}.
 */
public record FirmwareStatusNotificationResponse() implements Response {
}
