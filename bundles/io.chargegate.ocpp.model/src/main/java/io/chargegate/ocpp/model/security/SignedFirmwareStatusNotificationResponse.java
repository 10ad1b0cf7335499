package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code SignedFirmwareStatusNotification.conf}: the answer to {@link
 * SignedFirmwareStatusNotificationRequest}.
 */
public record SignedFirmwareStatusNotificationResponse() implements Response {
}
