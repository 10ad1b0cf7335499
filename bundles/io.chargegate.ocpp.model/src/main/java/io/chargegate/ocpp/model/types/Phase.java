package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The phase (or pair of phases) a sampled value applies to. */
public enum Phase implements OcppEnum {
    L1("L1"),
    L2("L2"),
    L3("L3"),
    N("N"),
    L1_N("L1-N"),
    L2_N("L2-N"),
    L3_N("L3-N"),
    L1_L2("L1-L2"),
    L2_L3("L2-L3"),
    L3_L1("L3-L1");

    private final String value;

    Phase(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static Phase fromValue(String value) {
        for (Phase constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
