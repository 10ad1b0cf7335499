package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code GetLog.conf}: the answer to {@link GetLogRequest}.
 *
 * @param filename name of the file to be uploaded
 */
public record GetLogResponse(
        @Required LogStatus status,
        @MaxLength(255) String filename) implements Response {

    /** Creates the response with its required properties only. */
    public GetLogResponse(LogStatus status) {
        this(status, null);
    }

    /** A copy with {@code filename} replaced. */
    public GetLogResponse withFilename(String filename) {
        return new GetLogResponse(status, filename);
    }
}
