package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code GetDiagnostics.conf}: the answer to {@link GetDiagnosticsRequest}.
 *
 * @param fileName name of the file to be uploaded; absent when there is nothing to upload
 */
public record GetDiagnosticsResponse(
        @MaxLength(255) String fileName) implements Response {

    /** Creates the response with no properties set (all are optional). */
    public GetDiagnosticsResponse() {
        this(null);
    }

    /** A copy with {@code fileName} replaced. */
    public GetDiagnosticsResponse withFileName(String fileName) {
        return new GetDiagnosticsResponse(fileName);
    }
}
