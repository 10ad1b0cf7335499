package io.chargegate.hardware.api;

import java.util.Objects;

/**
 * The charge point's identity as sent in BootNotification. Vendor and model are required (at most 20
 * characters), the others optional (serials at most 25, firmware version 50, ICCID/IMSI 20, meter type and serial 25).
 */
public record SystemIdentity(String vendor, String model, String serialNumber, String chargeBoxSerialNumber,
                             String firmwareVersion, String iccid, String imsi, String meterType, String meterSerialNumber) {
    public SystemIdentity {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
    }

    /** Vendor and model only. */
    public static SystemIdentity of(String vendor, String model) {
        return new SystemIdentity(vendor, model, null, null, null, null, null, null, null);
    }
}
