package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Format;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * OCPP 1.6 {@code GetDiagnostics.req}: the central system asks the charge point to upload a diagnostics file.
 *
 * @param location URI the diagnostics file is uploaded to
 * @param retryInterval seconds between attempts
 */
public record GetDiagnosticsRequest(
        @Required @Format("uri") String location,
        Integer retries,
        Integer retryInterval,
        Instant startTime,
        Instant stopTime) implements Request<GetDiagnosticsResponse> {

    /** Creates the request with its required properties only. */
    public GetDiagnosticsRequest(String location) {
        this(location, null, null, null, null);
    }

    /** A copy with {@code retries} replaced. */
    public GetDiagnosticsRequest withRetries(Integer retries) {
        return new GetDiagnosticsRequest(location, retries, retryInterval, startTime, stopTime);
    }

    /** A copy with {@code retryInterval} replaced. */
    public GetDiagnosticsRequest withRetryInterval(Integer retryInterval) {
        return new GetDiagnosticsRequest(location, retries, retryInterval, startTime, stopTime);
    }

    /** A copy with {@code startTime} replaced. */
    public GetDiagnosticsRequest withStartTime(Instant startTime) {
        return new GetDiagnosticsRequest(location, retries, retryInterval, startTime, stopTime);
    }

    /** A copy with {@code stopTime} replaced. */
    public GetDiagnosticsRequest withStopTime(Instant stopTime) {
        return new GetDiagnosticsRequest(location, retries, retryInterval, startTime, stopTime);
    }

    @Override
    public Action action() {
        return Action.GET_DIAGNOSTICS;
    }
}
