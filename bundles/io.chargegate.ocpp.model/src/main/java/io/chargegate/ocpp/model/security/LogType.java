package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The kind of log a GetLog request asks for (LogEnumType). */
public enum LogType implements OcppEnum {
    DIAGNOSTICS_LOG("DiagnosticsLog"),
    SECURITY_LOG("SecurityLog");

    private final String value;

    LogType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static LogType fromValue(String value) {
        for (LogType constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
