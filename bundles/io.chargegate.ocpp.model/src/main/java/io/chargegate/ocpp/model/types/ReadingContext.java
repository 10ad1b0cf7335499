package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** Why a value was sampled. */
public enum ReadingContext implements OcppEnum {
    INTERRUPTION_BEGIN("Interruption.Begin"),
    INTERRUPTION_END("Interruption.End"),
    SAMPLE_CLOCK("Sample.Clock"),
    SAMPLE_PERIODIC("Sample.Periodic"),
    TRANSACTION_BEGIN("Transaction.Begin"),
    TRANSACTION_END("Transaction.End"),
    TRIGGER("Trigger"),
    OTHER("Other");

    private final String value;

    ReadingContext(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static ReadingContext fromValue(String value) {
        for (ReadingContext constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
