package io.chargegate.ocpp.rpc;

/**
 * An outbound CALL could not be completed because the session has no open connection: it was not connected
 * when the CALL was made, or the connection closed (or the session was disposed) while the CALL was in flight
 * or queued. Whether to retry on the next connection is the caller's decision.
 */
public final class ConnectionClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for operators. */
    public ConnectionClosedException(String message) {
        super(message);
    }

    /** Creates the exception with a message for operators and the failure that revealed the closed connection. */
    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
