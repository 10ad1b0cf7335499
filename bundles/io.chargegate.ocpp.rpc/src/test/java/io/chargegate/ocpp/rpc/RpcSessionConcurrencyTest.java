package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thread-safety smoke test: many calls from several threads in both directions at once. */
@Timeout(60)
class RpcSessionConcurrencyTest extends SessionFixture {

    @Test
    void manyCallsFromSeveralThreadsAllCompleteWithOneOutstandingCallPerDirection() throws Exception {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        RpcSession cs = session(Role.CENTRAL_SYSTEM, "CSMS");
        AtomicInteger heartbeats = new AtomicInteger();
        AtomicInteger starts = new AtomicInteger();
        Set<String> inboundIds = ConcurrentHashMap.newKeySet();
        cs.addHandler(Action.HEARTBEAT, (HeartbeatRequest req, CallContext ctx) -> {
            heartbeats.incrementAndGet();
            inboundIds.add(ctx.messageId());
            return CompletableFuture.completedFuture(new HeartbeatResponse(Instant.now()));
        });
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) -> {
            starts.incrementAndGet();
            inboundIds.add(ctx.messageId());
            return CompletableFuture.supplyAsync(() -> new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED));
        });
        InMemoryLink link = link(cp, cs);

        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<CompletableFuture<?>>>> issued = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                boolean fromCp = t % 2 == 0;
                issued.add(pool.submit(() -> {
                    go.await();
                    List<CompletableFuture<?>> calls = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        calls.add(fromCp
                                ? cp.call(new HeartbeatRequest()).toCompletableFuture()
                                : cs.call(new RemoteStartTransactionRequest("T" + i)).toCompletableFuture());
                    }
                    return calls;
                }));
            }
            go.countDown();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (Future<List<CompletableFuture<?>>> f : issued) {
                all.addAll(f.get(10, TimeUnit.SECONDS));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        int total = threads * perThread;
        assertEquals(total / 2, heartbeats.get());
        assertEquals(total / 2, starts.get());
        assertEquals(total, inboundIds.size(), "message ids are unique");
        assertEquals(1, link.a.maxOutstanding.get(), "charge point had more than one CALL outstanding");
        assertEquals(1, link.b.maxOutstanding.get(), "central system had more than one CALL outstanding");
        assertTrue(cp.isOpen() && cs.isOpen());
    }

    @Test
    void handlersCanBeAddedAndRemovedWhileCallsFlow() throws Exception {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        RpcSession cs = session(Role.CENTRAL_SYSTEM, "CSMS");
        link(cp, cs);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger notSupported = new AtomicInteger();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        Thread toggler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Registration r = cs.addHandler(Action.HEARTBEAT, (HeartbeatRequest req) -> new HeartbeatResponse(Instant.now()));
                Thread.yield();
                r.remove();
            }
        });
        toggler.start();
        try {
            for (int i = 0; i < 100; i++) {
                calls.add(cp.call(new HeartbeatRequest()).handle((r, e) -> {
                    if (e == null) {
                        answered.incrementAndGet();
                    } else if (e instanceof OcppException o && o.code() == ErrorCode.NotSupported && o.fromPeer()) {
                        notSupported.incrementAndGet();
                    }
                    return null;
                }).toCompletableFuture());
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            toggler.interrupt();
            toggler.join(5000);
        }
        assertEquals(100, answered.get() + notSupported.get(), "every call got a result or NotSupported");
    }
}
