package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import org.osgi.annotation.versioning.ProviderType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * One charge point identity as the {@link DemoCentralSystem} sees it, from its first connection until the central
 * system closes: it survives reconnects (a new WebSocket connection with the same id is attached to the same
 * object), so tests can count connections and read everything the charge point sent across them.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface ChargePointConnection {

    /** The charge point identity (the last path segment of the WebSocket URL, URL-decoded). */
    String id();

    /** Whether a WebSocket connection of this charge point is open now. */
    boolean isConnected();

    /**
     * Sends a central-system-initiated CALL (for example RemoteStartTransaction) on the current connection, with
     * the {@link DemoSettings#callTimeout()}.
     *
     * @return a stage completing with the response, or failing with {@link io.chargegate.ocpp.rpc.OcppException}
     *         (CALLERROR from the charge point), {@link io.chargegate.ocpp.rpc.CallTimeoutException} or
     *         {@link io.chargegate.ocpp.rpc.ConnectionClosedException} (not connected now, or the connection closed
     *         before the answer)
     * @throws IllegalArgumentException when the action is not one a central system sends
     */
    <R extends Response> CompletionStage<R> call(Request<R> request);

    /** A snapshot of every CALL this charge point sent (over all its connections), oldest first. */
    List<ReceivedMessage> received();

    /** Forgets the messages received so far: {@link #received()} and {@link #await} only see later ones. */
    void clearReceived();

    /**
     * Waits for a received CALL that matches (one received before this call counts too).
     *
     * @return the first matching message
     * @throws IllegalStateException when none arrived within {@code timeout}; the message lists what did arrive
     */
    ReceivedMessage await(Predicate<ReceivedMessage> matcher, Duration timeout);

    /** Waits for a received CALL of {@code action}; see {@link #await(Predicate, Duration)}. */
    default ReceivedMessage await(Action action, Duration timeout) {
        return await(m -> m.action() == action, timeout);
    }

    /**
     * What the central system saw when it accepted the latest connection of this charge point (Basic auth
     * credentials, TLS, client certificate); kept after that connection closes, replaced by the next one.
     */
    Optional<Handshake> lastHandshake();

    /** How many WebSocket connections this charge point has opened so far (1 after the first connect). */
    int connectCount();

    /**
     * Closes the current connection from the server side (status 1000), for reconnect tests. At return
     * {@link #isConnected()} is false and outstanding central-system CALLs have failed. No effect when not connected.
     */
    void disconnect();

    /**
     * Answers {@code action} with {@code responder} instead of the default behaviour, for this charge point only
     * (takes precedence over {@link DemoCentralSystem#setResponder}). Applies to CALLs that arrive afterwards,
     * also on later connections.
     *
     * @throws IllegalArgumentException when a charge point never sends {@code action}
     */
    <Q extends Request<R>, R extends Response> void setResponder(Action action, Responder<Q, R> responder);

    /**
     * Sends one raw text frame as it is, bypassing the RPC engine (for testing how a charge point handles malformed
     * or unknown messages). Replies to it are found in {@link #framesReceived()}.
     *
     * @throws IllegalStateException when not connected
     */
    void sendRaw(String frame);

    /** Every text frame the charge point sent, raw, in arrival order, across all its connections. */
    List<String> framesReceived();

    /** Goes back to the default answer for {@code action} (or the central system's responder, if one is set). */
    void clearResponder(Action action);
}
