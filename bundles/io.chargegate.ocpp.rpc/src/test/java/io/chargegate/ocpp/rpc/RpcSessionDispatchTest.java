package io.chargegate.ocpp.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.rpc.codec.Frame;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inbound CALLs of {@link RpcSession}: exactly one reply per CALL, with the right CALLERROR codes. */
@Timeout(30)
class RpcSessionDispatchTest extends SessionFixture {

    private static final String NOT_SUPPORTED = "Requested Action is recognized but not supported by the receiver";

    private static String remoteStart(String id) {
        return "[2,\"" + id + "\",\"RemoteStartTransaction\",{\"idTag\":\"TAG1\"}]";
    }

    private static RemoteStartTransactionResponse accepted() {
        return new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED);
    }

    @Test
    void handlerAnswerBecomesCallResult() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) ->
                new RemoteStartTransactionResponse("TAG1".equals(req.idTag()) ? RemoteStartStopStatus.ACCEPTED : RemoteStartStopStatus.REJECTED));
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertEquals("Accepted", assertCallResult(link.a.nextSentJson(), "m1").get("status").asText());
    }

    @Test
    void noHandlerIsNotSupported() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        JsonNode reply = assertCallError(link.a.nextSentJson(), "m1", ErrorCode.NotSupported);
        assertEquals(NOT_SUPPORTED, reply.get(3).asText());
        assertTrue(reply.get(4).isObject() && reply.get(4).isEmpty());
    }

    @Test
    void actionNotSentToThisRoleIsNotSupported() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        link.a.inject("[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]");
        assertCallError(link.a.nextSentJson(), "b1", ErrorCode.NotSupported);
    }

    @Test
    void handlerRegistrationRules() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> accepted());
        assertThrows(IllegalStateException.class,
                () -> cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> accepted()));
        assertThrows(IllegalArgumentException.class, () -> cp.addHandler(Action.HEARTBEAT, (io.chargegate.ocpp.model.messages.HeartbeatRequest req) -> null));
    }

    @Test
    void removedHandlerIsNotSupported() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        Registration reg = cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> accepted());
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertCallResult(link.a.nextSentJson(), "m1");

        reg.remove();
        reg.remove(); // idempotent
        link.a.inject(remoteStart("m2"));
        assertCallError(link.a.nextSentJson(), "m2", ErrorCode.NotSupported);

        Registration again = cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> accepted());
        reg.remove(); // the stale handle does not remove the new handler
        link.a.inject(remoteStart("m3"));
        assertCallResult(link.a.nextSentJson(), "m3");
        again.remove();
    }

    @Test
    void handlerRuntimeExceptionIsInternalError() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> {
            throw new IllegalStateException("secret internal detail");
        });
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        JsonNode reply = assertCallError(link.a.nextSentJson(), "m1", ErrorCode.InternalError);
        assertTrue(!reply.get(3).asText().contains("secret"), "internal exception messages stay local: " + reply);
    }

    @Test
    void handlerOcppExceptionIsAnsweredWithItsCode() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> {
            throw new OcppException(ErrorCode.SecurityError, "not allowed", Map.of("tag", req.idTag()));
        });
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        JsonNode reply = assertCallError(link.a.nextSentJson(), "m1", ErrorCode.SecurityError);
        assertEquals("not allowed", reply.get(3).asText());
        assertEquals("TAG1", reply.get(4).get("tag").asText());
    }

    @Test
    void asyncFailuresAreAnsweredToo() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) ->
                "m1".equals(ctx.messageId())
                        ? CompletableFuture.failedFuture(new OcppException(ErrorCode.GenericError, "later"))
                        : CompletableFuture.supplyAsync(() -> {
                            throw new IllegalArgumentException("async boom");
                        }));
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertEquals("later", assertCallError(link.a.nextSentJson(), "m1", ErrorCode.GenericError).get(3).asText());
        link.a.inject(remoteStart("m2"));
        assertCallError(link.a.nextSentJson(), "m2", ErrorCode.InternalError);
    }

    @Test
    void handlerReturningNullOrAnInvalidResponseIsInternalError() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) ->
                "m1".equals(ctx.messageId()) ? null : CompletableFuture.completedFuture(new RemoteStartTransactionResponse(null)));
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertCallError(link.a.nextSentJson(), "m1", ErrorCode.InternalError);
        link.a.inject(remoteStart("m2"));
        JsonNode reply = assertCallError(link.a.nextSentJson(), "m2", ErrorCode.InternalError);
        assertTrue(reply.get(3).asText().contains("RemoteStartTransaction"), reply.toString());
    }

    @Test
    void unknownActionIsNotImplemented() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        link.a.inject("[2,\"f1\",\"FooBar\",{}]");
        assertCallError(link.a.nextSentJson(), "f1", ErrorCode.NotImplemented);
    }

    @Test
    void unparsableFramesAreAnsweredWhenTheirIdIsReadableElseDropped() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> accepted());
        InMemoryLink link = rawPeer(cp);
        String missingPayload = "[2,\"id\",\"Heartbeat\"]";
        Frame decoded = OcppCodec.strict().decode(missingPayload, id -> null);
        Frame.Invalid invalid = assertInstanceOf(Frame.Invalid.class, decoded);
        assertTrue(Set.of(ErrorCode.FormationViolation, ErrorCode.ProtocolError).contains(invalid.code()), invalid.toString());

        link.a.inject("[2,");
        link.a.inject("{}");
        link.a.inject(missingPayload);
        link.a.inject("[9,\"x\"]");
        link.a.inject(remoteStart("after"));

        assertCallError(link.a.nextSentJson(), "id", invalid.code());
        assertCallResult(link.a.nextSentJson(), "after"); // nothing was sent for the other three
        assertTrue(link.a.drainSent().isEmpty());
    }

    @Test
    void asyncHandlerCompletingLater() throws Exception {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        CompletableFuture<RemoteStartTransactionResponse> answer = new CompletableFuture<>();
        CountDownLatch invoked = new CountDownLatch(1);
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) -> {
            invoked.countDown();
            return answer;
        });
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertTrue(invoked.await(5, TimeUnit.SECONDS));
        assertTrue(link.a.drainSent().isEmpty(), "no reply before the handler answers");

        answer.complete(accepted());
        assertEquals("Accepted", assertCallResult(link.a.nextSentJson(), "m1").get("status").asText());
    }

    @Test
    void handlerTimeoutIsInternalError() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.handlerTimeout(ms(100)));
        cp.addHandler(Action.REMOTE_START_TRANSACTION,
                (RemoteStartTransactionRequest req, CallContext ctx) -> new CompletableFuture<RemoteStartTransactionResponse>());
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertCallError(link.a.nextSentJson(), "m1", ErrorCode.InternalError);
    }

    @Test
    void blockingHandlerIsAnsweredByTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.handlerTimeout(ms(100)));
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return accepted();
        });
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertCallError(link.a.nextSentJson(), "m1", ErrorCode.InternalError);
        release.countDown();
        link.a.inject(remoteStart("m2")); // processed after the blocked handler returned
        assertCallResult(link.a.nextSentJson(), "m2");
        assertTrue(link.a.drainSent().isEmpty(), "the late answer to m1 is not sent");
    }

    @Test
    void exactlyOneReplyWhenTheHandlerAnswersAfterItsTimeout() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.handlerTimeout(ms(100)));
        CompletableFuture<RemoteStartTransactionResponse> answer = new CompletableFuture<>();
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) ->
                "m1".equals(ctx.messageId()) ? answer : CompletableFuture.completedFuture(accepted()));
        InMemoryLink link = rawPeer(cp);
        link.a.inject(remoteStart("m1"));
        assertCallError(link.a.nextSentJson(), "m1", ErrorCode.InternalError);

        answer.complete(accepted()); // the reply would be sent on this thread, now
        assertTrue(link.a.drainSent().isEmpty(), "a second reply to m1 was sent");
        link.a.inject(remoteStart("m2"));
        assertCallResult(link.a.nextSentJson(), "m2");
    }

    @Test
    void exactlyOneReplyWhenAnswerAndTimeoutRace() {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.handlerTimeout(ms(5)));
            cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) ->
                    CompletableFuture.supplyAsync(RpcSessionDispatchTest::accepted,
                            CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS, workers)));
            InMemoryLink link = rawPeer(cp);
            int n = 40;
            for (int i = 0; i < n; i++) {
                link.a.inject(remoteStart("r" + i));
            }
            Map<String, Integer> replies = new HashMap<>();
            for (int i = 0; i < n; i++) {
                JsonNode reply = link.a.nextSentJson();
                replies.merge(reply.get(1).asText(), 1, Integer::sum);
            }
            link.a.assertSendsNothingWithin(300);
            assertEquals(n, replies.size(), "one reply per CALL: " + replies);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void handlersRunOnTheConfiguredExecutor() {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "handler-pool"));
        try {
            RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.handlerExecutor(pool));
            AtomicReference<String> thread = new AtomicReference<>();
            cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) -> {
                thread.set(Thread.currentThread().getName());
                return accepted();
            });
            InMemoryLink link = rawPeer(cp);
            link.a.inject(remoteStart("m1"));
            assertCallResult(link.a.nextSentJson(), "m1");
            assertEquals("handler-pool", thread.get());

            pool.shutdown(); // rejected executions are answered with InternalError
            link.a.inject(remoteStart("m2"));
            assertCallError(link.a.nextSentJson(), "m2", ErrorCode.InternalError);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replyOfAClosedConnectionIsDroppedNotSentOnTheNextOne() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        List<CompletableFuture<RemoteStartTransactionResponse>> answers = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        Set<String> seen = new HashSet<>();
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) -> {
            synchronized (seen) {
                seen.add(ctx.messageId());
            }
            return "m1".equals(ctx.messageId()) ? answers.get(0) : answers.get(1);
        });
        InMemoryLink first = rawPeer(cp);
        first.a.inject(remoteStart("m1"));
        first.a.inject(remoteStart("m2"));
        first.close(1006, "gone");
        awaitClosed(cp); // the close is delivered in order after the two CALLs

        answers.get(0).complete(accepted());
        assertEquals(0, first.a.sendAttemptsWhileClosed(), "no send on a closed transport");

        InMemoryLink second = rawPeer(cp);
        answers.get(1).complete(accepted());
        assertTrue(second.a.drainSent().isEmpty(), "a reply must not go out on a later connection");
        assertTrue(first.a.drainSent().isEmpty());
        assertEquals(Set.of("m1", "m2"), seen);
    }
}
