package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code StatusNotification.conf}: the answer to {@link StatusNotificationRequest}.
 */
public record StatusNotificationResponse() implements Response {
}
