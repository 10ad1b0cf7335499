package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code SecurityEventNotification.conf}: the answer to {@link
 * SecurityEventNotificationRequest}.
 */
public record SecurityEventNotificationResponse() implements Response {
}
