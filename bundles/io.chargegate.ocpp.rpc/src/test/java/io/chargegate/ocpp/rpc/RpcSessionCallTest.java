package io.chargegate.ocpp.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outbound CALLs of {@link RpcSession}: results, errors, timeouts, ordering, closing. */
@Timeout(30)
class RpcSessionCallTest extends SessionFixture {

    @Test
    void callAndResultInBothRoles() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        RpcSession cs = session(Role.CENTRAL_SYSTEM, "CSMS");
        AtomicReference<BootNotificationRequest> booted = new AtomicReference<>();
        cs.addHandler(Action.BOOT_NOTIFICATION, (BootNotificationRequest req) -> {
            booted.set(req);
            return new BootNotificationResponse(RegistrationStatus.ACCEPTED, Instant.parse(TIME), 300);
        });
        AtomicReference<CallContext> context = new AtomicReference<>();
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req, CallContext ctx) -> {
            context.set(ctx);
            return CompletableFuture.completedFuture(new RemoteStartTransactionResponse(
                    "TAG1".equals(req.idTag()) ? RemoteStartStopStatus.ACCEPTED : RemoteStartStopStatus.REJECTED));
        });
        link(cp, cs);

        BootNotificationResponse boot = await(cp.call(new BootNotificationRequest("Vendor", "Model")));
        assertEquals(RegistrationStatus.ACCEPTED, boot.status());
        assertEquals(300, boot.interval());
        assertEquals(Instant.parse(TIME), boot.currentTime());
        assertEquals(new BootNotificationRequest("Vendor", "Model"), booted.get());

        RemoteStartTransactionResponse start = await(cs.call(new RemoteStartTransactionRequest("TAG1")));
        assertEquals(RemoteStartStopStatus.ACCEPTED, start.status());
        assertEquals(Action.REMOTE_START_TRANSACTION, context.get().action());
        assertEquals("CP1", context.get().sessionName());
        assertTrue(context.get().messageId() != null && !context.get().messageId().isEmpty());
    }

    @Test
    void sentFrameCarriesGeneratedIdAndAction() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.messageIds(() -> "fixed-id"));
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> hb = cp.call(new HeartbeatRequest());
        JsonNode frame = link.a.nextSentJson();
        assertEquals(2, frame.get(0).asInt());
        assertEquals("fixed-id", frame.get(1).asText());
        assertEquals("Heartbeat", frame.get(2).asText());
        assertTrue(frame.get(3).isObject() && frame.get(3).isEmpty());
        link.a.inject(heartbeatResult("fixed-id"));
        assertEquals(Instant.parse(TIME), await(hb).currentTime());
    }

    @Test
    void callErrorFailsCallWithTypedException() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> hb = cp.call(new HeartbeatRequest());
        String id = link.a.nextSentJson().get(1).asText();

        link.a.inject("[4,\"" + id + "\",\"SecurityError\",\"denied\",{\"why\":\"not registered\"}]");

        OcppException e = failure(hb, OcppException.class);
        assertEquals(ErrorCode.SecurityError, e.code());
        assertEquals("denied", e.description());
        assertEquals(Map.of("why", "not registered"), e.details());
        assertTrue(e.fromPeer());
    }

    @Test
    void unansweredCallTimesOutAndTheNextQueuedCallGoesOut() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> first = cp.call(new HeartbeatRequest(), ms(100));
        CompletionStage<HeartbeatResponse> second = cp.call(new HeartbeatRequest());
        String firstId = link.a.nextSentJson().get(1).asText();

        CallTimeoutException e = failure(first, CallTimeoutException.class);
        assertEquals(Action.HEARTBEAT, e.action());
        assertEquals(firstId, e.messageId());
        assertEquals(ms(100), e.timeout());
        assertTrue(e.getMessage().contains("Heartbeat") && e.getMessage().contains(firstId), e.getMessage());

        String secondId = link.a.nextSentJson().get(1).asText();
        assertNotEquals(firstId, secondId);
        link.a.inject(heartbeatResult(firstId)); // too late: dropped
        link.a.inject(heartbeatResult(secondId));
        assertEquals(Instant.parse(TIME), await(second).currentTime());
        assertTrue(link.a.drainSent().isEmpty(), "nothing is sent in answer to a late CALLRESULT");
    }

    @Test
    void defaultCallTimeoutOfTheBuilderApplies() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1", b -> b.callTimeout(ms(100)));
        rawPeer(cp);
        assertEquals(ms(100), failure(cp.call(new HeartbeatRequest()), CallTimeoutException.class).timeout());
    }

    @Test
    void callsGoOutOneAtATimeInOrder() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<BootNotificationResponse> c1 = cp.call(new BootNotificationRequest("V", "M"));
        CompletionStage<HeartbeatResponse> c2 = cp.call(new HeartbeatRequest());
        CompletionStage<BootNotificationResponse> c3 = cp.call(new BootNotificationRequest("V", "M2"));

        JsonNode f1 = link.a.nextSentJson();
        assertEquals("BootNotification", f1.get(2).asText());
        assertEquals("M", f1.get(3).get("chargePointModel").asText());
        assertTrue(link.a.drainSent().isEmpty(), "the 2nd CALL must wait for the answer to the 1st");
        assertFalse(c2.toCompletableFuture().isDone());

        link.a.inject("[3,\"" + f1.get(1).asText() + "\",{\"status\":\"Pending\",\"currentTime\":\"" + TIME + "\",\"interval\":10}]");
        assertEquals(RegistrationStatus.PENDING, await(c1).status());
        JsonNode f2 = link.a.nextSentJson();
        assertEquals("Heartbeat", f2.get(2).asText());
        assertTrue(link.a.drainSent().isEmpty(), "the 3rd CALL must wait for the answer to the 2nd");

        link.a.inject(heartbeatResult(f2.get(1).asText()));
        await(c2);
        JsonNode f3 = link.a.nextSentJson();
        assertEquals("M2", f3.get(3).get("chargePointModel").asText());
        link.a.inject("[3,\"" + f3.get(1).asText() + "\",{\"status\":\"Accepted\",\"currentTime\":\"" + TIME + "\",\"interval\":60}]");
        assertEquals(60, await(c3).interval());
        assertEquals(3, java.util.Set.of(f1.get(1).asText(), f2.get(1).asText(), f3.get(1).asText()).size());
    }

    @Test
    void callErrorAlsoReleasesTheNextQueuedCall() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> c1 = cp.call(new HeartbeatRequest());
        CompletionStage<HeartbeatResponse> c2 = cp.call(new HeartbeatRequest());
        String id1 = link.a.nextSentJson().get(1).asText();
        link.a.inject("[4,\"" + id1 + "\",\"InternalError\",\"boom\",{}]");
        assertEquals(ErrorCode.InternalError, failure(c1, OcppException.class).code());
        String id2 = link.a.nextSentJson().get(1).asText();
        link.a.inject(heartbeatResult(id2));
        await(c2);
    }

    @Test
    void resultWithUnknownIdIsDroppedAndThePendingCallStillCompletes() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> hb = cp.call(new HeartbeatRequest());
        String id = link.a.nextSentJson().get(1).asText();

        link.a.inject(heartbeatResult("no-such-id"));
        link.a.inject("[4,\"other-unknown-id\",\"GenericError\",\"x\",{}]");
        link.a.inject(heartbeatResult(id));

        assertEquals(Instant.parse(TIME), await(hb).currentTime());
        assertTrue(link.a.drainSent().isEmpty(), "unknown answers are not replied to");
    }

    @Test
    void invalidResultPayloadFailsThePendingCall() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> c1 = cp.call(new HeartbeatRequest());
        CompletionStage<HeartbeatResponse> c2 = cp.call(new HeartbeatRequest());
        String id1 = link.a.nextSentJson().get(1).asText();

        link.a.inject("[3,\"" + id1 + "\",{}]"); // currentTime is required

        OcppException e = failure(c1, OcppException.class);
        assertFalse(e.fromPeer());
        String id2 = link.a.nextSentJson().get(1).asText();
        link.a.inject(heartbeatResult(id2));
        await(c2);
    }

    @Test
    void closeFailsInFlightAndQueuedCalls() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<HeartbeatResponse> c1 = cp.call(new HeartbeatRequest());
        CompletionStage<HeartbeatResponse> c2 = cp.call(new HeartbeatRequest());
        CompletionStage<BootNotificationResponse> c3 = cp.call(new BootNotificationRequest("V", "M"));
        link.a.nextSent();

        link.close(1006, "network gone");

        assertTrue(failure(c1, ConnectionClosedException.class).getMessage().contains("1006"));
        failure(c2, ConnectionClosedException.class);
        failure(c3, ConnectionClosedException.class);
        assertTrue(link.a.drainSent().isEmpty(), "queued calls are never sent");
    }

    @Test
    void callWhileNotConnectedFailsAtOnce() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        CompletionStage<HeartbeatResponse> hb = cp.call(new HeartbeatRequest());
        assertTrue(hb.toCompletableFuture().isCompletedExceptionally());
        failure(hb, ConnectionClosedException.class);
    }

    @Test
    void sessionCanBeReopenedAfterClose() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink first = rawPeer(cp);
        CompletionStage<HeartbeatResponse> lost = cp.call(new HeartbeatRequest());
        first.a.nextSent();
        first.close(1001, "going away");
        failure(lost, ConnectionClosedException.class); // failed by onClose, after it cleared the connection
        assertFalse(cp.isOpen());

        InMemoryLink second = rawPeer(cp);
        assertTrue(cp.isOpen());
        CompletionStage<HeartbeatResponse> hb = cp.call(new HeartbeatRequest());
        String id = second.a.nextSentJson().get(1).asText();
        second.a.inject(heartbeatResult(id));
        await(hb);
    }

    @Test
    void actionThisRoleMayNotSendIsRejected() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        RpcSession cs = session(Role.CENTRAL_SYSTEM, "CSMS");
        link(cp, cs);
        assertThrows(IllegalArgumentException.class, () -> cp.call(new RemoteStartTransactionRequest("TAG")));
        assertThrows(IllegalArgumentException.class, () -> cs.call(new HeartbeatRequest()));
    }

    @Test
    void invalidRequestFailsWithoutSendingAnything() {
        RpcSession cp = session(Role.CHARGE_POINT, "CP1");
        InMemoryLink link = rawPeer(cp);
        CompletionStage<BootNotificationResponse> bad =
                cp.call(new BootNotificationRequest("a vendor name longer than twenty", "M"));
        OcppException e = failure(bad, OcppException.class);
        assertFalse(e.fromPeer());
        assertTrue(link.a.drainSent().isEmpty());

        CompletionStage<HeartbeatResponse> good = cp.call(new HeartbeatRequest());
        assertEquals("Heartbeat", link.a.nextSentJson().get(2).asText(), "an invalid call does not block the queue");
        good.toCompletableFuture().cancel(false);
    }

    @Test
    void disposeFailsOutstandingCallsAndEndsTheSession() {
        RpcSession cp = RpcSession.builder(Role.CHARGE_POINT).name("own-scheduler").callTimeout(Duration.ofSeconds(10)).build();
        InMemoryLink link = InMemoryLink.withRawPeer(cp);
        try {
            CompletionStage<HeartbeatResponse> hb = cp.call(new HeartbeatRequest());
            link.a.nextSent();
            cp.dispose();
            failure(hb, ConnectionClosedException.class);
            assertFalse(cp.isOpen());
            failure(cp.call(new HeartbeatRequest()), ConnectionClosedException.class);
            assertThrows(IllegalStateException.class, () -> cp.onOpen(link.a));
        } finally {
            link.close();
        }
    }
}
