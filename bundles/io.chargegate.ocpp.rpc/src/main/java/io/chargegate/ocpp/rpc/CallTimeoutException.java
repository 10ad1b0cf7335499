package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Action;

import java.time.Duration;

/**
 * The peer did not answer an outbound CALL within its timeout (counted from the moment the CALL was sent).
 * The session then sends the next queued CALL; a late answer to this one is logged and dropped.
 */
public final class CallTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Action action;
    private final String messageId;
    private final Duration timeout;

    /** Creates the exception for the CALL {@code messageId} of {@code action}. */
    public CallTimeoutException(String sessionName, Action action, String messageId, Duration timeout) {
        super("[" + sessionName + "] no answer to CALL " + action.wireName() + " (id " + messageId + ") within "
                + timeout.toMillis() + " ms");
        this.action = action;
        this.messageId = messageId;
        this.timeout = timeout;
    }

    /** The action of the unanswered CALL. */
    public Action action() {
        return action;
    }

    /** The message id of the unanswered CALL. */
    public String messageId() {
        return messageId;
    }

    /** The timeout that elapsed. */
    public Duration timeout() {
        return timeout;
    }
}
