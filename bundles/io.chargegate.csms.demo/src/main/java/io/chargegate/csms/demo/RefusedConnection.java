package io.chargegate.csms.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * A connection attempt the {@link DemoCentralSystem} refused (see {@link DemoCentralSystem#refusedConnections()}):
 * a WebSocket upgrade answered with an HTTP error, or a failed TLS handshake.
 *
 * @param at            when it was refused
 * @param remote        the client's address and port
 * @param chargePointId the identity in the requested path, null when the path had none or the TLS handshake failed
 *                      (before any HTTP request)
 * @param httpStatus    the HTTP status answered (401 wrong or missing credentials, 400 no {@code ocpp1.6}
 *                      subprotocol, 404 other path, 503 shutting down), or {@value #TLS_HANDSHAKE_FAILED} for a failed
 *                      TLS handshake (untrusted or missing client certificate, client not trusting the server, ...)
 * @param reason        why, never containing secrets
 */
public record RefusedConnection(Instant at, String remote, String chargePointId, int httpStatus, String reason) {

    /** The {@link #httpStatus()} of a failed TLS handshake. */
    public static final int TLS_HANDSHAKE_FAILED = 0;

    /** Checks the required components. */
    public RefusedConnection {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the TLS handshake failed (no HTTP request was read). */
    public boolean tlsHandshakeFailed() {
        return httpStatus == TLS_HANDSHAKE_FAILED;
    }
}
