package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;

import java.time.Instant;
import java.util.Objects;

/**
 * One CALL a charge point sent to the demo central system, with the answer the central system gave.
 *
 * @param at       when the CALL arrived
 * @param action   its action
 * @param request  its (validated) request payload
 * @param response the CALLRESULT payload the central system answered with, or null when it answered with a
 *                 CALLERROR (a responder threw)
 */
public record ReceivedMessage(Instant at, Action action, Request<?> request, Response response) {
    /** Checks the required components. */
    public ReceivedMessage {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(request, "request");
    }

    /** The request as type {@code type}, for tests: {@code m.request(StartTransactionRequest.class).idTag()}. */
    public <Q extends Request<?>> Q request(Class<Q> type) {
        return type.cast(request);
    }

    /** A one-line description for logs and assertion messages. */
    @Override
    public String toString() {
        return at + " " + action.wireName() + " " + request + " -> " + (response == null ? "CALLERROR" : response);
    }
}
