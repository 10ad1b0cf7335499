package io.chargegate.ocpp.transport.jetty;

/**
 * Opens OCPP-J WebSocket connections from charge points to a CSMS. Thread-safe.
 */
public interface OcppConnector {

    /**
     * Starts connecting and returns at once; the connection connects asynchronously and reconnects forever until
     * {@link OcppConnection#close()}.
     *
     * @param settings where and how to connect
     * @param listener told about sessions and messages; see its thread rules
     * @return the new connection
     * @throws IllegalStateException if this connector is closed
     */
    OcppConnection open(ConnectionSettings settings, ConnectionListener listener);
}
