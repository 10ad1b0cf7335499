package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.AuthorizeResponse;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.MeterValuesResponse;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionResponse;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.rpc.ActionHandler;
import io.chargegate.ocpp.rpc.CallContext;
import io.chargegate.ocpp.rpc.Role;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.ocpp.rpc.Transport;
import io.chargegate.ocpp.transport.jetty.ConnectionListener;
import io.chargegate.ocpp.transport.jetty.ConnectionSettings;
import io.chargegate.ocpp.transport.jetty.OcppConnection;
import io.chargegate.ocpp.transport.jetty.OcppConnector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Test double of both the CSMS and the transport: an {@link OcppConnector} whose connections are in-memory links to
 * an {@link RpcSession} in the central-system role. Every CALL the charge point sends is recorded in order;
 * answers are configurable. The link can be cut and restored to simulate connection loss.
 */
final class TestCsms implements OcppConnector, AutoCloseable {
    static final long WAIT_S = 10;

    final RpcSession session;
    final BlockingQueue<Request<?>> received = new LinkedBlockingQueue<>();
    final List<Request<?>> log = new CopyOnWriteArrayList<>();
    final List<ConnectionSettings> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger nextTxId = new AtomicInteger(100);

    volatile RegistrationStatus bootStatus = RegistrationStatus.ACCEPTED;
    volatile int bootInterval = 300;
    volatile Function<String, IdTagInfo> authorize = id -> new IdTagInfo(AuthorizationStatus.ACCEPTED);
    volatile Function<StartTransactionRequest, IdTagInfo> startInfo = r -> new IdTagInfo(AuthorizationStatus.ACCEPTED);
    /** While true, new connections are refused (the charge point is offline). */
    volatile boolean offline;

    private final ExecutorService toCp = Executors.newSingleThreadExecutor(r -> daemon(r, "csms->cp"));
    private final ExecutorService toCsms = Executors.newSingleThreadExecutor(r -> daemon(r, "cp->csms"));
    private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    private volatile Link link;

    TestCsms() {
        session = RpcSession.builder(Role.CENTRAL_SYSTEM).name("test-csms").callTimeout(Duration.ofSeconds(5)).build();
        handle(io.chargegate.ocpp.model.Action.BOOT_NOTIFICATION, (BootNotificationRequest r) ->
                new BootNotificationResponse(bootStatus, Instant.now(), bootInterval));
        handle(io.chargegate.ocpp.model.Action.HEARTBEAT, (HeartbeatRequest r) -> new HeartbeatResponse(Instant.now()));
        handle(io.chargegate.ocpp.model.Action.STATUS_NOTIFICATION, (StatusNotificationRequest r) -> new StatusNotificationResponse());
        handle(io.chargegate.ocpp.model.Action.AUTHORIZE, (AuthorizeRequest r) -> new AuthorizeResponse(authorize.apply(r.idTag())));
        handle(io.chargegate.ocpp.model.Action.START_TRANSACTION, (StartTransactionRequest r) ->
                new StartTransactionResponse(startInfo.apply(r), nextTxId.getAndIncrement()));
        handle(io.chargegate.ocpp.model.Action.STOP_TRANSACTION, (StopTransactionRequest r) -> new StopTransactionResponse());
        handle(io.chargegate.ocpp.model.Action.METER_VALUES, (MeterValuesRequest r) -> new MeterValuesResponse());
        handle(io.chargegate.ocpp.model.Action.DIAGNOSTICS_STATUS_NOTIFICATION,
                (io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest r) ->
                        new io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationResponse());
        handle(io.chargegate.ocpp.model.Action.FIRMWARE_STATUS_NOTIFICATION,
                (io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest r) ->
                        new io.chargegate.ocpp.model.messages.FirmwareStatusNotificationResponse());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private <Q extends Request<R>, R extends Response> void handle(io.chargegate.ocpp.model.Action action, Function<Q, R> f) {
        session.addHandler(action, (ActionHandler<Q, R>) (Q req, CallContext ctx) -> {
            log.add(req);
            received.add(req);
            return CompletableFuture.completedFuture(f.apply(req));
        });
    }

    // ---------------------------------------------------------------- OcppConnector

    @Override
    public OcppConnection open(ConnectionSettings settings, ConnectionListener listener) {
        opened.add(settings);
        FakeConnection c = new FakeConnection(listener);
        connections.add(c);
        if (!offline) {
            c.connect();
        }
        return c;
    }

    /** Cuts the current connection (both sides see a close) and refuses new ones until {@link #goOnline()}. */
    void goOffline() {
        offline = true;
        Link l = link;
        if (l != null) {
            l.cut();
        }
    }

    /** Accepts connections again: every open (not closed) connection connects. */
    void goOnline() {
        offline = false;
        for (FakeConnection c : connections) {
            if (!c.closed && !c.isConnected()) {
                c.connect();
            }
        }
    }

    boolean connected() {
        Link l = link;
        return l != null && l.open;
    }

    /** One connection handed to the station: connects to the CSMS when allowed, until closed. */
    final class FakeConnection implements OcppConnection {
        final ConnectionListener listener;
        volatile boolean closed;
        volatile Link current;
        volatile Duration ping;

        FakeConnection(ConnectionListener listener) {
            this.listener = listener;
        }

        synchronized void connect() {
            if (closed || (current != null && current.open)) {
                return;
            }
            Link l = new Link(this);
            current = l;
            link = l;
            session.onOpen(l.csmsEnd);
            toCp.execute(() -> listener.connected(l.cpEnd));
        }

        @Override
        public boolean isConnected() {
            Link l = current;
            return l != null && l.open;
        }

        @Override
        public void updatePingInterval(Duration pingInterval) {
            ping = pingInterval;
        }

        @Override
        public void close() {
            closed = true;
            Link l = current;
            if (l != null) {
                l.cut();
            }
        }
    }

    /** One in-memory WebSocket session: ordered asynchronous delivery each way. */
    final class Link {
        final FakeConnection owner;
        volatile boolean open = true;
        final Transport cpEnd;
        final Transport csmsEnd;

        Link(FakeConnection owner) {
            this.owner = owner;
            cpEnd = new Transport() {
                @Override
                public void send(String text) {
                    if (!open) {
                        throw new IllegalStateException("closed");
                    }
                    toCsms.execute(() -> {
                        if (open) {
                            session.onText(text);
                        }
                    });
                }

                @Override
                public void close() {
                    cut();
                }
            };
            csmsEnd = new Transport() {
                @Override
                public void send(String text) {
                    if (!open) {
                        throw new IllegalStateException("closed");
                    }
                    toCp.execute(() -> {
                        if (open) {
                            owner.listener.textReceived(text);
                        }
                    });
                }

                @Override
                public void close() {
                    cut();
                }
            };
        }

        synchronized void cut() {
            if (!open) {
                return;
            }
            open = false;
            session.onClose(1006, "cut");
            toCp.execute(() -> owner.listener.disconnected(1006, "cut"));
        }
    }

    // ---------------------------------------------------------------- expectations

    /** The next CALL the charge point sent, waiting up to 10 s. */
    Request<?> next() {
        try {
            Request<?> r = received.poll(WAIT_S, TimeUnit.SECONDS);
            assertNotNull(r, "the charge point sent nothing within " + WAIT_S + " s");
            return r;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Skips CALLs until one matches; fails after 10 s. */
    @SuppressWarnings("unchecked")
    <T extends Request<?>> T next(Class<T> type, Predicate<T> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        List<Request<?>> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Request<?> r;
            try {
                r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (r == null) {
                fail("no matching " + type.getSimpleName() + " within " + WAIT_S + " s; skipped " + skipped);
            }
            if (type.isInstance(r) && match.test((T) r)) {
                return (T) r;
            }
            skipped.add(r);
        }
    }

    <T extends Request<?>> T next(Class<T> type) {
        return next(type, r -> true);
    }

    StatusNotificationRequest nextStatus(int connectorId, ChargePointStatus status) {
        return next(StatusNotificationRequest.class, s -> s.connectorId() == connectorId && s.status() == status);
    }

    /** Fails if a CALL matching arrives within {@code millis} (a quiet period, not a timing assertion). */
    void assertNothing(Predicate<Request<?>> match, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Request<?> r = received.poll(left, TimeUnit.NANOSECONDS);
                if (r != null && match.test(r)) {
                    fail("unexpected CALL " + r);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Sends a CALL to the charge point and waits for the answer. */
    <R extends Response> R call(Request<R> request) {
        try {
            return session.call(request).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("CALL " + request + " failed", e);
        }
    }

    /** Sends a CALL and returns the failure (CALLERROR) it ended with. */
    Throwable callError(Request<?> request) {
        try {
            session.call(request).toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("CALL " + request + " did not fail");
    }

    @Override
    public void close() {
        for (FakeConnection c : connections) {
            c.close();
        }
        session.dispose();
        toCp.shutdownNow();
        toCsms.shutdownNow();
    }
}
