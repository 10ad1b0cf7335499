package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * OCPP 1.6 security extension {@code SecurityEventNotification.req}: the charge point reports a security event.
 *
 * @param type the security event type, as listed in the security whitepaper
 * @param techInfo additional technical information
 */
public record SecurityEventNotificationRequest(
        @Required @MaxLength(50) String type,
        @Required Instant timestamp,
        @MaxLength(255) String techInfo) implements Request<SecurityEventNotificationResponse> {

    /** Creates the request with its required properties only. */
    public SecurityEventNotificationRequest(String type, Instant timestamp) {
        this(type, timestamp, null);
    }

    /** A copy with {@code techInfo} replaced. */
    public SecurityEventNotificationRequest withTechInfo(String techInfo) {
        return new SecurityEventNotificationRequest(type, timestamp, techInfo);
    }

    @Override
    public Action action() {
        return Action.SECURITY_EVENT_NOTIFICATION;
    }
}
