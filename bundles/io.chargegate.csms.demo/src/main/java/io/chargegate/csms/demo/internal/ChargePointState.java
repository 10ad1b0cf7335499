package io.chargegate.csms.demo.internal;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.Handshake;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.csms.demo.Responder;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.ActionHandler;
import io.chargegate.ocpp.rpc.ConnectionClosedException;
import io.chargegate.ocpp.rpc.Role;
import io.chargegate.ocpp.rpc.RpcSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One charge point identity: its current connection (an {@link ServerEndpoint} with its own {@link RpcSession}),
 * its history of received CALLs and its custom responders. Lives as long as the server.
 */
public final class ChargePointState implements ChargePointConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePointState.class);

    private final String id;
    private final CentralSystemServer server;
    private final Map<Action, Responder<?, ?>> responders = new ConcurrentHashMap<>();

    /** Guarded by {@code this}. */
    private final List<ReceivedMessage> received = new ArrayList<>();
    /** Written under {@code this}. */
    private volatile ServerEndpoint current;
    /** Guarded by {@code this}. */
    private int connectCount;
    /** Guarded by {@code this}. */
    private Handshake lastHandshake;
    /** Guarded by {@code this}. */
    private final List<String> frames = new ArrayList<>();

    ChargePointState(String id, CentralSystemServer server) {
        this.id = id;
        this.server = server;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isConnected() {
        return current != null;
    }

    // ------------------------------------------------------------------------------------------- connections

    /** A new endpoint (and RPC session) for a connection being accepted; attached when it opens. */
    ServerEndpoint newEndpoint(Handshake handshake) {
        RpcSession rpc = RpcSession.builder(Role.CENTRAL_SYSTEM)
                .name(id)
                .scheduler(server.scheduler())
                .callTimeout(server.settings().callTimeout())
                .build();
        for (Action action : Action.values()) {
            if (Role.CENTRAL_SYSTEM.receives(action)) {
                ActionHandler<Request<Response>, Response> handler = (request, ctx) -> handle(action, request);
                rpc.addHandler(action, handler);
            }
        }
        return new ServerEndpoint(this, rpc, handshake);
    }

    /** The WebSocket of {@code endpoint} is open: it becomes the current connection, replacing an older one. */
    void opened(ServerEndpoint endpoint) {
        endpoint.rpc().onOpen(endpoint);
        ServerEndpoint previous;
        int count;
        synchronized (this) {
            previous = current;
            current = endpoint;
            count = ++connectCount;
            lastHandshake = endpoint.handshake();
            notifyAll();
        }
        if (previous != null) {
            LOG.info("{}: new connection from {} replaces the open one from {}", id, endpoint.remote(), previous.remote());
            detach(previous, 1000, "replaced by a new connection");
        }
        LOG.info("{}: connected from {} (connection #{}, {})", id, endpoint.remote(), count, endpoint.handshake());
        server.connected(this);
    }

    /** Jetty reported the close of {@code endpoint}'s connection. */
    void closed(ServerEndpoint endpoint, int code, String reason) {
        boolean wasCurrent;
        synchronized (this) {
            wasCurrent = current == endpoint;
            if (wasCurrent) {
                current = null;
                notifyAll();
            }
        }
        endpoint.rpc().onClose(code, reason);
        endpoint.rpc().dispose();
        if (wasCurrent) {
            LOG.info("{}: disconnected ({}{})", id, code, reason == null || reason.isEmpty() ? "" : " " + reason);
        } else {
            LOG.debug("{}: an earlier connection closed ({} {})", id, code, reason);
        }
    }

    /** Ends the RPC session of {@code endpoint} at once and closes its WebSocket. */
    private void detach(ServerEndpoint endpoint, int code, String reason) {
        endpoint.rpc().onClose(code, reason);
        endpoint.rpc().dispose();
        endpoint.close(code, reason);
    }

    /** Records one raw frame the charge point sent. */
    synchronized void frameReceived(String frame) {
        frames.add(frame);
    }

    @Override
    public synchronized List<String> framesReceived() {
        return List.copyOf(frames);
    }

    @Override
    public void sendRaw(String frame) {
        ServerEndpoint endpoint = current;
        if (endpoint == null) {
            throw new IllegalStateException(id + " is not connected");
        }
        endpoint.send(frame);
    }

    @Override
    public void disconnect() {
        ServerEndpoint endpoint;
        synchronized (this) {
            endpoint = current;
            current = null;
            notifyAll();
        }
        if (endpoint != null) {
            LOG.info("{}: disconnecting (requested)", id);
            detach(endpoint, 1000, "disconnected by central system");
        }
    }

    /** For the server's shutdown: closes the current connection with 1001; completes when Jetty reports the close. */
    CompletableFuture<Void> shutdown() {
        ServerEndpoint endpoint;
        synchronized (this) {
            endpoint = current;
            current = null;
            notifyAll();
        }
        if (endpoint == null) {
            return CompletableFuture.completedFuture(null);
        }
        detach(endpoint, 1001, "central system shutting down");
        return endpoint.closedFuture();
    }

    // ------------------------------------------------------------------------------------------- outbound

    @Override
    public <R extends Response> CompletionStage<R> call(Request<R> request) {
        Objects.requireNonNull(request, "request");
        Action action = Objects.requireNonNull(request.action(), "request.action()");
        if (!Role.CENTRAL_SYSTEM.sends(action)) {
            throw new IllegalArgumentException(action.wireName() + " is not sent by a central system");
        }
        ServerEndpoint endpoint = current;
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new ConnectionClosedException(
                    id + " is not connected: CALL " + action.wireName() + " not sent"));
        }
        return endpoint.rpc().call(request, server.settings().callTimeout());
    }

    // ------------------------------------------------------------------------------------------- inbound

    private CompletionStage<Response> handle(Action action, Request<Response> request) {
        @SuppressWarnings("unchecked")
        Responder<Request<Response>, Response> responder = (Responder<Request<Response>, Response>) responders.get(action);
        if (responder == null) {
            responder = server.responder(action);
        }
        Response response;
        try {
            response = responder != null ? responder.respond(request) : server.defaultAnswer(id, action, request);
        } catch (RuntimeException e) {
            record(action, request, null);
            return CompletableFuture.failedFuture(e);
        }
        record(action, request, response);
        return CompletableFuture.completedFuture(response);
    }

    private void record(Action action, Request<?> request, Response response) {
        synchronized (this) {
            received.add(new ReceivedMessage(Instant.now(), action, request, response));
            notifyAll();
        }
    }

    @Override
    public synchronized List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    @Override
    public synchronized void clearReceived() {
        received.clear();
    }

    @Override
    public ReceivedMessage await(Predicate<ReceivedMessage> matcher, Duration timeout) {
        Objects.requireNonNull(matcher, "matcher");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            int checked = 0;
            while (true) {
                if (checked > received.size()) {
                    checked = 0; // cleared meanwhile
                }
                for (; checked < received.size(); checked++) {
                    ReceivedMessage m = received.get(checked);
                    if (matcher.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(describeTimeout(timeout));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(id + ": interrupted while waiting for a message", e);
                }
            }
        }
    }

    /** Guarded by {@code this} (called with the lock held). */
    private String describeTimeout(Duration timeout) {
        StringBuilder sb = new StringBuilder(id).append(": no matching message within ").append(timeout.toMillis())
                .append(" ms; ").append(isConnected() ? "connected" : "not connected").append(", ")
                .append(received.size()).append(" received");
        for (int i = 0; i < received.size(); i++) {
            sb.append(i == 0 ? ":" : "").append("\n  ").append(i + 1).append(". ").append(received.get(i));
        }
        return sb.toString();
    }

    @Override
    public synchronized Optional<Handshake> lastHandshake() {
        return Optional.ofNullable(lastHandshake);
    }

    @Override
    public synchronized int connectCount() {
        return connectCount;
    }

    @Override
    public <Q extends Request<R>, R extends Response> void setResponder(Action action, Responder<Q, R> responder) {
        CentralSystemServer.requireChargePointAction(action);
        responders.put(action, Objects.requireNonNull(responder, "responder"));
    }

    @Override
    public void clearResponder(Action action) {
        responders.remove(Objects.requireNonNull(action, "action"));
    }

    @Override
    public String toString() {
        return "ChargePoint[" + id + (isConnected() ? ", connected" : ", not connected") + ", connections=" + connectCount()
                + "]";
    }
}
