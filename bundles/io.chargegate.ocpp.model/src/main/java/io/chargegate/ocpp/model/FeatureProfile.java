package io.chargegate.ocpp.model;

/** The OCPP 1.6 feature profiles, spelled as in {@code SupportedFeatureProfiles}, plus the security extension. */
public enum FeatureProfile implements OcppEnum {
    CORE("Core"),
    FIRMWARE_MANAGEMENT("FirmwareManagement"),
    LOCAL_AUTH_LIST_MANAGEMENT("LocalAuthListManagement"),
    RESERVATION("Reservation"),
    SMART_CHARGING("SmartCharging"),
    REMOTE_TRIGGER("RemoteTrigger"),
    /** The OCPP 1.6 security extension (security whitepaper edition 2); not a 1.6 feature profile. */
    SECURITY("Security");

    private final String value;

    FeatureProfile(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
