package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.RegistrationStatus;

import java.time.Instant;

/**
 * OCPP 1.6 {@code BootNotification.conf}: the answer to {@link BootNotificationRequest}.
 *
 * @param currentTime the central system clock
 * @param interval heartbeat interval (Accepted) or retry interval (Pending, Rejected) in seconds
 */
public record BootNotificationResponse(
        @Required RegistrationStatus status,
        @Required Instant currentTime,
        @Required int interval) implements Response {
}
