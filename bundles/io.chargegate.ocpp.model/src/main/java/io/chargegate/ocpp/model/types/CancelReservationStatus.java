package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The result of a CancelReservation request. */
public enum CancelReservationStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String value;

    CancelReservationStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static CancelReservationStatus fromValue(String value) {
        for (CancelReservationStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
