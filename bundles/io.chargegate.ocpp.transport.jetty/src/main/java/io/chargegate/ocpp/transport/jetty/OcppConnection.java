package io.chargegate.ocpp.transport.jetty;

import java.time.Duration;

/**
 * One charge point's connection to its CSMS, as returned by {@link OcppConnector#open}: it connects
 * asynchronously and reconnects after every loss, with jittered exponential backoff, until {@link #close()}d.
 * Thread-safe.
 */
public interface OcppConnection extends AutoCloseable {

    /** {@code true} while a WebSocket session with subprotocol {@code ocpp1.6} is open. */
    boolean isConnected();

    /**
     * Changes the WebSocket ping interval at run time (the OCPP configuration key {@code WebSocketPingInterval}).
     *
     * @param pingInterval {@link Duration#ZERO} turns pings off; must not be negative
     * @throws IllegalArgumentException if {@code pingInterval} is negative or {@code null}
     */
    void updatePingInterval(Duration pingInterval);

    /**
     * Stops reconnecting, sends a close frame with status 1000 if a session is open and waits briefly (at most a few
     * seconds) for the CSMS to answer it. Idempotent.
     */
    @Override
    void close();
}
