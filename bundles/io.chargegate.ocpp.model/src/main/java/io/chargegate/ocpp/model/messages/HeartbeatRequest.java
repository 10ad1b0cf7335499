package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;

/**
 * OCPP 1.6 {@code Heartbeat.req}: the charge point signals it is alive and asks for the current time.
 */
public record HeartbeatRequest() implements Request<HeartbeatResponse> {

    @Override
    public Action action() {
        return Action.HEARTBEAT;
    }
}
