package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** Why a transaction stopped. */
public enum Reason implements OcppEnum {
    EMERGENCY_STOP("EmergencyStop"),
    EV_DISCONNECTED("EVDisconnected"),
    HARD_RESET("HardReset"),
    LOCAL("Local"),
    OTHER("Other"),
    POWER_LOSS("PowerLoss"),
    REBOOT("Reboot"),
    REMOTE("Remote"),
    SOFT_RESET("SoftReset"),
    UNLOCK_COMMAND("UnlockCommand"),
    DE_AUTHORIZED("DeAuthorized");

    private final String value;

    Reason(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static Reason fromValue(String value) {
        for (Reason constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
