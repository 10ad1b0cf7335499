package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The progress of a diagnostics upload. */
public enum DiagnosticsStatus implements OcppEnum {
    IDLE("Idle"),
    UPLOADED("Uploaded"),
    UPLOAD_FAILED("UploadFailed"),
    UPLOADING("Uploading");

    private final String value;

    DiagnosticsStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static DiagnosticsStatus fromValue(String value) {
        for (DiagnosticsStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
