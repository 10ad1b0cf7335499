package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Format;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * OCPP 1.6 {@code UpdateFirmware.req}: the central system asks the charge point to download and install firmware.
 *
 * @param location URI the firmware is downloaded from
 * @param retrieveDate when to start the download
 * @param retryInterval seconds between attempts
 */
public record UpdateFirmwareRequest(
        @Required @Format("uri") String location,
        Integer retries,
        @Required Instant retrieveDate,
        Integer retryInterval) implements Request<UpdateFirmwareResponse> {

    /** Creates the request with its required properties only. */
    public UpdateFirmwareRequest(String location, Instant retrieveDate) {
        this(location, null, retrieveDate, null);
    }

    /** A copy with {@code retries} replaced. */
    public UpdateFirmwareRequest withRetries(Integer retries) {
        return new UpdateFirmwareRequest(location, retries, retrieveDate, retryInterval);
    }

    /** A copy with {@code retryInterval} replaced. */
    public UpdateFirmwareRequest withRetryInterval(Integer retryInterval) {
        return new UpdateFirmwareRequest(location, retries, retrieveDate, retryInterval);
    }

    @Override
    public Action action() {
        return Action.UPDATE_FIRMWARE;
    }
}
