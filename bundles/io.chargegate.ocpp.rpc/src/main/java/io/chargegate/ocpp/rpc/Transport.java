package io.chargegate.ocpp.rpc;

/**
 * The connection an {@link RpcSession} talks over: a WebSocket, an in-memory pipe, anything that carries
 * text messages. The owner of the connection feeds what it receives into the session
 * ({@link RpcSession#onOpen}, {@link RpcSession#onText}, {@link RpcSession#onClose}).
 */
public interface Transport {
    /**
     * Sends one text message (one OCPP-J frame). Must not block for long; may be called from any thread.
     *
     * @throws java.io.UncheckedIOException or {@link IllegalStateException} when the connection is not open
     */
    void send(String text);

    /** Closes the connection; the owner then calls {@link RpcSession#onClose}. */
    void close();
}
