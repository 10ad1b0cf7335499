package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.AuthorizeResponse;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.DataTransferRequest;
import io.chargegate.ocpp.model.messages.DataTransferResponse;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionResponse;
import io.chargegate.ocpp.model.security.GenericStatus;
import io.chargegate.ocpp.model.security.SecurityEventNotificationRequest;
import io.chargegate.ocpp.model.security.SecurityEventNotificationResponse;
import io.chargegate.ocpp.model.security.SignCertificateRequest;
import io.chargegate.ocpp.model.security.SignCertificateResponse;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.DataTransferStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.rpc.ConnectionClosedException;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCentralSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final BootNotificationRequest BOOT = new BootNotificationRequest("ChargeGate", "Test");

    private static WebSocketClient client;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startClient() throws Exception {
        client = new WebSocketClient();
        client.start();
    }

    @AfterAll
    static void stopClient() throws Exception {
        client.stop();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private DemoCentralSystem start(DemoSettings settings) {
        DemoCentralSystem csms = DemoCentralSystem.start(settings.withPort(0));
        toClose.add(csms);
        return csms;
    }

    private DemoCentralSystem start() {
        return start(DemoSettings.defaults());
    }

    private TestChargePoint connect(DemoCentralSystem csms, String id) throws Exception {
        TestChargePoint cp = TestChargePoint.connect(client, csms.url(id));
        toClose.add(cp);
        return cp;
    }

    private static int refusedStatus(Exception e) {
        Throwable t = e;
        while (t != null && !(t instanceof UpgradeException)) {
            t = t.getCause();
        }
        assertNotNull(t, () -> "expected an UpgradeException, got " + e);
        return ((UpgradeException) t).getResponseStatusCode();
    }

    // ------------------------------------------------------------------------------------------- basics

    @Test
    void listensOnAnEphemeralPortAndNamesItsUrl() {
        DemoCentralSystem csms = start();
        assertTrue(csms.port() > 0);
        assertEquals(URI.create("ws://127.0.0.1:" + csms.port() + "/ocpp"), csms.url());
        assertEquals(URI.create(csms.url() + "/CP%201"), csms.url("CP 1"));
    }

    @Test
    void bootNotificationIsAcceptedWithTheConfiguredInterval() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withHeartbeatInterval(42));
        TestChargePoint cp = connect(csms, "CP-1");
        assertEquals("ocpp1.6", cp.acceptedSubProtocol());

        BootNotificationResponse boot = cp.call(BOOT);

        assertEquals(RegistrationStatus.ACCEPTED, boot.status());
        assertEquals(42, boot.interval());
        assertNotNull(boot.currentTime());
        HeartbeatResponse heartbeat = cp.call(new HeartbeatRequest());
        assertNotNull(heartbeat.currentTime());
    }

    @Test
    void bootStatusComesFromTheSettings() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withBootStatus(RegistrationStatus.PENDING));
        TestChargePoint cp = connect(csms, "CP-1");
        assertEquals(RegistrationStatus.PENDING, cp.call(BOOT).status());
    }

    @Test
    void authorizeAnswersBlockedForBlockedTagsOnly() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withBlockedIdTags("BAD"));
        TestChargePoint cp = connect(csms, "CP-1");
        AuthorizeResponse bad = cp.call(new AuthorizeRequest("BAD"));
        AuthorizeResponse good = cp.call(new AuthorizeRequest("GOOD"));
        assertEquals(AuthorizationStatus.BLOCKED, bad.idTagInfo().status());
        assertEquals(AuthorizationStatus.ACCEPTED, good.idTagInfo().status());
    }

    @Test
    void startTransactionIdsIncreaseAcrossChargePoints() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withBlockedIdTags("BAD"));
        TestChargePoint cp1 = connect(csms, "CP-1");
        TestChargePoint cp2 = connect(csms, "CP-2");
        Instant now = Instant.now();
        StartTransactionResponse first = cp1.call(new StartTransactionRequest(1, "TAG", 0, now));
        StartTransactionResponse second = cp2.call(new StartTransactionRequest(1, "TAG", 0, now));
        StartTransactionResponse blocked = cp1.call(new StartTransactionRequest(2, "BAD", 0, now));
        assertEquals(1, first.transactionId());
        assertEquals(2, second.transactionId());
        assertEquals(3, blocked.transactionId());
        assertEquals(AuthorizationStatus.ACCEPTED, first.idTagInfo().status());
        assertEquals(AuthorizationStatus.BLOCKED, blocked.idTagInfo().status());
    }

    @Test
    void stopTransactionHasIdTagInfoOnlyWithAnIdTag() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        StopTransactionResponse without = cp.call(new StopTransactionRequest(100, Instant.now(), 1));
        StopTransactionResponse with = cp.call(new StopTransactionRequest(100, Instant.now(), 1).withIdTag("TAG"));
        assertNull(without.idTagInfo());
        assertEquals(AuthorizationStatus.ACCEPTED, with.idTagInfo().status());
    }

    @Test
    void answersTheOtherChargePointActions() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        assertEquals(new StatusNotificationResponse(), cp.call(new StatusNotificationRequest(0,
                ChargePointErrorCode.NO_ERROR, ChargePointStatus.AVAILABLE)));
        DataTransferResponse dt = cp.call(new DataTransferRequest("com.example"));
        assertEquals(DataTransferStatus.UNKNOWN_VENDOR_ID, dt.status());
        assertEquals(new SecurityEventNotificationResponse(),
                cp.call(new SecurityEventNotificationRequest("StartupOfTheDevice", Instant.now())));
        SignCertificateResponse sign = cp.call(new SignCertificateRequest("-----BEGIN CERTIFICATE REQUEST-----"));
        assertEquals(GenericStatus.REJECTED, sign.status());
    }

    // ------------------------------------------------------------------------------------------- scripting

    @Test
    void centralSystemCallsReachTheChargePoint() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        AtomicReference<String> seenIdTag = new AtomicReference<>();
        cp.rpc().addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest r) -> {
            seenIdTag.set(r.idTag());
            return new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED);
        });
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);

        RemoteStartTransactionResponse response = conn.call(new RemoteStartTransactionRequest("TAG-7"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(RemoteStartStopStatus.ACCEPTED, response.status());
        assertEquals("TAG-7", seenIdTag.get());
    }

    @Test
    void centralSystemCallFailsWhenTheChargePointAnswersWithCallError() throws Exception {
        DemoCentralSystem csms = start();
        connect(csms, "CP-1"); // no handler registered: the charge point answers NotSupported
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        ExecutionException e = assertThrows(ExecutionException.class, () ->
                conn.call(new RemoteStartTransactionRequest("TAG")).toCompletableFuture().get(5, TimeUnit.SECONDS));
        OcppException error = assertInstanceOf(OcppException.class, e.getCause());
        assertEquals(ErrorCode.NotSupported, error.code());
        assertTrue(error.fromPeer());
    }

    @Test
    void centralSystemCallRefusesChargePointActionsAndFailsWhenDisconnected() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        assertThrows(IllegalArgumentException.class, () -> conn.call(BOOT));

        cp.close();
        cp.closed().get(5, TimeUnit.SECONDS);
        awaitDisconnected(conn);

        ExecutionException e = assertThrows(ExecutionException.class, () ->
                conn.call(new RemoteStartTransactionRequest("TAG")).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionClosedException.class, e.getCause());
    }

    @Test
    void receivedListsEveryCallInOrderWithTheAnswers() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        cp.call(BOOT);
        cp.call(new HeartbeatRequest());
        cp.call(new AuthorizeRequest("TAG"));

        List<ReceivedMessage> received = csms.chargePoint("CP-1").orElseThrow().received();

        assertEquals(List.of(Action.BOOT_NOTIFICATION, Action.HEARTBEAT, Action.AUTHORIZE),
                received.stream().map(ReceivedMessage::action).toList());
        assertEquals(BOOT, received.get(0).request());
        assertInstanceOf(BootNotificationResponse.class, received.get(0).response());
        assertEquals("TAG", received.get(2).request(AuthorizeRequest.class).idTag());
    }

    @Test
    void awaitReturnsAMessageThatArrivesLater() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        CompletableFuture<ReceivedMessage> waiting = CompletableFuture.supplyAsync(() ->
                conn.await(m -> m.request() instanceof AuthorizeRequest a && a.idTag().equals("LATE"), WAIT));
        cp.call(new AuthorizeRequest("EARLY"));
        cp.call(new AuthorizeRequest("LATE"));

        ReceivedMessage m = waiting.get(5, TimeUnit.SECONDS);

        assertEquals("LATE", m.request(AuthorizeRequest.class).idTag());
        assertEquals("EARLY", conn.await(Action.AUTHORIZE, WAIT).request(AuthorizeRequest.class).idTag(),
                "await returns the first matching message");
    }

    @Test
    void awaitTimesOutListingWhatArrived() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        cp.call(new HeartbeatRequest());
        ChargePointConnection conn = csms.chargePoint("CP-1").orElseThrow();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> conn.await(Action.STOP_TRANSACTION, Duration.ofMillis(200)));

        assertTrue(e.getMessage().contains("CP-1"), e.getMessage());
        assertTrue(e.getMessage().contains("Heartbeat"), e.getMessage());
    }

    @Test
    void clearReceivedForgetsEarlierMessages() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        cp.call(new HeartbeatRequest());
        ChargePointConnection conn = csms.chargePoint("CP-1").orElseThrow();
        conn.clearReceived();
        assertEquals(List.of(), conn.received());
        assertThrows(IllegalStateException.class, () -> conn.await(Action.HEARTBEAT, Duration.ofMillis(100)));
    }

    @Test
    void rawFramesGoOutAsTheyAreAndEveryInboundFrameIsRecorded() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        cp.call(new HeartbeatRequest());
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        // the test charge point's session answers an unknown action with NotImplemented
        conn.sendRaw("[2,\"raw-1\",\"FooBar\",{}]");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (conn.framesReceived().stream().noneMatch(f -> f.startsWith("[4,\"raw-1\""))) {
            assertTrue(System.nanoTime() < deadline, "no reply to the raw frame: " + conn.framesReceived());
            Thread.sleep(10);
        }
        assertTrue(conn.framesReceived().get(0).startsWith("[2,"), "the Heartbeat CALL is recorded first");
        assertTrue(conn.framesReceived().stream().anyMatch(f -> f.startsWith("[4,\"raw-1\",\"NotImplemented\"")),
                conn.framesReceived().toString());
        conn.disconnect();
        assertThrows(IllegalStateException.class, () -> conn.sendRaw("[2,\"x\",\"Heartbeat\",{}]"));
    }

    @Test
    void responderReplacesTheDefaultAnswer() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        conn.setResponder(Action.START_TRANSACTION, (StartTransactionRequest r) ->
                new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.INVALID), 77));

        StartTransactionResponse custom = cp.call(new StartTransactionRequest(1, "TAG", 0, Instant.now()));
        conn.clearResponder(Action.START_TRANSACTION);
        StartTransactionResponse normal = cp.call(new StartTransactionRequest(1, "TAG", 0, Instant.now()));

        assertEquals(AuthorizationStatus.INVALID, custom.idTagInfo().status());
        assertEquals(77, custom.transactionId());
        assertEquals(AuthorizationStatus.ACCEPTED, normal.idTagInfo().status());
        assertEquals(1, normal.transactionId());
    }

    @Test
    void responderThrowingOcppExceptionAnswersCallError() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        conn.setResponder(Action.START_TRANSACTION, (StartTransactionRequest r) -> {
            throw new OcppException(ErrorCode.InternalError, "database down");
        });

        OcppException e = assertThrows(OcppException.class,
                () -> cp.call(new StartTransactionRequest(1, "TAG", 0, Instant.now())));

        assertEquals(ErrorCode.InternalError, e.code());
        assertEquals("database down", e.description());
        ReceivedMessage m = conn.await(Action.START_TRANSACTION, WAIT);
        assertNull(m.response());
    }

    @Test
    void serverWideResponderAppliesToChargePointsThatConnectLater() throws Exception {
        DemoCentralSystem csms = start();
        csms.setResponder(Action.BOOT_NOTIFICATION, (BootNotificationRequest r) ->
                new BootNotificationResponse(RegistrationStatus.REJECTED, Instant.now(), 5));
        TestChargePoint cp = connect(csms, "CP-1");
        assertEquals(RegistrationStatus.REJECTED, cp.call(BOOT).status());
        assertThrows(IllegalArgumentException.class, () -> csms.setResponder(Action.RESET, r -> null));
    }

    // ------------------------------------------------------------------------------------------- connections

    @Test
    void otherPathsGet404() {
        DemoCentralSystem csms = start();
        for (String path : List.of("/other/CP-1", "/ocpp/", "/ocpp/a/b", "/")) {
            URI uri = URI.create("ws://127.0.0.1:" + csms.port() + path);
            Exception e = assertThrows(Exception.class, () -> TestChargePoint.connect(client, uri), path);
            assertEquals(404, refusedStatus(e), path);
        }
        assertTrue(csms.chargePoints().isEmpty());
    }

    @Test
    void upgradeWithoutTheOcppSubprotocolIsRefused() {
        DemoCentralSystem csms = start();
        Exception none = assertThrows(Exception.class,
                () -> TestChargePoint.connect(client, csms.url("CP-1"), new String[0], null, null));
        Exception other = assertThrows(Exception.class,
                () -> TestChargePoint.connect(client, csms.url("CP-1"), new String[] {"ocpp2.0.1"}, null, null));
        assertEquals(400, refusedStatus(none));
        assertEquals(400, refusedStatus(other));
        assertTrue(csms.chargePoint("CP-1").isEmpty());
    }

    @Test
    void acceptsOcpp16AmongSeveralOfferedSubprotocols() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = TestChargePoint.connect(client, csms.url("CP-1"),
                new String[] {"ocpp2.0.1", "ocpp1.6"}, null, null);
        toClose.add(cp);
        assertEquals("ocpp1.6", cp.acceptedSubProtocol());
    }

    @Test
    void basicAuthIsCheckedWhenKeysAreConfigured() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withAuthorizationKey("CP-1", "secret-key"));
        String[] ocpp = {"ocpp1.6"};
        assertEquals(401, refusedStatus(assertThrows(Exception.class,
                () -> TestChargePoint.connect(client, csms.url("CP-1"), ocpp, null, null))));
        assertEquals(401, refusedStatus(assertThrows(Exception.class,
                () -> TestChargePoint.connect(client, csms.url("CP-1"), ocpp, "CP-1", "wrong"))));
        assertEquals(401, refusedStatus(assertThrows(Exception.class,
                () -> TestChargePoint.connect(client, csms.url("CP-1"), ocpp, "CP-2", "secret-key"))));
        assertEquals(401, refusedStatus(assertThrows(Exception.class,
                () -> TestChargePoint.connect(client, csms.url("CP-2"), ocpp, "CP-2", "secret-key"))));

        TestChargePoint cp = TestChargePoint.connect(client, csms.url("CP-1"), ocpp, "CP-1", "secret-key");
        toClose.add(cp);

        assertEquals(RegistrationStatus.ACCEPTED, cp.call(BOOT).status());
        assertEquals(1, csms.chargePoint("CP-1").orElseThrow().connectCount());
    }

    @Test
    void identityIsUrlDecoded() throws Exception {
        DemoCentralSystem csms = start();
        connect(csms, "CP 1+ä");
        ChargePointConnection conn = csms.awaitChargePoint("CP 1+ä", WAIT);
        assertEquals("CP 1+ä", conn.id());
    }

    @Test
    void secondConnectionWithTheSameIdReplacesTheFirst() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint first = connect(csms, "CP-1");
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        TestChargePoint second = connect(csms, "CP-1");
        second.rpc().addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest r) ->
                new RemoteStartTransactionResponse(RemoteStartStopStatus.REJECTED));

        TestChargePoint.Close close = first.closed().get(5, TimeUnit.SECONDS);

        assertEquals(1000, close.code());
        assertSame(conn, csms.awaitChargePoint("CP-1", WAIT));
        assertTrue(conn.isConnected());
        assertEquals(2, conn.connectCount());
        assertEquals(RemoteStartStopStatus.REJECTED, conn.call(new RemoteStartTransactionRequest("TAG"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS).status());
        assertEquals(RegistrationStatus.ACCEPTED, second.call(BOOT).status());
    }

    @Test
    void disconnectClosesFromTheServerAndAReconnectCounts() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint first = connect(csms, "CP-1");
        first.call(BOOT);
        ChargePointConnection conn = csms.awaitChargePoint("CP-1", WAIT);
        assertEquals(1, conn.connectCount());

        conn.disconnect();

        assertFalse(conn.isConnected());
        assertEquals(1000, first.closed().get(5, TimeUnit.SECONDS).code());
        TestChargePoint second = connect(csms, "CP-1");
        second.call(new HeartbeatRequest());
        assertSame(conn, csms.awaitChargePoint("CP-1", WAIT));
        assertEquals(2, conn.connectCount());
        assertEquals(List.of(Action.BOOT_NOTIFICATION, Action.HEARTBEAT),
                conn.received().stream().map(ReceivedMessage::action).toList());
    }

    @Test
    void awaitChargePointTimesOutWithAReadableMessage() {
        DemoCentralSystem csms = start();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> csms.awaitChargePoint("CP-9", Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("CP-9"), e.getMessage());
    }

    @Test
    void closeClosesConnectionsWithGoingAway() throws Exception {
        DemoCentralSystem csms = start();
        TestChargePoint cp = connect(csms, "CP-1");
        csms.awaitChargePoint("CP-1", WAIT);

        csms.close();

        assertEquals(1001, cp.closed().get(5, TimeUnit.SECONDS).code());
        assertFalse(csms.chargePoint("CP-1").orElseThrow().isConnected());
    }

    private static void awaitDisconnected(ChargePointConnection conn) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (conn.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(conn.isConnected());
    }
}
