package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.OcppEnum;

/** The progress of a log upload (UploadLogStatusEnumType). */
public enum UploadLogStatus implements OcppEnum {
    BAD_MESSAGE("BadMessage"),
    IDLE("Idle"),
    NOT_SUPPORTED_OPERATION("NotSupportedOperation"),
    PERMISSION_DENIED("PermissionDenied"),
    UPLOADED("Uploaded"),
    UPLOAD_FAILURE("UploadFailure"),
    UPLOADING("Uploading");

    private final String value;

    UploadLogStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static UploadLogStatus fromValue(String value) {
        for (UploadLogStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
