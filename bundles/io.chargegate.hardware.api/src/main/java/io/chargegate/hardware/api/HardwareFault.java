package io.chargegate.hardware.api;

import io.chargegate.ocpp.model.types.ChargePointErrorCode;

import java.util.Objects;

/**
 * A hardware error mapped to its OCPP error code, with the vendor's own code and text. {@link #NONE} clears a
 * previous fault.
 *
 * @param errorCode       the OCPP error code ({@code NO_ERROR} for none)
 * @param vendorErrorCode the vendor's code (at most 50 characters), or null
 * @param info            free text (at most 50 characters), or null
 * @param blocking        true when the connector cannot charge while the fault lasts (status Faulted); false for a
 *                        warning reported with the current status
 */
public record HardwareFault(ChargePointErrorCode errorCode, String vendorErrorCode, String info, boolean blocking) {

    /** No fault. */
    public static final HardwareFault NONE = new HardwareFault(ChargePointErrorCode.NO_ERROR, null, null, false);

    public HardwareFault {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    /** A blocking fault with a vendor code. */
    public static HardwareFault blocking(ChargePointErrorCode code, String vendorErrorCode) {
        return new HardwareFault(code, vendorErrorCode, null, true);
    }

    /** Whether this is a real fault (not {@link #NONE}). */
    public boolean isFault() {
        return errorCode != ChargePointErrorCode.NO_ERROR;
    }
}
