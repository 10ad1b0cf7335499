package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code LogStatusNotification.conf}: the answer to {@link LogStatusNotificationRequest}.
 */
public record LogStatusNotificationResponse() implements Response {
}
