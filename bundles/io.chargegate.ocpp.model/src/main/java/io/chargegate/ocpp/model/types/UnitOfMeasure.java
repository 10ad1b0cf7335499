package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The unit of a sampled value (Hertz is allowed in MeterValues only, not in StopTransaction). */
public enum UnitOfMeasure implements OcppEnum {
    WH("Wh"),
    KWH("kWh"),
    VARH("varh"),
    KVARH("kvarh"),
    W("W"),
    KW("kW"),
    VA("VA"),
    KVA("kVA"),
    VAR("var"),
    KVAR("kvar"),
    A("A"),
    V("V"),
    K("K"),
    CELCIUS("Celcius"),
    CELSIUS("Celsius"),
    FAHRENHEIT("Fahrenheit"),
    PERCENT("Percent"),
    HERTZ("Hertz");

    private final String value;

    UnitOfMeasure(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static UnitOfMeasure fromValue(String value) {
        for (UnitOfMeasure constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
