package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Action;

/** The side of an OCPP-J connection an {@link RpcSession} plays. */
public enum Role {
    /** The charge point (the WebSocket client); receives CSMS-initiated actions such as RemoteStartTransaction. */
    CHARGE_POINT,
    /** The central system (CSMS, the WebSocket server); receives charge-point-initiated actions such as BootNotification. */
    CENTRAL_SYSTEM;

    /** Whether a peer in this role may receive {@code action} as an inbound CALL. */
    public boolean receives(Action action) {
        return action.direction().inboundFor(this == CHARGE_POINT);
    }

    /** Whether a peer in this role may send {@code action} as an outbound CALL. */
    public boolean sends(Action action) {
        return action.direction().inboundFor(this != CHARGE_POINT);
    }
}
