package io.chargegate.ocpp.transport.jetty.internal;

import io.chargegate.ocpp.rpc.Transport;
import io.chargegate.ocpp.transport.jetty.ConnectionListener;
import io.chargegate.ocpp.transport.jetty.ConnectionSettings;
import io.chargegate.ocpp.transport.jetty.OcppConnection;
import io.chargegate.ocpp.transport.jetty.TlsSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One charge point's reconnecting connection. All state changes happen under one lock; at most one connect attempt
 * or session exists at a time ({@code current}); timers run on the connector's shared {@link Scheduler} and never
 * block.
 */
public final class JettyConnection implements OcppConnection {

    /** The OCPP-J 1.6 WebSocket subprotocol. */
    public static final String SUBPROTOCOL = "ocpp1.6";
    /** A session that stays up this long resets the backoff (so does its first pong). */
    static final Duration STABLE_AFTER = Duration.ofSeconds(30);
    /** How long {@link #close()} waits for the CSMS to answer the close frame. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final int MAX_RECORDED_RETRIES = 64;
    private static final int MAX_COUNTED_FAILURES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(JettyConnection.class);

    /** Gives the shared Jetty client for the given TLS settings. */
    @FunctionalInterface
    public interface ClientSource {
        /**
         * The client to connect with.
         *
         * @throws IOException if the TLS material cannot be loaded
         */
        WebSocketClient clientFor(TlsSettings tls) throws IOException;
    }

    /**
     * One scheduled reconnect, kept for diagnostics and tests.
     *
     * @param consecutiveFailures failures before this delay was chosen
     * @param delay               the chosen delay
     */
    public record Retry(int consecutiveFailures, Duration delay) {
    }

    private final ConnectionSettings settings;
    private final ConnectionListener listener;
    private final ClientSource clients;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private final Consumer<JettyConnection> onClose;
    private final URI uri;
    private final String id;
    private final Backoff backoff;

    private final Object lock = new Object();
    // all guarded by lock
    private boolean closed;
    private ClientEndpoint current;
    private CompletableFuture<Session> pendingConnect;
    private Scheduler.Task reconnectTask;
    private Scheduler.Task pingTask;
    private Scheduler.Task pongTask;
    private Scheduler.Task stableTask;
    private int consecutiveFailures;
    private Duration pingInterval;
    private final List<Retry> retries = new ArrayList<>();

    /**
     * A connection; call {@link #start()} to begin connecting.
     *
     * @param onClose told once after {@link #close()}
     */
    public JettyConnection(ConnectionSettings settings, ConnectionListener listener, ClientSource clients,
                           Scheduler scheduler, DoubleSupplier random, Consumer<JettyConnection> onClose) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.random = Objects.requireNonNull(random, "random");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.uri = settings.endpointUri();
        this.id = settings.chargePointId();
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        this.pingInterval = settings.pingInterval();
    }

    /** Schedules the first connect attempt at once. */
    public void start() {
        synchronized (lock) {
            if (!closed && current == null && reconnectTask == null) {
                reconnectTask = scheduler.schedule(this::attempt, 0, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public boolean isConnected() {
        synchronized (lock) {
            return !closed && current != null && current.accepted && !current.ended;
        }
    }

    @Override
    public void updatePingInterval(Duration newInterval) {
        if (newInterval == null || newInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must be zero or positive, got: " + newInterval);
        }
        synchronized (lock) {
            pingInterval = newInterval;
            cancel(pingTask);
            pingTask = null;
            ClientEndpoint ep = current;
            if (!closed && ep != null && ep.accepted && !newInterval.isZero()) {
                pingTask = scheduler.schedule(() -> pingTick(ep), newInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        LOG.debug("[{}] Ping interval set to {}", id, newInterval);
    }

    /** The reconnects scheduled so far (the latest {@value #MAX_RECORDED_RETRIES}), oldest first. */
    public List<Retry> retries() {
        synchronized (lock) {
            return List.copyOf(retries);
        }
    }

    /** The settings this connection was opened with. */
    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        startClose().await(System.nanoTime() + CLOSE_WAIT.toNanos());
    }

    /**
     * Stops reconnecting and sends a close frame if a session is open, without waiting.
     *
     * @return waits for the close handshake
     */
    public Closing startClose() {
        ClientEndpoint ep;
        CompletableFuture<Session> connecting;
        synchronized (lock) {
            if (closed) {
                return deadline -> { };
            }
            closed = true;
            cancel(reconnectTask);
            reconnectTask = null;
            cancelSessionTimers();
            ep = current;
            connecting = pendingConnect;
        }
        LOG.debug("[{}] Closing", id);
        if (ep == null) {
            onClose.accept(this);
            return deadline -> { };
        }
        Session session = ep.session;
        if (session == null || !session.isOpen()) {
            if (connecting != null) {
                connecting.cancel(true);
            }
            onClose.accept(this);
            return deadline -> { };
        }
        session.close(StatusCode.NORMAL, "Connection closed", Callback.NOOP);
        return deadline -> {
            try {
                long wait = deadline - System.nanoTime();
                if (!ep.closedLatch().await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                    LOG.debug("[{}] CSMS did not answer the close frame in time; aborting", id);
                    session.disconnect();
                    onClosed(ep, StatusCode.ABNORMAL, "close handshake timed out");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                session.disconnect();
                onClosed(ep, StatusCode.ABNORMAL, "interrupted while closing");
            } finally {
                onClose.accept(this);
            }
        };
    }

    /** Waits for a close started by {@link #startClose()}. */
    @FunctionalInterface
    public interface Closing {
        /** Waits at most until {@code deadlineNanos} ({@link System#nanoTime()} scale). */
        void await(long deadlineNanos);
    }

    // ------------------------------------------------------------------ connecting

    private void attempt() {
        ClientEndpoint ep;
        synchronized (lock) {
            reconnectTask = null;
            if (closed || current != null) {
                return;
            }
            ep = new ClientEndpoint(this);
            current = ep;
        }
        CompletableFuture<Session> future;
        try {
            WebSocketClient client = clients.clientFor(settings.tls());
            ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
            request.setSubProtocols(SUBPROTOCOL);
            if (settings.authorizationKey() != null) {
                request.setHeader("Authorization", basicAuthorization(id, settings.authorizationKey()));
            }
            request.setTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("[{}] Connecting to {}", id, uri);
            future = client.connect(ep, request, ep);
        } catch (IOException | RuntimeException e) {
            attemptFailed(ep, e);
            return;
        }
        boolean cancelNow;
        synchronized (lock) {
            cancelNow = closed;
            if (current == ep && !future.isDone()) {
                pendingConnect = future;
            }
        }
        if (cancelNow) {
            future.cancel(true);
        }
        future.whenComplete((session, failure) -> {
            synchronized (lock) {
                if (pendingConnect == future) {
                    pendingConnect = null;
                }
            }
            if (failure != null) {
                attemptFailed(ep, failure);
            }
        });
    }

    /** The value of the {@code Authorization} header for HTTP Basic auth (UTF-8). */
    public static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void attemptFailed(ClientEndpoint ep, Throwable failure) {
        Duration delay;
        synchronized (lock) {
            if (current != ep) {
                return;
            }
            current = null;
            ep.ended = true;
            delay = scheduleReconnect();
        }
        String selected = ep.handshakeProtocol;
        if (selected != null && !SUBPROTOCOL.equals(selected)) {
            LOG.error("[{}] CSMS did not accept subprotocol {} (selected: {}) at {}", id, SUBPROTOCOL, selected, uri);
        }
        if (delay != null) {
            LOG.warn("[{}] Connecting to {} failed: {}; next attempt in {} ms", id, uri, describe(failure),
                    delay.toMillis());
        }
    }

    /** Chooses the next delay and schedules the attempt; {@code null} when closed. Caller holds the lock. */
    private Duration scheduleReconnect() {
        if (closed) {
            return null;
        }
        Duration delay = backoff.delay(consecutiveFailures, random.getAsDouble());
        if (retries.size() == MAX_RECORDED_RETRIES) {
            retries.remove(0);
        }
        retries.add(new Retry(consecutiveFailures, delay));
        consecutiveFailures = Math.min(consecutiveFailures + 1, MAX_COUNTED_FAILURES);
        cancel(reconnectTask);
        reconnectTask = scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
        return delay;
    }

    // ------------------------------------------------------------------ session events (Jetty threads)

    void onOpen(ClientEndpoint ep, Session session) {
        String selected = session.getUpgradeResponse() == null ? null
                : session.getUpgradeResponse().getAcceptedSubProtocol();
        boolean stale;
        synchronized (lock) {
            stale = closed || current != ep;
        }
        if (stale) {
            session.close(StatusCode.NORMAL, "Connection closed", Callback.NOOP);
            return;
        }
        if (!SUBPROTOCOL.equals(selected)) {
            ep.rejectCause = "CSMS did not accept subprotocol " + SUBPROTOCOL + " (selected: "
                    + (selected == null || selected.isEmpty() ? "none" : selected) + ")";
            LOG.error("[{}] {} at {}; closing the connection", id, ep.rejectCause, uri);
            session.close(StatusCode.PROTOCOL, "Subprotocol " + SUBPROTOCOL + " required", Callback.NOOP);
            return;
        }
        SessionTransport transport = new SessionTransport(ep, session);
        synchronized (lock) {
            stale = closed || current != ep || ep.ended;
            if (!stale) {
                ep.accepted = true;
                Duration interval = pingInterval;
                if (!interval.isZero()) {
                    pingTask = scheduler.schedule(() -> pingTick(ep), interval.toNanos(), TimeUnit.NANOSECONDS);
                }
                stableTask = scheduler.schedule(() -> stable(ep), STABLE_AFTER.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        if (stale) {
            session.close(StatusCode.NORMAL, "Connection closed", Callback.NOOP);
            return;
        }
        LOG.info("[{}] Connected to {} (subprotocol {})", id, uri, SUBPROTOCOL);
        try {
            listener.connected(transport);
        } catch (RuntimeException e) {
            LOG.error("[{}] ConnectionListener.connected failed", id, e);
        }
    }

    void onText(String text) {
        try {
            listener.textReceived(text);
        } catch (RuntimeException e) {
            LOG.error("[{}] ConnectionListener.textReceived failed", id, e);
        }
    }

    void onPong(ClientEndpoint ep) {
        synchronized (lock) {
            if (current == ep) {
                ep.pongs++;
                consecutiveFailures = 0;
            }
        }
    }

    void onError(ClientEndpoint ep, Throwable cause) {
        LOG.debug("[{}] WebSocket error: {}", id, describe(cause));
    }

    void onClosed(ClientEndpoint ep, int statusCode, String reason) {
        boolean wasConnected;
        Duration delay;
        synchronized (lock) {
            if (current != ep) {
                return;
            }
            current = null;
            ep.ended = true;
            wasConnected = ep.accepted;
            cancelSessionTimers();
            delay = scheduleReconnect();
        }
        String why = reason == null ? "" : reason;
        if (wasConnected) {
            if (delay != null) {
                LOG.info("[{}] Disconnected from {}: {} {}; reconnecting in {} ms", id, uri, statusCode, why,
                        delay.toMillis());
            } else {
                LOG.info("[{}] Disconnected from {}: {} {}", id, uri, statusCode, why);
            }
            try {
                listener.disconnected(statusCode, why);
            } catch (RuntimeException e) {
                LOG.error("[{}] ConnectionListener.disconnected failed", id, e);
            }
        } else if (delay != null) {
            String cause = ep.rejectCause != null ? ep.rejectCause
                    : "session closed before it was accepted: " + statusCode + " " + why;
            LOG.warn("[{}] Connecting to {} failed: {}; next attempt in {} ms", id, uri, cause, delay.toMillis());
        }
    }

    // ------------------------------------------------------------------ timers (scheduler thread)

    private void stable(ClientEndpoint ep) {
        synchronized (lock) {
            if (current == ep) {
                stableTask = null;
                consecutiveFailures = 0;
            }
        }
    }

    private void pingTick(ClientEndpoint ep) {
        Session session;
        synchronized (lock) {
            if (closed || current != ep || !ep.accepted) {
                return;
            }
            pingTask = null;
            session = ep.session;
            long seen = ep.pongs;
            if (pongTask == null) {
                pongTask = scheduler.schedule(() -> pongCheck(ep, seen), settings.pongTimeout().toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            if (!pingInterval.isZero()) {
                pingTask = scheduler.schedule(() -> pingTick(ep), pingInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        session.sendPing(ByteBuffer.allocate(0), Callback.from(() -> { },
                failure -> LOG.debug("[{}] Sending a ping failed: {}", id, describe(failure))));
    }

    private void pongCheck(ClientEndpoint ep, long pongsAtPing) {
        Session session;
        synchronized (lock) {
            if (current != ep) {
                return;
            }
            pongTask = null;
            if (ep.pongs > pongsAtPing) {
                return;
            }
            session = ep.session;
        }
        long ms = settings.pongTimeout().toMillis();
        LOG.warn("[{}] No pong from {} within {} ms; aborting the connection", id, uri, ms);
        onClosed(ep, StatusCode.ABNORMAL, "No pong within " + ms + " ms");
        session.disconnect();
    }

    /** Caller holds the lock. */
    private void cancelSessionTimers() {
        cancel(pingTask);
        cancel(pongTask);
        cancel(stableTask);
        pingTask = null;
        pongTask = null;
        stableTask = null;
    }

    private static void cancel(Scheduler.Task task) {
        if (task != null) {
            task.cancel();
        }
    }

    /** A short, credential-free description of a connect failure. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        StringBuilder sb = new StringBuilder();
        if (t instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() > 0
                && upgrade.getResponseStatusCode() != 101) {
            sb.append("HTTP ").append(upgrade.getResponseStatusCode()).append(" on the WebSocket upgrade");
            return sb.toString();
        }
        int depth = 0;
        for (Throwable c = t; c != null && depth < 4; c = c.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            if (c instanceof UnknownHostException) {
                sb.append("unknown host ").append(c.getMessage());
            } else if (c instanceof ConnectException) {
                sb.append("connection refused (").append(c.getMessage()).append(')');
            } else if (c instanceof SSLException) {
                sb.append("TLS failure: ").append(c.getMessage());
            } else {
                sb.append(c.getClass().getSimpleName());
                if (c.getMessage() != null) {
                    sb.append(": ").append(c.getMessage());
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "JettyConnection[" + id + " -> " + uri + "]";
    }

    /** The {@link Transport} of one accepted session. */
    private final class SessionTransport implements Transport {
        private final ClientEndpoint ep;
        private final Session session;

        SessionTransport(ClientEndpoint ep, Session session) {
            this.ep = ep;
            this.session = session;
        }

        @Override
        public void send(String text) {
            Objects.requireNonNull(text, "text");
            if (ep.ended || !session.isOpen()) {
                throw new IllegalStateException("WebSocket session of " + id + " is closed");
            }
            session.sendText(text, Callback.from(() -> { },
                    failure -> LOG.warn("[{}] Sending a message failed: {}", id, describe(failure))));
        }

        @Override
        public void close() {
            if (session.isOpen()) {
                session.close(StatusCode.NORMAL, "Closed by application", Callback.NOOP);
            }
        }

        @Override
        public String toString() {
            return "Transport[" + id + " -> " + uri + "]";
        }
    }
}
