package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

import java.time.Instant;

/**
 * OCPP 1.6 {@code Heartbeat.conf}: the answer to {@link HeartbeatRequest}.
 */
public record HeartbeatResponse(
        @Required Instant currentTime) implements Response {
}
