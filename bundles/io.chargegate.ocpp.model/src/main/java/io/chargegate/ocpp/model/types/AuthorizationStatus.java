package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** Whether an identifier is allowed to charge. */
public enum AuthorizationStatus implements OcppEnum {
    ACCEPTED("Accepted"),
    BLOCKED("Blocked"),
    EXPIRED("Expired"),
    INVALID("Invalid"),
    CONCURRENT_TX("ConcurrentTx");

    private final String value;

    AuthorizationStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static AuthorizationStatus fromValue(String value) {
        for (AuthorizationStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
