package io.chargegate.ocpp.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargegate.ocpp.rpc.Transport;
import io.chargegate.ocpp.transport.jetty.internal.Backoff;
import io.chargegate.ocpp.transport.jetty.internal.JettyConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connector against a real Jetty WebSocket server on 127.0.0.1. */
class JettyOcppConnectorTest {

    static final Duration MIN = Duration.ofMillis(50);
    static final Duration MAX = Duration.ofMillis(200);

    JettyOcppConnector connector;
    TestCsms csms;

    @BeforeEach
    void setUp() {
        connector = new JettyOcppConnector(16, 64 * 1024);
    }

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        if (csms != null) {
            csms.close();
        }
    }

    static ConnectionSettings.Builder settings(URI url, String id) {
        return ConnectionSettings.builder(url, id).backoff(MIN, MAX).pingInterval(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(5));
    }

    @Test
    void connectsAndEchoesBothWaysThenClosesGracefully() throws Exception {
        csms = TestCsms.start();
        RecordingListener listener = new RecordingListener();
        OcppConnection connection = connector.open(settings(csms.url(), "CP 001").build(), listener);

        listener.await("connected");
        assertTrue(connection.isConnected());
        assertEquals("/ocpp/CP%20001", csms.lastRawPath);
        assertEquals(List.of("ocpp1.6"), csms.lastOfferedProtocols);
        assertNull(csms.lastAuthorization, "no Basic auth without an authorization key");

        Transport transport = listener.transport;
        transport.send("[2,\"1\",\"Heartbeat\",{}]");
        assertEquals("[2,\"1\",\"Heartbeat\",{}]", csms.received.poll(10, TimeUnit.SECONDS));
        assertEquals("text:[2,\"1\",\"Heartbeat\",{}]", listener.await("text:"));
        csms.sendAll("from-csms");
        assertEquals("text:from-csms", listener.await("text:"));

        connection.close();
        assertEquals(1000, csms.closeCodes.poll(10, TimeUnit.SECONDS));
        assertEquals("disconnected:1000", listener.await("disconnected"));
        assertFalse(connection.isConnected());
        assertThrows(IllegalStateException.class, () -> transport.send("late"));
        assertEquals(0, connector.connectionCount());
        assertEquals(1, csms.opened.get(), "no reconnect after close()");
    }

    @Test
    void serverNotSelectingOcpp16IsRefusedAndRetried() throws Exception {
        csms = TestCsms.start();
        csms.selectProtocol = null;
        RecordingListener listener = new RecordingListener();
        connector.open(settings(csms.url(), "CP1").build(), listener);

        Await.until("three refused sessions", () -> csms.opened.get() >= 3);
        assertEquals(0, listener.connects.get(), "a session without ocpp1.6 must not be reported");
        Await.until("closed by the client with 1002", () -> csms.closeCodes.contains(1002));

        csms.selectProtocol = "ocpp1.6";
        listener.await("connected");
    }

    @Test
    void serverSelectingAnotherSubprotocolIsRetried() throws Exception {
        try (RawHandshakeServer raw = new RawHandshakeServer("ocpp2.0.1")) {
            RecordingListener listener = new RecordingListener();
            JettyConnection connection = (JettyConnection) connector.open(settings(raw.url(), "CP1").build(),
                    listener);
            Await.until("three handshakes and retries",
                    () -> raw.handshakes.get() >= 3 && connection.retries().size() >= 3);
            assertEquals(0, listener.connects.get());
            assertFalse(connection.isConnected());
        }
    }

    @Test
    void silentServerIsDetectedByTheMissingPong() throws Exception {
        try (RawHandshakeServer raw = new RawHandshakeServer("ocpp1.6")) {
            RecordingListener listener = new RecordingListener();
            connector.open(settings(raw.url(), "CP1").pingInterval(Duration.ofMillis(50))
                    .pongTimeout(Duration.ofMillis(100)).build(), listener);
            listener.await("connected");
            assertEquals("disconnected:1006", listener.await("disconnected"));
            listener.await("connected");
            // the raw server counts a handshake after it flushed the answer: the client may be faster
            Await.until("a second handshake on the server", () -> raw.handshakes.get() >= 2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1011})
    void reconnectsAfterTheServerClosed(int code) throws Exception {
        csms = TestCsms.start();
        RecordingListener listener = new RecordingListener();
        OcppConnection connection = connector.open(settings(csms.url(), "CP1").build(), listener);
        listener.await("connected");
        // the client may see its open before the server's endpoint has registered the session
        Await.until("the server side of the session open", () -> csms.opened.get() == 1);

        csms.closeAll(code, "bye");
        assertEquals("disconnected:" + code, listener.await("disconnected"));
        listener.await("connected");
        assertTrue(connection.isConnected());
        Await.until("a second session on the server", () -> csms.opened.get() == 2);
    }

    @Test
    void reconnectsAfterTheServerWentAway() throws Exception {
        csms = TestCsms.start();
        int port = csms.port();
        RecordingListener listener = new RecordingListener();
        connector.open(settings(csms.url(), "CP1").build(), listener);
        listener.await("connected");

        csms.close();
        listener.await("disconnected");
        csms = TestCsms.start(port);
        listener.await("connected");
    }

    @Test
    void keepsRetryingWithGrowingDelaysWhileRefusedThenConnects() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        RecordingListener listener = new RecordingListener();
        URI url = URI.create("ws://127.0.0.1:" + port + "/ocpp");
        JettyConnection connection = (JettyConnection) connector.open(
                settings(url, "CP1").backoff(Duration.ofMillis(20), Duration.ofMillis(160)).build(), listener);

        Await.until("five retries", () -> connection.retries().size() >= 5);
        List<JettyConnection.Retry> retries = connection.retries();
        Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(160));
        for (int i = 0; i < 5; i++) {
            JettyConnection.Retry retry = retries.get(i);
            assertEquals(i, retry.consecutiveFailures(), "failures count up while refused");
            assertTrue(retry.delay().compareTo(backoff.min()) >= 0, "delay below min: " + retry);
            assertTrue(retry.delay().compareTo(backoff.ceiling(i)) <= 0, "delay above its ceiling: " + retry);
        }
        assertTrue(backoff.ceiling(0).compareTo(backoff.ceiling(1)) < 0
                && backoff.ceiling(1).compareTo(backoff.ceiling(2)) < 0, "ceilings grow");
        assertEquals(0, listener.connects.get());
        assertFalse(connection.isConnected());

        csms = TestCsms.start(port);
        listener.await("connected");
        assertTrue(connection.isConnected());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404, 500, 503})
    void retriesAfterHttpErrorsOnTheUpgrade(int status) throws Exception {
        csms = TestCsms.start();
        csms.httpStatus = status;
        RecordingListener listener = new RecordingListener();
        connector.open(settings(csms.url(), "CP1").authorizationKey("wrong-key").build(), listener);

        Await.until("three upgrade requests", () -> csms.requests.get() >= 3);
        assertEquals(0, listener.connects.get());
        csms.httpStatus = 0;
        listener.await("connected");
    }

    @Test
    void retriesAfterUnknownHost() throws Exception {
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = (JettyConnection) connector.open(
                settings(URI.create("ws://no-such-csms.invalid:8080/ocpp"), "CP1").build(), listener);
        Await.until("three retries", () -> connection.retries().size() >= 3);
        assertEquals(0, listener.connects.get());
    }

    @Test
    void sendsBasicAuthorization() throws Exception {
        csms = TestCsms.start();
        RecordingListener listener = new RecordingListener();
        String key = "0123456789abcdef:ü";
        connector.open(settings(csms.url(), "CP-7").authorizationKey(key).build(), listener);
        listener.await("connected");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("CP-7:" + key).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, csms.lastAuthorization);
    }

    @Test
    void answeredPingsKeepTheConnection() throws Exception {
        csms = TestCsms.start();
        RecordingListener listener = new RecordingListener();
        connector.open(settings(csms.url(), "CP1").pingInterval(Duration.ofMillis(30))
                .pongTimeout(Duration.ofSeconds(5)).build(), listener);
        listener.await("connected");
        Await.until("five pings", () -> csms.pings.get() >= 5);
        assertEquals(1, listener.connects.get());
        assertEquals(0, listener.disconnects.get());
    }

    @Test
    void missingPongAbortsAndReconnects() throws Exception {
        csms = TestCsms.start();
        csms.answerPings = false;
        RecordingListener listener = new RecordingListener();
        connector.open(settings(csms.url(), "CP1").pingInterval(Duration.ofMillis(100))
                .pongTimeout(Duration.ofMillis(200)).build(), listener);
        listener.await("connected");
        assertEquals("disconnected:1006", listener.await("disconnected"));
        assertTrue(csms.pings.get() >= 1);
        listener.await("connected");
    }

    @Test
    void updatePingIntervalStartsPinging() throws Exception {
        csms = TestCsms.start();
        RecordingListener listener = new RecordingListener();
        OcppConnection connection = connector.open(settings(csms.url(), "CP1").build(), listener);
        listener.await("connected");
        assertEquals(0, csms.pings.get());
        connection.updatePingInterval(Duration.ofMillis(30));
        Await.until("three pings", () -> csms.pings.get() >= 3);
        assertThrows(IllegalArgumentException.class, () -> connection.updatePingInterval(Duration.ofSeconds(-1)));
    }

    @Test
    void firstPongResetsTheBackoff() throws Exception {
        csms = TestCsms.start();
        csms.failNextUpgrades.set(3);
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = (JettyConnection) connector.open(settings(csms.url(), "CP1")
                .pingInterval(Duration.ofMillis(30)).pongTimeout(Duration.ofSeconds(5)).build(), listener);
        listener.await("connected");
        assertEquals(List.of(0, 1, 2), connection.retries().stream().map(JettyConnection.Retry::consecutiveFailures)
                .toList());
        Await.until("a ping answered", () -> csms.pings.get() >= 1);
        csms.closeAll(1001, "going away");
        listener.await("disconnected");
        Await.until("a fourth retry", () -> connection.retries().size() >= 4);
        assertEquals(0, connection.retries().get(3).consecutiveFailures(), "the pong reset the backoff");
        listener.await("connected");
    }

    @Test
    void transportCloseEndsTheSessionAndReconnects() throws Exception {
        csms = TestCsms.start();
        RecordingListener listener = new RecordingListener();
        connector.open(settings(csms.url(), "CP1").build(), listener);
        listener.await("connected");
        Transport first = listener.transport;
        first.close();
        assertEquals("disconnected:1000", listener.await("disconnected"));
        listener.await("connected");
        assertThrows(IllegalStateException.class, () -> first.send("x"));
        listener.transport.send("still works");
        assertEquals("still works", csms.received.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void connectorCloseClosesAllConnectionsGracefully() throws Exception {
        csms = TestCsms.start();
        RecordingListener[] listeners = {new RecordingListener(), new RecordingListener(), new RecordingListener()};
        for (int i = 0; i < listeners.length; i++) {
            connector.open(settings(csms.url(), "CP" + i).build(), listeners[i]);
        }
        for (RecordingListener l : listeners) {
            l.await("connected");
        }
        assertEquals(3, connector.connectionCount());
        connector.close();
        for (int i = 0; i < listeners.length; i++) {
            assertEquals(1000, csms.closeCodes.poll(10, TimeUnit.SECONDS));
            assertEquals("disconnected:1000", listeners[i].await("disconnected"));
        }
        assertEquals(0, connector.connectionCount());
        assertThrows(IllegalStateException.class,
                () -> connector.open(settings(csms.url(), "late").build(), new RecordingListener()));
    }

    @Test
    void closeWhileRetryingStopsRetrying() throws Exception {
        csms = TestCsms.start();
        csms.httpStatus = 503;
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = (JettyConnection) connector.open(settings(csms.url(), "CP1").build(), listener);
        Await.until("two requests", () -> csms.requests.get() >= 2);
        connection.close();
        int retries = connection.retries().size();
        assertEquals(0, connector.connectionCount());
        csms.httpStatus = 0;
        RecordingListener other = new RecordingListener();
        connector.open(settings(csms.url(), "CP2").build(), other);
        other.await("connected");
        Thread.sleep(3 * MAX.toMillis()); // give a wrongly surviving reconnect timer the chance to fire
        assertEquals(1, csms.opened.get(), "only the second connection connected");
        assertFalse(connection.isConnected());
        assertEquals(retries, connection.retries().size());
        assertEquals(0, listener.connects.get());
    }
}
