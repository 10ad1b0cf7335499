package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code GetLog.req}: the central system asks the charge point to upload a log file.
 *
 * @param requestId id of this request, echoed in LogStatusNotification
 * @param retryInterval seconds between attempts
 */
public record GetLogRequest(
        @Required LogParameters log,
        @Required LogType logType,
        @Required int requestId,
        Integer retries,
        Integer retryInterval) implements Request<GetLogResponse> {

    /** Creates the request with its required properties only. */
    public GetLogRequest(LogParameters log, LogType logType, int requestId) {
        this(log, logType, requestId, null, null);
    }

    /** A copy with {@code retries} replaced. */
    public GetLogRequest withRetries(Integer retries) {
        return new GetLogRequest(log, logType, requestId, retries, retryInterval);
    }

    /** A copy with {@code retryInterval} replaced. */
    public GetLogRequest withRetryInterval(Integer retryInterval) {
        return new GetLogRequest(log, logType, requestId, retries, retryInterval);
    }

    @Override
    public Action action() {
        return Action.GET_LOG;
    }
}
