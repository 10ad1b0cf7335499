package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.codec.Frame;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One OCPP-J RPC endpoint over a {@link Transport}, in the charge point or the central system role: the Java
 * counterpart of the Python {@code ocpp} library's {@code ChargePoint} class.
 *
 * <h2>Connection lifecycle</h2>
 * The owner of the connection drives the session: {@link #onOpen(Transport)} when the connection is up,
 * {@link #onText(String)} for every text message received, {@link #onClose(int, String)} when it is gone. After a
 * close the session can be opened again with the transport of a new connection; handlers stay registered.
 * {@link #dispose()} ends the session for good. The session has no thread of its own: it runs on the threads that
 * call it, on the scheduler (timeouts) and on the handler executor.
 *
 * <h2>Outbound CALLs</h2>
 * {@link #call(Request)} validates and encodes the request at once and sends it when no other outbound CALL is
 * outstanding: at most one CALL is in flight, later ones wait in order and go out when the previous one is
 * answered (CALLRESULT or CALLERROR) or timed out. The returned stage completes with the typed response, or fails
 * with {@link OcppException} (CALLERROR from the peer, with {@link OcppException#fromPeer()} true, or an invalid
 * payload), {@link CallTimeoutException} or {@link ConnectionClosedException}. Dependent stages run on the thread
 * that completes the call (the transport's receiving thread or the scheduler): use the {@code *Async} variants
 * for slow work.
 *
 * <h2>Inbound CALLs</h2>
 * Every inbound CALL whose message id can be read gets exactly one reply (see {@link ActionHandler}). An action
 * without a handler, or one that the peer may not send to this role, is answered with {@code NotSupported}; a
 * CALL the codec rejects is answered with the codec's error code. A reply whose connection has closed meanwhile
 * is dropped (logged at debug), never sent on a later connection.
 *
 * <p>Thread-safe. Built with {@link #builder(Role)}.
 */
public final class RpcSession {

    private static final Logger LOG = LoggerFactory.getLogger(RpcSession.class);
    private static final String NOT_SUPPORTED = "Requested Action is recognized but not supported by the receiver";

    private final Role role;
    private final String name;
    private final OcppCodec codec;
    private final Duration callTimeout;
    private final Duration handlerTimeout;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Executor handlerExecutor;
    private final Supplier<String> messageIds;
    private final Map<Action, HandlerEntry> handlers = new ConcurrentHashMap<>();

    private final Object lock = new Object();
    /** The open connection, or null. Guarded by {@link #lock} for writes; volatile for the receive path. */
    private volatile Connection connection;
    /** The outbound CALL sent and not yet answered, or null. Guarded by {@link #lock}. */
    private OutboundCall inFlight;
    /** Outbound CALLs waiting for {@link #inFlight} to finish, in call order. Guarded by {@link #lock}. */
    private final ArrayDeque<OutboundCall> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean disposed;

    private RpcSession(Builder b) {
        this.role = b.role;
        this.name = b.name;
        this.codec = b.codec;
        this.callTimeout = b.callTimeout;
        this.handlerTimeout = b.handlerTimeout;
        this.handlerExecutor = b.handlerExecutor;
        this.messageIds = b.messageIds;
        if (b.scheduler != null) {
            this.scheduler = b.scheduler;
            this.ownsScheduler = false;
        } else {
            ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "ocpp-rpc-timer-" + b.name);
                t.setDaemon(true);
                return t;
            });
            own.setRemoveOnCancelPolicy(true);
            this.scheduler = own;
            this.ownsScheduler = true;
        }
    }

    /** A builder for a session in the given role. */
    public static Builder builder(Role role) {
        return new Builder(role);
    }

    /** The role of this session. */
    public Role role() {
        return role;
    }

    /** The name used in logs and exception messages (typically the charge point identity). */
    public String name() {
        return name;
    }

    /** Whether a connection is open now. */
    public boolean isOpen() {
        return connection != null;
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    /**
     * The connection is open: outbound CALLs go to {@code transport} from now on. If the session believes a
     * previous connection is still open (the owner missed {@link #onClose}), that one is treated as closed first.
     *
     * @throws IllegalStateException after {@link #dispose()}
     */
    public void onOpen(Transport transport) {
        Objects.requireNonNull(transport, "transport");
        List<OutboundCall> orphaned;
        synchronized (lock) {
            if (disposed) {
                throw new IllegalStateException("[" + name + "] session is disposed");
            }
            orphaned = connection == null ? List.of() : drainLocked();
            if (connection != null) {
                LOG.warn("[{}] opened again without a close of the previous connection; treating that one as closed", name);
            }
            connection = new Connection(transport);
        }
        failAll(orphaned, "connection replaced");
        LOG.info("[{}] connection open", name);
    }

    /**
     * The connection is closed: the in-flight CALL and every queued one fail with
     * {@link ConnectionClosedException}; replies of handlers still running are dropped. Idempotent.
     */
    public void onClose(int code, String reason) {
        List<OutboundCall> failed;
        synchronized (lock) {
            if (connection == null) {
                LOG.debug("[{}] close {} '{}' while not open: ignored", name, code, reason);
                return;
            }
            connection = null;
            failed = drainLocked();
        }
        LOG.info("[{}] connection closed ({} {}){}", name, code, reason == null ? "" : reason,
                failed.isEmpty() ? "" : "; failing " + failed.size() + " outstanding call(s)");
        failAll(failed, "connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
    }

    /**
     * Ends the session: like {@link #onClose} (outstanding calls fail with {@link ConnectionClosedException}), and
     * later calls fail and {@link #onOpen} throws. Shuts down the scheduler if the session created it. Does not
     * close the transport: that belongs to its owner. Idempotent.
     */
    public void dispose() {
        List<OutboundCall> failed;
        synchronized (lock) {
            if (disposed) {
                return;
            }
            disposed = true;
            connection = null;
            failed = drainLocked();
        }
        failAll(failed, "session disposed");
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        LOG.debug("[{}] disposed", name);
    }

    /** Feeds one received text message (one OCPP-J frame) into the session. Called by the owner of the transport. */
    public void onText(String text) {
        Connection conn = connection;
        if (conn == null) {
            LOG.debug("[{}] message while not open, dropped: {}", name, FrameRedaction.redact(text));
            return;
        }
        LOG.debug("[{}] < {}", name, FrameRedaction.redact(text));
        Frame frame;
        try {
            frame = codec.decode(text, this::pendingAction);
        } catch (RuntimeException e) {
            LOG.error("[{}] codec failed to decode a message, dropped: {}", name, text, e);
            return;
        }
        if (frame instanceof Frame.Call call) {
            dispatch(conn, call);
        } else if (frame instanceof Frame.CallResult result) {
            onCallResult(result);
        } else if (frame instanceof Frame.CallError error) {
            onCallError(error);
        } else if (frame instanceof Frame.Invalid invalid) {
            onInvalid(conn, invalid, text);
        }
    }

    // ------------------------------------------------------------------------------------------- outbound

    /** Sends a CALL with the session's default timeout; see {@link #call(Request, Duration)}. */
    public <R extends Response> CompletionStage<R> call(Request<R> request) {
        return call(request, callTimeout);
    }

    /**
     * Sends a CALL, after the outbound CALLs made before it have been answered or timed out.
     *
     * @param request the request payload; validated and encoded at once
     * @param timeout how long to wait for the answer, counted from the moment the CALL is sent
     * @return a stage completing with the response, or failing with {@link OcppException} (CALLERROR from the
     *         peer; or the request or the response is not valid), {@link CallTimeoutException} or
     *         {@link ConnectionClosedException} (not open now, or the connection closed before the answer)
     * @throws IllegalArgumentException when this role may not send the request's action (for example a charge
     *                                  point sending RemoteStartTransaction), or the timeout is not positive
     */
    public <R extends Response> CompletionStage<R> call(Request<R> request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        requirePositive(timeout, "timeout");
        Action action = Objects.requireNonNull(request.action(), "request.action()");
        if (!role.sends(action)) {
            throw new IllegalArgumentException(action.wireName() + " is not sent by the " + role
                    + " (direction " + action.direction() + ")");
        }
        String id = messageIds.get();
        String frame;
        try {
            frame = codec.encodeCall(id, request);
        } catch (RuntimeException e) {
            LOG.warn("[{}] CALL {} not sent, request invalid: {}", name, action.wireName(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        OutboundCall call = new OutboundCall(id, action, frame, timeout);
        Connection sendOn = null;
        boolean closed = false;
        synchronized (lock) {
            if (connection == null || disposed) {
                closed = true;
            } else if (inFlight == null) {
                inFlight = call;
                sendOn = connection;
            } else {
                queue.addLast(call);
                LOG.debug("[{}] CALL {} {} queued behind {} {} ({} waiting)", name, action.wireName(), id,
                        inFlight.action.wireName(), inFlight.id, queue.size());
            }
        }
        if (closed) {
            return CompletableFuture.failedFuture(new ConnectionClosedException(
                    "[" + name + "] not connected: CALL " + action.wireName() + " not sent"));
        }
        if (sendOn != null) {
            transmit(sendOn, call);
        }
        @SuppressWarnings("unchecked")
        CompletionStage<R> stage = (CompletionStage<R>) call.future;
        return stage;
    }

    /** For the codec: the action of the in-flight CALL iff its id is {@code id}. */
    private Action pendingAction(String id) {
        synchronized (lock) {
            return inFlight != null && inFlight.id.equals(id) ? inFlight.action : null;
        }
    }

    private OutboundCall inFlightWithId(String id) {
        synchronized (lock) {
            return inFlight != null && inFlight.id.equals(id) ? inFlight : null;
        }
    }

    /**
     * Sends {@code call} on {@code conn} and starts its timeout; when that fails, fails the call and goes on with
     * the next queued one (a loop, not recursion, so a long queue on a dead transport cannot overflow the stack).
     */
    private void transmit(Connection conn, OutboundCall call) {
        while (call != null) {
            Throwable failure = null;
            LOG.debug("[{}] > {}", name, FrameRedaction.redact(call.frame));
            try {
                conn.transport.send(call.frame);
            } catch (RuntimeException e) {
                LOG.warn("[{}] sending CALL {} {} failed: {}", name, call.action.wireName(), call.id, e.toString());
                failure = new ConnectionClosedException("[" + name + "] sending CALL " + call.action.wireName()
                        + " (id " + call.id + ") failed", e);
            }
            if (failure == null) {
                OutboundCall c = call;
                try {
                    call.setTimer(scheduler.schedule(() -> onCallTimeout(c), call.timeout.toNanos(), TimeUnit.NANOSECONDS));
                    return;
                } catch (RejectedExecutionException e) {
                    LOG.error("[{}] scheduler rejected the timeout of CALL {} {}", name, call.action.wireName(), call.id, e);
                    failure = new IllegalStateException("[" + name + "] scheduler is shut down", e);
                }
            }
            Next next = release(call);
            if (next == null) {
                return; // already finished by someone else (close, or an answer that beat the failure)
            }
            call.fail(failure);
            conn = next.connection;
            call = next.call;
        }
    }

    private void onCallTimeout(OutboundCall call) {
        Next next = release(call);
        if (next == null) {
            return;
        }
        LOG.warn("[{}] no answer to CALL {} {} within {} ms", name, call.action.wireName(), call.id, call.timeout.toMillis());
        sendNext(next);
        call.fail(new CallTimeoutException(name, call.action, call.id, call.timeout));
    }

    /**
     * Ends {@code call} if it is still the in-flight one and makes the next queued call the in-flight one.
     * Returns null when {@code call} was not in flight (already finished).
     */
    private Next release(OutboundCall call) {
        synchronized (lock) {
            if (inFlight != call) {
                return null;
            }
            inFlight = null;
            call.cancelTimer();
            if (connection == null) {
                return new Next(null, null);
            }
            OutboundCall next;
            while ((next = queue.pollFirst()) != null && next.future.isDone()) {
                LOG.debug("[{}] queued CALL {} {} was cancelled by its caller: skipped", name, next.action.wireName(), next.id);
            }
            inFlight = next;
            return new Next(next, next == null ? null : connection);
        }
    }

    private void sendNext(Next next) {
        if (next.call != null) {
            transmit(next.connection, next.call);
        }
    }

    private void onCallResult(Frame.CallResult result) {
        OutboundCall call = inFlightWithId(result.id());
        if (call == null) {
            LOG.warn("[{}] CALLRESULT {} matches no pending CALL: dropped", name, result.id());
            return;
        }
        Next next = release(call);
        if (next == null) {
            LOG.warn("[{}] CALLRESULT {} arrived after its CALL ended: dropped", name, result.id());
            return;
        }
        sendNext(next);
        Response payload = result.payload();
        if (payload == null || !call.action.responseType().isInstance(payload)) {
            call.fail(new OcppException(ErrorCode.FormationViolation, "CALLRESULT of " + call.action.wireName()
                    + " decoded as " + (payload == null ? "null" : payload.getClass().getSimpleName())));
        } else {
            call.future.complete(payload);
        }
    }

    private void onCallError(Frame.CallError error) {
        OutboundCall call = error.id() == null ? null : inFlightWithId(error.id());
        Next next = call == null ? null : release(call);
        if (next == null) {
            LOG.warn("[{}] CALLERROR {} {} '{}' matches no pending CALL: dropped", name, error.id(), error.code(), error.description());
            return;
        }
        LOG.info("[{}] CALL {} {} answered with CALLERROR {} '{}'", name, call.action.wireName(), call.id, error.code(), error.description());
        sendNext(next);
        call.fail(new OcppException(error.code(), error.description(), error.details(), true, null));
    }

    private List<OutboundCall> drainLocked() {
        List<OutboundCall> all = new ArrayList<>(queue.size() + 1);
        if (inFlight != null) {
            all.add(inFlight);
            inFlight = null;
        }
        all.addAll(queue);
        queue.clear();
        return all;
    }

    private void failAll(List<OutboundCall> calls, String why) {
        for (OutboundCall call : calls) {
            call.cancelTimer();
            call.fail(new ConnectionClosedException("[" + name + "] " + why + " before CALL " + call.action.wireName()
                    + " (id " + call.id + ") was answered"));
        }
    }

    // ------------------------------------------------------------------------------------------- inbound

    /**
     * Registers the handler of one action. Only one handler per action: remove the previous one first.
     * Callable at any time from any thread; takes effect for CALLs that arrive afterwards.
     *
     * <p>Write lambdas with a typed parameter so the types are inferred:
     * {@code session.addHandler(Action.RESET, (ResetRequest req, CallContext ctx) -> ...)}.
     *
     * @throws IllegalStateException    when the action already has a handler
     * @throws IllegalArgumentException when this role never receives the action
     */
    public <Q extends Request<R>, R extends Response> Registration addHandler(Action action, ActionHandler<Q, R> handler) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(handler, "handler");
        if (!role.receives(action)) {
            throw new IllegalArgumentException(action.wireName() + " is never received by the " + role
                    + " (direction " + action.direction() + ")");
        }
        HandlerEntry entry = new HandlerEntry(action, handler);
        HandlerEntry previous = handlers.putIfAbsent(action, entry);
        if (previous != null) {
            throw new IllegalStateException("[" + name + "] " + action.wireName() + " already has a handler");
        }
        LOG.debug("[{}] handler for {} added", name, action.wireName());
        return entry;
    }

    /**
     * Registers a synchronous handler: its return value is the response, an exception it throws is answered as
     * described in {@link ActionHandler}. Same rules as {@link #addHandler(Action, ActionHandler)}, e.g.
     * {@code session.addHandler(Action.RESET, (ResetRequest req) -> new ResetResponse(ResetStatus.ACCEPTED))}.
     */
    public <Q extends Request<R>, R extends Response> Registration addHandler(Action action, Function<Q, R> handler) {
        Objects.requireNonNull(handler, "handler");
        return addHandler(action, (ActionHandler<Q, R>) (request, ctx) -> CompletableFuture.completedFuture(handler.apply(request)));
    }

    private void dispatch(Connection conn, Frame.Call call) {
        Action action = call.action();
        HandlerEntry entry = role.receives(action) ? handlers.get(action) : null;
        if (entry == null) {
            LOG.warn("[{}] CALL {} {}: {}", name, action.wireName(), call.id(),
                    role.receives(action) ? "no handler, answering NotSupported" : "not sent to a " + role + ", answering NotSupported");
            reply(conn, callErrorFrame(call.id(), ErrorCode.NotSupported, NOT_SUPPORTED, Map.of()));
            return;
        }
        InboundCall inbound = new InboundCall(conn, call.id(), action);
        try {
            inbound.timer = scheduler.schedule(inbound::onTimeout, handlerTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.error("[{}] scheduler rejected the handler timeout of {} {}: running without", name, action.wireName(), call.id(), e);
        }
        Runnable invoke = () -> invoke(entry, call.payload(), inbound);
        if (handlerExecutor == null) {
            invoke.run();
        } else {
            try {
                handlerExecutor.execute(invoke);
            } catch (RejectedExecutionException e) {
                inbound.fail(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void invoke(HandlerEntry entry, Request<?> payload, InboundCall inbound) {
        CompletionStage<? extends Response> stage;
        try {
            stage = entry.handler.handle(payload, inbound);
        } catch (Throwable t) {
            inbound.fail(t);
            rethrowIfFatal(t);
            return;
        }
        if (stage == null) {
            inbound.fail(new NullPointerException("handler returned a null CompletionStage"));
            return;
        }
        stage.whenComplete((response, failure) -> {
            if (failure != null) {
                inbound.fail(unwrap(failure));
            } else {
                inbound.succeed(response);
            }
        });
    }

    private void onInvalid(Connection conn, Frame.Invalid invalid, String text) {
        String id = invalid.id();
        if (id != null && invalid.messageTypeId() == Frame.CALL) {
            LOG.warn("[{}] invalid CALL {}: answering {} '{}'", name, id, invalid.code(), invalid.description());
            reply(conn, callErrorFrame(id, invalid.code(), invalid.description(), Map.of()));
            return;
        }
        if (id != null && (invalid.messageTypeId() == Frame.CALL_RESULT || invalid.messageTypeId() == Frame.CALL_ERROR)) {
            OutboundCall call = inFlightWithId(id);
            Next next = call == null ? null : release(call);
            if (next != null) {
                String what = invalid.messageTypeId() == Frame.CALL_RESULT ? "CALLRESULT" : "CALLERROR";
                LOG.warn("[{}] invalid {} for CALL {} {}: {} '{}'", name, what, call.action.wireName(), id,
                        invalid.code(), invalid.description());
                sendNext(next);
                call.fail(new OcppException(invalid.code(), invalid.description()));
                return;
            }
        }
        LOG.warn("[{}] dropped message ({} {}): {}", name, invalid.code(), invalid.description(), text);
    }

    private void reply(Connection conn, String frame) {
        if (connection != conn) {
            LOG.debug("[{}] connection gone, reply dropped: {}", name, FrameRedaction.redact(frame));
            return;
        }
        LOG.debug("[{}] > {}", name, FrameRedaction.redact(frame));
        try {
            conn.transport.send(frame);
        } catch (RuntimeException e) {
            LOG.debug("[{}] reply not sent ({}): {}", name, e.toString(), frame);
        }
    }

    private String callErrorFrame(String id, ErrorCode code, String description, Map<String, Object> details) {
        try {
            return codec.encodeCallError(id, code, description, details);
        } catch (RuntimeException e) {
            if (details.isEmpty()) {
                throw e;
            }
            LOG.warn("[{}] CALLERROR details of {} not encodable ({}): sent without details", name, id, e.toString());
            return codec.encodeCallError(id, code, description, Map.of());
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError e) {
            throw e;
        }
    }

    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------- internals

    /** One open connection; identity tells replies of an old connection from the current one. */
    private static final class Connection {
        final Transport transport;

        Connection(Transport transport) {
            this.transport = transport;
        }
    }

    /** The call to send after a release, on which connection; both null when nothing is to be sent. */
    private record Next(OutboundCall call, Connection connection) {
    }

    /** One outbound CALL from {@link #call} until answered, timed out or failed. */
    private static final class OutboundCall {
        final String id;
        final Action action;
        final String frame;
        final Duration timeout;
        final CompletableFuture<Response> future = new CompletableFuture<>();
        private ScheduledFuture<?> timer;
        private boolean ended;

        OutboundCall(String id, Action action, String frame, Duration timeout) {
            this.id = id;
            this.action = action;
            this.frame = frame;
            this.timeout = timeout;
        }

        synchronized void setTimer(ScheduledFuture<?> t) {
            if (ended) {
                t.cancel(false);
            } else {
                timer = t;
            }
        }

        synchronized void cancelTimer() {
            ended = true;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        void fail(Throwable t) {
            future.completeExceptionally(t);
        }
    }

    /** One inbound CALL being handled; {@link #replied} makes the reply exactly-once. */
    private final class InboundCall implements CallContext {
        final Connection conn;
        final String id;
        final Action action;
        final AtomicBoolean replied = new AtomicBoolean();
        volatile ScheduledFuture<?> timer;

        InboundCall(Connection conn, String id, Action action) {
            this.conn = conn;
            this.id = id;
            this.action = action;
        }

        @Override
        public String messageId() {
            return id;
        }

        @Override
        public Action action() {
            return action;
        }

        @Override
        public String sessionName() {
            return name;
        }

        private boolean claim(String outcome) {
            if (!replied.compareAndSet(false, true)) {
                LOG.warn("[{}] handler of {} {} {} after the CALL was answered: ignored", name, action.wireName(), id, outcome);
                return false;
            }
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            return true;
        }

        void succeed(Response response) {
            if (!claim("answered")) {
                return;
            }
            String frame;
            if (response == null || !action.responseType().isInstance(response)) {
                String problem = "handler returned " + (response == null ? "no response"
                        : response.getClass().getSimpleName() + " instead of " + action.responseType().getSimpleName());
                LOG.error("[{}] {} {}: {}; answering InternalError", name, action.wireName(), id, problem);
                frame = callErrorFrame(id, ErrorCode.InternalError, "Invalid " + action.wireName() + " response: " + problem, Map.of());
            } else {
                try {
                    frame = codec.encodeCallResult(id, response);
                } catch (OcppException e) {
                    LOG.error("[{}] {} {}: handler response is not valid ({} {}); answering InternalError",
                            name, action.wireName(), id, e.code(), e.description());
                    frame = callErrorFrame(id, ErrorCode.InternalError,
                            "Invalid " + action.wireName() + " response: " + e.description(), Map.of());
                } catch (RuntimeException e) {
                    LOG.error("[{}] {} {}: handler response could not be encoded; answering InternalError", name, action.wireName(), id, e);
                    frame = callErrorFrame(id, ErrorCode.InternalError,
                            "Invalid " + action.wireName() + " response: " + e.getMessage(), Map.of());
                }
            }
            reply(conn, frame);
        }

        void fail(Throwable failure) {
            if (!claim("failed (" + failure + ")")) {
                return;
            }
            String frame;
            if (failure instanceof OcppException e) {
                LOG.info("[{}] handler of {} {} answered CALLERROR {} '{}'", name, action.wireName(), id, e.code(), e.description());
                frame = callErrorFrame(id, e.code(), e.description(), e.details());
            } else {
                LOG.error("[{}] handler of {} {} failed; answering InternalError", name, action.wireName(), id, failure);
                frame = callErrorFrame(id, ErrorCode.InternalError,
                        "An internal error occurred while processing " + action.wireName(), Map.of());
            }
            reply(conn, frame);
        }

        void onTimeout() {
            if (!claim("timed out")) {
                return;
            }
            LOG.warn("[{}] handler of {} {} did not answer within {} ms; answering InternalError",
                    name, action.wireName(), id, handlerTimeout.toMillis());
            reply(conn, callErrorFrame(id, ErrorCode.InternalError,
                    "No response from the " + action.wireName() + " handler within " + handlerTimeout.toMillis() + " ms", Map.of()));
        }
    }

    /** A registered handler; also its {@link Registration}. */
    private final class HandlerEntry implements Registration {
        final Action action;
        @SuppressWarnings("rawtypes")
        final ActionHandler handler;

        HandlerEntry(Action action, ActionHandler<?, ?> handler) {
            this.action = action;
            this.handler = handler;
        }

        @Override
        public void remove() {
            if (handlers.remove(action, this)) {
                LOG.debug("[{}] handler for {} removed", name, action.wireName());
            }
        }
    }

    /**
     * Options of an {@link RpcSession}. Every option has a default; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private final Role role;
        private OcppCodec codec;
        private Duration callTimeout = Duration.ofSeconds(30);
        private Duration handlerTimeout = Duration.ofSeconds(30);
        private ScheduledExecutorService scheduler;
        private Executor handlerExecutor;
        private Supplier<String> messageIds = () -> UUID.randomUUID().toString();
        private String name;

        private Builder(Role role) {
            this.role = Objects.requireNonNull(role, "role");
            this.name = role == Role.CHARGE_POINT ? "charge-point" : "central-system";
        }

        /** The codec (default {@link OcppCodec#strict()}). */
        public Builder codec(OcppCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** The timeout of {@link RpcSession#call(Request)} (default 30 s), counted from sending the CALL. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = requirePositive(timeout, "callTimeout");
            return this;
        }

        /**
         * How long a handler may take before the CALL is answered with {@code InternalError} (default 30 s),
         * counted from the arrival of the CALL.
         */
        public Builder handlerTimeout(Duration timeout) {
            this.handlerTimeout = requirePositive(timeout, "handlerTimeout");
            return this;
        }

        /**
         * The scheduler for timeouts, typically shared by many sessions and owned (and shut down) by the caller;
         * {@code setRemoveOnCancelPolicy(true)} on it is recommended. Without one, the session creates a
         * single daemon thread scheduler and shuts it down on {@link RpcSession#dispose()}.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Where handlers run (default: inline, on the thread that called {@link RpcSession#onText}). A
         * rejected execution is answered with {@code InternalError}.
         */
        public Builder handlerExecutor(Executor executor) {
            this.handlerExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The message id generator (default random UUIDs); must be thread-safe and return ids of at most 36 characters. */
        public Builder messageIds(Supplier<String> ids) {
            this.messageIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** The name for logs, for example the charge point identity (default "charge-point" or "central-system"). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** A new session, not yet open. */
        public RpcSession build() {
            if (codec == null) {
                codec = OcppCodec.strict();
            }
            return new RpcSession(this);
        }
    }
}
