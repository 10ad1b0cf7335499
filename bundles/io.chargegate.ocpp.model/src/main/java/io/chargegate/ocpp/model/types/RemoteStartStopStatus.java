package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a RemoteStartTransaction or RemoteStopTransaction request. */
public enum RemoteStartStopStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String value;

    RemoteStartStopStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static RemoteStartStopStatus fromValue(String value) {
        for (RemoteStartStopStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
