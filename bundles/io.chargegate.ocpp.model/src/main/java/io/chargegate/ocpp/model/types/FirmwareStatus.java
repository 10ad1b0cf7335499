package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.OcppEnum;

/** The progress of a firmware update. */
public enum FirmwareStatus implements OcppEnum {
    DOWNLOADED("Downloaded"),
    DOWNLOAD_FAILED("DownloadFailed"),
    DOWNLOADING("Downloading"),
    IDLE("Idle"),
    INSTALLATION_FAILED("InstallationFailed"),
    INSTALLING("Installing"),
    INSTALLED("Installed");

    private final String value;

    FirmwareStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The constant whose wire value is {@code value}, or {@code null} if there is none. */
    public static FirmwareStatus fromValue(String value) {
        for (FirmwareStatus constant : values()) {
            if (constant.value.equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
