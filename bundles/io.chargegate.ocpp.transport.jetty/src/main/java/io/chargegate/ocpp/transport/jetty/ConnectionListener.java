package io.chargegate.ocpp.transport.jetty;

import io.chargegate.ocpp.rpc.Transport;

/**
 * Receives the life cycle and the text messages of one {@link OcppConnection}.
 *
 * <p>Methods are called from Jetty's threads or from the connector's scheduler thread, never concurrently for the
 * same connection in a way that reorders them: {@link #connected} comes first, then any number of
 * {@link #textReceived}, then exactly one {@link #disconnected}; after a reconnect the cycle starts again with a new
 * {@link Transport}. Failed connect attempts call nothing (they are logged). Implementations must return quickly
 * and must not block (hand long work to another executor); exceptions they throw are logged and ignored.
 */
public interface ConnectionListener {

    /**
     * A WebSocket session with subprotocol {@code ocpp1.6} is open.
     *
     * @param transport sends over this session only; throws {@link IllegalStateException} once the session closed.
     *                  Its {@link Transport#close()} closes this session (the connection then reconnects unless it
     *                  was closed itself).
     */
    void connected(Transport transport);

    /** One text message (one OCPP-J frame) arrived on the current session. */
    void textReceived(String text);

    /**
     * The current session ended, for whatever reason.
     *
     * @param statusCode the WebSocket close code (1000 normal, 1006 abnormal or no pong, ...)
     * @param reason     the close reason, possibly empty, never {@code null}
     */
    void disconnected(int statusCode, String reason);
}
