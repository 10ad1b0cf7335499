package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo central system over TLS ({@code wss://}) with certificates made at test time by the running JDK's keytool:
 * a self-signed server certificate for 127.0.0.1 and localhost, a charge point client certificate, and an unrelated
 * certificate nobody trusts.
 */
class DemoCentralSystemTlsTest {

    private static final BootNotificationRequest BOOT = new BootNotificationRequest("ChargeGate", "Test");
    private static final String[] OCPP = {"ocpp1.6"};

    @TempDir
    static Path dir;
    static Path serverP12;
    static Path serverPem;
    static Path clientP12;
    static Path clientPem;
    static Path clientTrustP12;
    static Path otherP12;
    static Path otherPem;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverP12 = dir.resolve("server.p12");
        serverPem = dir.resolve("server.pem");
        keyPair(serverP12, "csms", "serverpw", "CN=csms.test", "SAN=ip:127.0.0.1,dns:localhost");
        exportPem(serverP12, "csms", "serverpw", serverPem);
        clientP12 = dir.resolve("client.p12");
        clientPem = dir.resolve("client.pem");
        keyPair(clientP12, "cp", "clientpw", "CN=CP-TLS,O=ChargeGate Test", null);
        exportPem(clientP12, "cp", "clientpw", clientPem);
        clientTrustP12 = dir.resolve("client-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "cp", "-file", clientPem.toString(),
                "-keystore", clientTrustP12.toString(), "-storetype", "PKCS12", "-storepass", "ctrustpw");
        otherP12 = dir.resolve("other.p12");
        otherPem = dir.resolve("other.pem");
        keyPair(otherP12, "other", "otherpw", "CN=other", "SAN=ip:127.0.0.1,dns:localhost");
        exportPem(otherP12, "other", "otherpw", otherPem);
    }

    private static void keyPair(Path store, String alias, String password, String dname, String san) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args.toArray(String[]::new));
    }

    private static void exportPem(Path store, String alias, String password, Path pem) throws Exception {
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-file", pem.toString());
        assertTrue(Files.readString(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----"));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, process.exitValue(), "keytool " + String.join(" ", args) + " failed: " + output);
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

    /** A WebSocket client trusting the certificates of {@code trustPem}, presenting {@code clientStore} if not null. */
    private WebSocketClient client(Path trustPem, Path clientStore, String clientPassword) throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(trustPem)) {
            trust.setCertificateEntry("csms", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        ssl.setTrustStore(trust);
        if (clientStore != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(clientStore)) {
                keys.load(in, clientPassword.toCharArray());
            }
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(clientPassword);
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        WebSocketClient client = new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP(connector)));
        client.start();
        toClose.add(client::stop);
        return client;
    }

    private TestChargePoint connect(WebSocketClient client, URI uri, String user, String password) throws Exception {
        TestChargePoint cp = TestChargePoint.connect(client, uri, OCPP, user, password);
        toClose.add(cp);
        return cp;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitRefusals(DemoCentralSystem csms, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (csms.refusedConnections().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + count + " refusals within 5 s: " + csms.refusedConnections());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void trustingClientCompletesTheTlsHandshakeOverWss() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")));
        assertEquals(URI.create("wss://127.0.0.1:" + csms.port() + "/ocpp"), csms.url());

        TestChargePoint cp = connect(client(serverPem, null, null), csms.url("CP-1"), null, null);

        assertEquals("ocpp1.6", cp.acceptedSubProtocol());
        assertEquals(RegistrationStatus.ACCEPTED, cp.call(BOOT).status());
        Handshake handshake = csms.awaitChargePoint("CP-1", Duration.ofSeconds(5)).lastHandshake().orElseThrow();
        assertTrue(handshake.secure(), handshake::toString);
        assertNotNull(handshake.tlsProtocol());
        assertTrue(handshake.tlsProtocol().startsWith("TLS"), handshake::toString);
        assertNull(handshake.clientCertificateSubject(), "no client certificate asked for");
        assertNull(handshake.basicAuthUser());
    }

    @Test
    void clientNotTrustingTheServerFailsTheHandshake() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")));
        WebSocketClient untrusting = client(otherPem, null, null);

        Exception e = assertThrows(Exception.class, () -> connect(untrusting, csms.url("CP-1"), null, null));

        assertTrue(causedBy(e, SSLException.class), () -> "expected an SSLException, got " + e);
        assertTrue(csms.chargePoint("CP-1").isEmpty());
        awaitRefusals(csms, 1);
        assertTrue(csms.refusedConnections().get(0).tlsHandshakeFailed(), csms.refusedConnections()::toString);
    }

    @Test
    void requiredClientCertificateMissingFailsTheHandshake() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")
                .withClientCertificates(clientPem, null, true)));
        WebSocketClient withoutCertificate = client(serverPem, null, null);

        Exception e = assertThrows(Exception.class, () -> connect(withoutCertificate, csms.url("CP-1"), null, null));

        assertFalse(causedBy(e, UpgradeException.class), () -> "no HTTP exchange expected, got " + e);
        assertTrue(csms.chargePoint("CP-1").isEmpty(), "the charge point never connected");
        awaitRefusals(csms, 1);
        RefusedConnection refusal = csms.refusedConnections().get(0);
        assertTrue(refusal.tlsHandshakeFailed(), refusal::toString);
        assertNull(refusal.chargePointId());
    }

    @Test
    void untrustedClientCertificateFailsTheHandshake() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")
                .withClientCertificates(clientPem, null, true)));
        WebSocketClient wrongCertificate = client(serverPem, otherP12, "otherpw");

        assertThrows(Exception.class, () -> connect(wrongCertificate, csms.url("CP-1"), null, null));

        assertTrue(csms.chargePoint("CP-1").isEmpty());
        awaitRefusals(csms, 1);
        assertTrue(csms.refusedConnections().get(0).tlsHandshakeFailed());
    }

    @Test
    void requiredClientCertificatePresentedIsAcceptedAndItsSubjectRecorded() throws Exception {
        // trust store given as PKCS12 here, as PEM in the tests above
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")
                .withClientCertificates(clientTrustP12, "ctrustpw", true)));

        TestChargePoint cp = connect(client(serverPem, clientP12, "clientpw"), csms.url("CP-1"), null, null);

        assertEquals(RegistrationStatus.ACCEPTED, cp.call(BOOT).status());
        Handshake handshake = csms.awaitChargePoint("CP-1", Duration.ofSeconds(5)).lastHandshake().orElseThrow();
        assertEquals("CN=CP-TLS,O=ChargeGate Test", handshake.clientCertificateSubject());
        assertTrue(csms.refusedConnections().isEmpty(), csms.refusedConnections()::toString);
    }

    @Test
    void optionalClientCertificateMayBeLeftOut() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")
                .withClientCertificates(clientPem, null, false)));

        connect(client(serverPem, null, null), csms.url("CP-1"), null, null);
        connect(client(serverPem, clientP12, "clientpw"), csms.url("CP-2"), null, null);

        Duration wait = Duration.ofSeconds(5);
        assertNull(csms.awaitChargePoint("CP-1", wait).lastHandshake().orElseThrow().clientCertificateSubject());
        assertEquals("CN=CP-TLS,O=ChargeGate Test",
                csms.awaitChargePoint("CP-2", wait).lastHandshake().orElseThrow().clientCertificateSubject());
    }

    @Test
    void basicAuthIsStillEnforcedOverTls() throws Exception {
        DemoCentralSystem csms = start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw"))
                .withAuthorizationKey("CP-1", "secret-key"));
        WebSocketClient client = client(serverPem, null, null);

        Exception none = assertThrows(Exception.class, () -> connect(client, csms.url("CP-1"), null, null));
        Exception wrong = assertThrows(Exception.class, () -> connect(client, csms.url("CP-1"), "CP-1", "wrong-key"));

        for (Exception e : List.of(none, wrong)) {
            Throwable t = e;
            while (t != null && !(t instanceof UpgradeException)) {
                t = t.getCause();
            }
            assertNotNull(t, () -> "expected a refused upgrade, got " + e);
            assertEquals(401, ((UpgradeException) t).getResponseStatusCode());
        }
        List<RefusedConnection> refusals = csms.refusedConnections();
        assertEquals(2, refusals.size(), refusals::toString);
        for (RefusedConnection r : refusals) {
            assertEquals(401, r.httpStatus());
            assertEquals("CP-1", r.chargePointId());
            assertFalse(r.reason().contains("wrong-key"), r::toString);
        }
        assertTrue(csms.chargePoint("CP-1").isEmpty());

        TestChargePoint cp = connect(client, csms.url("CP-1"), "CP-1", "secret-key");

        assertEquals(RegistrationStatus.ACCEPTED, cp.call(BOOT).status());
        Handshake handshake = csms.awaitChargePoint("CP-1", Duration.ofSeconds(5)).lastHandshake().orElseThrow();
        assertTrue(handshake.secure());
        assertEquals("CP-1", handshake.basicAuthUser());
        assertEquals("secret-key", handshake.basicAuthPassword());
        assertFalse(handshake.toString().contains("secret-key"), handshake::toString);
    }

    @Test
    void unreadableKeyStoreFailsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "not-the-password"))));
        assertTrue(e.getMessage().contains("server.p12"), e.getMessage());
        IllegalStateException noTrust = assertThrows(IllegalStateException.class,
                () -> start(DemoSettings.defaults().withTls(ServerTls.of(serverP12, "serverpw")
                        .withClientCertificates(dir.resolve("missing.pem"), null, true))));
        assertTrue(noTrust.getMessage().contains("missing.pem"), noTrust.getMessage());
    }
}
