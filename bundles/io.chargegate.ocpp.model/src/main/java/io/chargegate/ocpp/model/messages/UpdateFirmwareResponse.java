package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code UpdateFirmware.conf}: the answer to {@link UpdateFirmwareRequest}.
 */
public record UpdateFirmwareResponse() implements Response {
}
