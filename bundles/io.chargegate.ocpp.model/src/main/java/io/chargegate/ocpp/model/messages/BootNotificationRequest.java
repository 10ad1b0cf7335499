package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code BootNotification.req}: the charge point announces itself after start-up and asks to be accepted.
 */
public record BootNotificationRequest(
        @Required @MaxLength(20) String chargePointVendor,
        @Required @MaxLength(20) String chargePointModel,
        @MaxLength(25) String chargePointSerialNumber,
        @MaxLength(25) String chargeBoxSerialNumber,
        @MaxLength(50) String firmwareVersion,
        @MaxLength(20) String iccid,
        @MaxLength(20) String imsi,
        @MaxLength(25) String meterType,
        @MaxLength(25) String meterSerialNumber) implements Request<BootNotificationResponse> {

    /** Creates the request with its required properties only. */
    public BootNotificationRequest(String chargePointVendor, String chargePointModel) {
        this(chargePointVendor, chargePointModel, null, null, null, null, null, null, null);
    }

    /** A copy with {@code chargePointSerialNumber} replaced. */
    public BootNotificationRequest withChargePointSerialNumber(String chargePointSerialNumber) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    /** A copy with {@code chargeBoxSerialNumber} replaced. */
    public BootNotificationRequest withChargeBoxSerialNumber(String chargeBoxSerialNumber) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    /** A copy with {@code firmwareVersion} replaced. */
    public BootNotificationRequest withFirmwareVersion(String firmwareVersion) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    /** A copy with {@code iccid} replaced. */
    public BootNotificationRequest withIccid(String iccid) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    /** A copy with {@code imsi} replaced. */
    public BootNotificationRequest withImsi(String imsi) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    /** A copy with {@code meterType} replaced. */
    public BootNotificationRequest withMeterType(String meterType) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    /** A copy with {@code meterSerialNumber} replaced. */
    public BootNotificationRequest withMeterSerialNumber(String meterSerialNumber) {
        return new BootNotificationRequest(
                chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion,
                iccid, imsi, meterType, meterSerialNumber);
    }

    @Override
    public Action action() {
        return Action.BOOT_NOTIFICATION;
    }
}
