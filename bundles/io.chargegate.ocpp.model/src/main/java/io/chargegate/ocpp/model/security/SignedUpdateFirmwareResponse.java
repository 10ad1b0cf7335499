package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code SignedUpdateFirmware.conf}: the answer to {@link SignedUpdateFirmwareRequest}.
 */
public record SignedUpdateFirmwareResponse(
        @Required UpdateFirmwareStatus status) implements Response {
}
