package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code SignedUpdateFirmware.req}: the central system asks the charge point to
 * download and install signed firmware.
 *
 * @param retryInterval seconds between attempts
 * @param requestId id of this request, echoed in SignedFirmwareStatusNotification
 */
public record SignedUpdateFirmwareRequest(
        Integer retries,
        Integer retryInterval,
        @Required int requestId,
        @Required Firmware firmware) implements Request<SignedUpdateFirmwareResponse> {

    /** Creates the request with its required properties only. */
    public SignedUpdateFirmwareRequest(int requestId, Firmware firmware) {
        this(null, null, requestId, firmware);
    }

    /** A copy with {@code retries} replaced. */
    public SignedUpdateFirmwareRequest withRetries(Integer retries) {
        return new SignedUpdateFirmwareRequest(retries, retryInterval, requestId, firmware);
    }

    /** A copy with {@code retryInterval} replaced. */
    public SignedUpdateFirmwareRequest withRetryInterval(Integer retryInterval) {
        return new SignedUpdateFirmwareRequest(retries, retryInterval, requestId, firmware);
    }

    @Override
    public Action action() {
        return Action.SIGNED_UPDATE_FIRMWARE;
    }
}
