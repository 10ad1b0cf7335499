package io.chargegate.ocpp.model;

/** Who sends the CALL of an action. */
public enum Direction {
    /** The charge point calls the central system (for example BootNotification). */
    CHARGE_POINT_TO_CSMS,
    /** The central system calls the charge point (for example RemoteStartTransaction). */
    CSMS_TO_CHARGE_POINT,
    /** Either side may call (DataTransfer). */
    BOTH;

    /** Whether a peer in the given role may receive this action as an inbound CALL. */
    public boolean inboundFor(boolean chargePointRole) {
        return this == BOTH || (chargePointRole ? this == CSMS_TO_CHARGE_POINT : this == CHARGE_POINT_TO_CSMS);
    }
}
