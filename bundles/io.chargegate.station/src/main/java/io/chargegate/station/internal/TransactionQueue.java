package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.rpc.ConnectionClosedException;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import io.chargegate.store.DurableMap;
import io.chargegate.store.DurableQueue;
import io.chargegate.store.QueueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static io.chargegate.station.internal.StationRuntime.cancel;
import static io.chargegate.station.internal.StationRuntime.unwrap;

/**
 * The durable outbound queue of a {@link StationRuntime}: StartTransaction, StopTransaction, the MeterValues of a
 * transaction and {@code TRANSACTIONAL} sends, persisted in the store and sent one at a time, strictly in order, when
 * the runtime can send. A failed send is retried ({@code TransactionMessageAttempts},
 * {@code TransactionMessageRetryInterval}); a lost connection leaves the message at the head for the next connect.
 * Messages of a transaction started offline carry its local reference until the CSMS assigns the id
 * ({@link #assignTransactionId}), which patches them. What an answer means is the runtime's
 * ({@link Host#onTransactionalResult}). It reaches the runtime only through {@link Host}.
 *
 * <h2>Locking</h2>
 * Guarded by the runtime's monitor ({@link Host#lock()}, the {@link StationRuntime} instance): every method is called
 * with it held; the answer callback and the retry timer take it first and check the generation they belong to.
 */
final class TransactionQueue {
    // log lines keep the runtime's logger name (operators and tests grep them)
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);

    /**
     * What the queue needs from its runtime. Implemented by the runtime; every method is called with the runtime's
     * monitor held and reads the runtime's current state (the session and configuration change on restart).
     */
    interface Host {
        /** The monitor guarding the runtime and this queue (the runtime itself). */
        Object lock();

        /** The charge point identity. */
        String stationId();

        StationSettings settings();

        ScheduledExecutorService scheduler();

        OcppCodec codec();

        /** The current generation (one per {@link StationRuntime#start()}). */
        long generation();

        boolean running();

        ConfigurationRegistry config();

        /** Connected, not known to be broken, and accepted: a message can be sent now. */
        boolean canSend();

        /** The RPC session of the current generation. */
        RpcSession session();

        /** The queue was found empty while the runtime can send: held best-effort messages may go now. */
        void queueDrained();

        /** A send failed because the connection is gone although its close has not been reported yet. */
        void connectionBroken();

        /** A queued message was answered (called before it leaves the queue). */
        void onTransactionalResult(QueuedMessage msg, Response resp);
    }

    private final Host host;
    /** The charge point identity (log lines). */
    private final String id;

    // ---- state, guarded by the runtime's monitor
    private DurableQueue queue;
    private DurableMap txIds;
    private ScheduledFuture<?> retryTask;
    private long inFlightSeq;
    private final Map<Long, Integer> attempts = new HashMap<>();
    private final Map<Long, CompletableFuture<Response>> queueWaiters = new HashMap<>();

    /**
     * @param host the runtime this queue belongs to
     */
    TransactionQueue(Host host) {
        this.host = host;
        this.id = host.stationId();
    }

    /** Uses the queue and the transaction id map of the store opened by a start. */
    void open(DurableQueue queue, DurableMap txIds) {
        this.queue = queue;
        this.txIds = txIds;
    }

    /** Nothing is in flight (a start: answers of the last generation are ignored). */
    void resetInFlight() {
        inFlightSeq = 0;
    }

    /** Forgets the failed attempts counted so far. */
    void clearAttempts() {
        attempts.clear();
    }

    /** Cancels a scheduled retry (a stop); after a restart the queue is sent again at once. */
    void cancelRetry() {
        cancel(retryTask);
        retryTask = null;
    }

    /** Fails every caller waiting for the answer to a {@code TRANSACTIONAL} send (a stop). */
    void failWaiters() {
        for (CompletableFuture<Response> w : queueWaiters.values()) {
            w.completeExceptionally(new ConnectionClosedException("station stopped"));
        }
        queueWaiters.clear();
    }

    /** Queues a {@code TRANSACTIONAL} send; the stage completes with its answer. */
    CompletableFuture<Response> submit(Request<?> request) {
        long seq = enqueue(request, null);
        CompletableFuture<Response> waiter = new CompletableFuture<>();
        queueWaiters.put(seq, waiter);
        pump();
        return waiter;
    }

    /** Whether a failed message waits for its scheduled retry. */
    boolean retryPending() {
        return retryTask != null;
    }

    /** Nothing in flight, no retry pending, nothing queued. */
    boolean idle() {
        return inFlightSeq == 0 && retryTask == null && queue.size() == 0;
    }

    /** The number of queued messages. */
    int size() {
        return queue.size();
    }

    /** Adds the queued messages (action and size), oldest first, to {@code out}. */
    void summarize(List<String> out) {
        for (QueueEntry e : queue.entries()) {
            try {
                QueuedMessage m = QueuedMessage.decode(e.value());
                out.add(e.seq() + " " + m.action().wireName() + (m.ref() == null ? "" : " (local tx " + m.ref() + ")"));
            } catch (RuntimeException ex) {
                out.add(e.seq() + " <unreadable>");
            }
        }
    }

    /** The CSMS assigned {@code txId} to the local transaction {@code ref}: queued messages of it carry the id now. */
    void assignTransactionId(long ref, int txId) {
        txIds.put(Long.toString(ref), Integer.toString(txId));
        // patch queued messages of this transaction with the real id
        for (QueueEntry e : queue.entries()) {
            QueuedMessage m;
            try {
                m = QueuedMessage.decode(e.value());
            } catch (RuntimeException ex) {
                continue;
            }
            if (m.action() != Action.START_TRANSACTION && Objects.equals(m.ref(), ref)) {
                Request<?> patched = withTransactionId((Request<?>) host.codec().decodePayload(m.action().requestType(), m.json()), txId);
                queue.replace(e.seq(), new QueuedMessage(m.action(), null, host.codec().encodePayload(patched)).encode());
            }
        }
    }

    long enqueue(Request<?> request, Long ref) {
        String json = host.codec().encodePayload(request);
        return queue.append(new QueuedMessage(request.action(), ref, json).encode());
    }

    /** Sends the head of the durable queue when possible: one at a time, strictly in order. */
    void pump() {
        while (host.running() && host.canSend() && inFlightSeq == 0 && retryTask == null) {
            Optional<QueueEntry> head = queue.peek();
            if (head.isEmpty()) {
                host.queueDrained();
                return;
            }
            QueueEntry e = head.get();
            Request<?> request;
            QueuedMessage msg;
            try {
                msg = QueuedMessage.decode(e.value());
                request = (Request<?>) host.codec().decodePayload(msg.action().requestType(), msg.json());
            } catch (RuntimeException ex) {
                LOG.error("[{}] unreadable queued message {} dropped: {}", id, e.seq(), e.value(), ex);
                queue.remove(e.seq());
                continue;
            }
            if (msg.ref() != null && msg.action() != Action.START_TRANSACTION) {
                Integer txId = txIds.get(Long.toString(msg.ref())).map(Integer::valueOf).orElse(null);
                if (txId == null) {
                    LOG.error("[{}] {} for local transaction {} dropped: the CSMS never assigned that transaction an id",
                            id, msg.action().wireName(), msg.ref());
                    queue.remove(e.seq());
                    failWaiter(e.seq(), new IllegalStateException("transaction without id"));
                    continue;
                }
                request = withTransactionId(request, txId);
            }
            inFlightSeq = e.seq();
            long gen = host.generation();
            QueuedMessage sent = msg;
            host.session().call(request, host.settings().callTimeout())
                    .whenComplete((r, err) -> onQueueResult(gen, e.seq(), sent, r, err));
            return; // the answer (or failure) pumps again
        }
    }

    private static Request<?> withTransactionId(Request<?> request, int txId) {
        if (request instanceof StopTransactionRequest s) {
            return new StopTransactionRequest(s.idTag(), s.meterStop(), s.timestamp(), txId, s.reason(), s.transactionData());
        }
        if (request instanceof MeterValuesRequest m) {
            return m.withTransactionId(txId);
        }
        return request;
    }

    private void onQueueResult(long gen, long seq, QueuedMessage msg, Response resp, Throwable err) {
        synchronized (host.lock()) {
            if (gen != host.generation() || !host.running()) {
                return;
            }
            if (err == null) {
                // still in flight while its answer is handled, so a pump() the handling triggers (the StopTransaction
                // of a start answered Invalid) does not send this message again
                try {
                    host.onTransactionalResult(msg, resp);
                } catch (RuntimeException e) {
                    LOG.error("[{}] handling the answer to {} failed", id, msg.action().wireName(), e);
                }
                queue.remove(seq);
                attempts.remove(seq);
                inFlightSeq = 0;
                CompletableFuture<Response> w = queueWaiters.remove(seq);
                if (w != null) {
                    w.complete(resp);
                }
                pump();
                return;
            }
            inFlightSeq = 0;
            Throwable cause = unwrap(err);
            if (cause instanceof ConnectionClosedException) {
                host.connectionBroken(); // resumed after the next connect
                return;
            }
            if (cause instanceof OcppException oe && !oe.fromPeer()) {
                LOG.error("[{}] queued {} is not valid and is dropped: {}", id, msg.action().wireName(), oe.getMessage());
                dropQueued(seq, cause);
                return;
            }
            int n = attempts.merge(seq, 1, Integer::sum);
            int max = Math.max(1, host.config().intValue(ConfigurationRegistry.TRANSACTION_MESSAGE_ATTEMPTS, 3));
            if (n >= max) {
                LOG.error("[{}] {} dropped after {} attempt(s), last failure: {}", id, msg.action().wireName(), n, cause.toString());
                dropQueued(seq, cause);
                return;
            }
            long delay = Math.max(0, host.config().intValue(ConfigurationRegistry.TRANSACTION_MESSAGE_RETRY_INTERVAL, 60)) * (long) n;
            LOG.warn("[{}] {} failed ({}), attempt {} of {}; retrying in {} s", id, msg.action().wireName(), cause.toString(), n, max, delay);
            retryTask = host.scheduler().schedule(() -> {
                synchronized (host.lock()) {
                    if (gen == host.generation()) {
                        retryTask = null;
                        pump();
                    }
                }
            }, Math.max(1, delay * 1000), TimeUnit.MILLISECONDS);
        }
    }

    private void dropQueued(long seq, Throwable cause) {
        queue.remove(seq);
        attempts.remove(seq);
        failWaiter(seq, cause);
        pump();
    }

    private void failWaiter(long seq, Throwable cause) {
        CompletableFuture<Response> w = queueWaiters.remove(seq);
        if (w != null) {
            w.completeExceptionally(cause);
        }
    }
}
