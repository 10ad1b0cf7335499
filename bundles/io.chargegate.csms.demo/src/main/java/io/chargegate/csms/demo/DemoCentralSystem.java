package io.chargegate.csms.demo;

import io.chargegate.csms.demo.internal.CentralSystemServer;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A small OCPP 1.6-J central system (CSMS), like the Python {@code ocpp} library's server demo: a WebSocket server
 * on {@code ws://<host>:<port>/ocpp/<chargePointId>} (subprotocol {@code ocpp1.6} required, optional Basic auth;
 * {@code wss://} with {@link DemoSettings#tls()}, optionally requiring client certificates)
 * that answers every charge-point-initiated action, logs every frame as one INFO line on the logger
 * {@code io.chargegate.csms.demo.frames} ({@code CP-1 -> CSMS  [2,"a1","BootNotification",{...}]}), and lets tests
 * script it through {@link ChargePointConnection}: send CALLs, read and await what arrived, change answers.
 *
 * <h2>Default answers</h2>
 * BootNotification: {@link DemoSettings#bootStatus()}, the heartbeat interval, the current time. Heartbeat: the
 * current time. Authorize and StartTransaction: {@code Blocked} for {@link DemoSettings#blockedIdTags()}, else
 * {@code Accepted}; StartTransaction gets transaction ids 1, 2, 3, ... (one counter per server). StopTransaction:
 * idTagInfo {@code Accepted} when it carries an idTag. DataTransfer: {@code UnknownVendorId}. SignCertificate:
 * {@code Rejected}. MeterValues, StatusNotification, DiagnosticsStatusNotification, FirmwareStatusNotification,
 * SecurityEventNotification, LogStatusNotification, SignedFirmwareStatusNotification: empty responses.
 *
 * <h2>Connections</h2>
 * Upgrade requests for other paths get HTTP 404, without the subprotocol 400, with wrong or missing credentials
 * (when {@link DemoSettings#authorizationKeys()} is not empty) 401. A second connection with the same identity
 * replaces the first, which is closed. Refused upgrades and failed TLS handshakes are listed in
 * {@link #refusedConnections()}; what an accepted connection authenticated with in
 * {@link ChargePointConnection#lastHandshake()}.
 *
 * <p>Thread-safe. Close it to stop listening.
 */
public final class DemoCentralSystem implements AutoCloseable {

    private final CentralSystemServer server;

    private DemoCentralSystem(CentralSystemServer server) {
        this.server = server;
    }

    /**
     * Binds and starts a central system.
     *
     * @throws IllegalStateException when it cannot listen (for example the port is in use)
     */
    public static DemoCentralSystem start(DemoSettings settings) {
        return new DemoCentralSystem(CentralSystemServer.start(settings));
    }

    /** The settings it runs with. */
    public DemoSettings settings() {
        return server.settings();
    }

    /** The port it listens on (the bound one when the settings asked for port 0). */
    public int port() {
        return server.port();
    }

    /**
     * The base URL charge points append their identity to: {@code ws://127.0.0.1:<port>/ocpp}, or
     * {@code wss://...} with TLS.
     */
    public URI url() {
        return server.url();
    }

    /** The URL of one charge point: {@code ws[s]://127.0.0.1:<port>/ocpp/<chargePointId, URL-encoded>}. */
    public URI url(String chargePointId) {
        return URI.create(url() + "/" + encodePathSegment(chargePointId));
    }

    /** The charge point with this identity, if it has connected at least once. */
    public Optional<ChargePointConnection> chargePoint(String id) {
        return server.chargePoint(id);
    }

    /** Every charge point that has connected at least once. */
    public Collection<ChargePointConnection> chargePoints() {
        return server.chargePoints();
    }

    /**
     * Waits until the charge point with this identity is connected.
     *
     * @throws IllegalStateException when it is not connected within {@code timeout}
     */
    public ChargePointConnection awaitChargePoint(String id, Duration timeout) {
        return server.awaitChargePoint(id, timeout);
    }

    /**
     * A snapshot of the connection attempts refused so far (HTTP errors of the upgrade and failed TLS handshakes),
     * oldest first (at most the latest 1000).
     */
    public List<RefusedConnection> refusedConnections() {
        return server.refusedConnections();
    }

    /**
     * Answers {@code action} with {@code responder} for every charge point (unless one has its own responder, see
     * {@link ChargePointConnection#setResponder}). Applies to CALLs that arrive afterwards.
     *
     * @throws IllegalArgumentException when a charge point never sends {@code action}
     */
    public <Q extends Request<R>, R extends Response> void setResponder(Action action, Responder<Q, R> responder) {
        server.setResponder(action, responder);
    }

    /** Goes back to the default answer for {@code action} (charge points' own responders stay). */
    public void clearResponder(Action action) {
        server.clearResponder(action);
    }

    /** Closes every connection (close code 1001) and stops listening. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "DemoCentralSystem[" + url() + "]";
    }

    private static String encodePathSegment(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
