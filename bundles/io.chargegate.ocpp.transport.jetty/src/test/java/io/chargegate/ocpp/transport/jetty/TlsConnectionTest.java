package io.chargegate.ocpp.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargegate.ocpp.transport.jetty.internal.JettyConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wss:// with self-signed certificates made at test time by the running JDK's keytool: the CSMS certificate is for
 * {@code localhost} only (SAN dns:localhost), so connecting to 127.0.0.1 by IP must fail host name verification.
 */
class TlsConnectionTest {

    @TempDir
    static Path dir;
    static Path serverP12;
    static Path serverPem;
    static Path otherPem;
    static Path trustP12;
    static Path clientP12;
    static Path clientTrustP12;
    static TestCsms csms;
    static TestCsms mutualCsms;

    JettyOcppConnector connector;

    @BeforeAll
    static void makeCertificatesAndServers() throws Exception {
        serverP12 = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "csms", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-keystore", serverP12.toString(), "-storetype", "PKCS12", "-storepass", "serverpw",
                "-keypass", "serverpw");
        serverPem = dir.resolve("server.pem");
        keytool("-exportcert", "-rfc", "-alias", "csms", "-keystore", serverP12.toString(), "-storepass", "serverpw",
                "-file", serverPem.toString());
        Path otherP12 = dir.resolve("other.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-keystore", otherP12.toString(), "-storetype", "PKCS12", "-storepass", "otherpw",
                "-keypass", "otherpw");
        otherPem = dir.resolve("other.pem");
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", otherP12.toString(), "-storepass", "otherpw",
                "-file", otherPem.toString());
        trustP12 = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "csms", "-file", serverPem.toString(),
                "-keystore", trustP12.toString(), "-storetype", "PKCS12", "-storepass", "trustpw");
        clientP12 = dir.resolve("client.p12");
        keytool("-genkeypair", "-alias", "cp", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=CP1", "-validity", "2",
                "-keystore", clientP12.toString(), "-storetype", "PKCS12", "-storepass", "clientpw",
                "-keypass", "clientpw");
        Path clientPem = dir.resolve("client.pem");
        keytool("-exportcert", "-rfc", "-alias", "cp", "-keystore", clientP12.toString(), "-storepass", "clientpw",
                "-file", clientPem.toString());
        clientTrustP12 = dir.resolve("client-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "cp", "-file", clientPem.toString(),
                "-keystore", clientTrustP12.toString(), "-storetype", "PKCS12", "-storepass", "ctrustpw");

        csms = TestCsms.startTls(serverSsl(false));
        mutualCsms = TestCsms.startTls(serverSsl(true));
    }

    private static SslContextFactory.Server serverSsl(boolean needClientAuth) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(serverP12.toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword("serverpw");
        if (needClientAuth) {
            ssl.setNeedClientAuth(true);
            ssl.setTrustStorePath(clientTrustP12.toString());
            ssl.setTrustStoreType("PKCS12");
            ssl.setTrustStorePassword("ctrustpw");
        }
        return ssl;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, process.exitValue(), "keytool " + String.join(" ", args) + " failed: " + output);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (csms != null) {
            csms.close();
        }
        if (mutualCsms != null) {
            mutualCsms.close();
        }
    }

    @BeforeEach
    void setUp() {
        connector = new JettyOcppConnector(16, 64 * 1024);
    }

    @AfterEach
    void tearDown() {
        connector.close();
    }

    private JettyConnection open(URI url, TlsSettings tls, RecordingListener listener) {
        return (JettyConnection) connector.open(ConnectionSettings.builder(url, "CP1").tls(tls)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200)).pingInterval(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(5)).build(), listener);
    }

    @Test
    void connectsToLocalhostTrustingThePemCertificate() throws Exception {
        assertTrue(Files.readString(serverPem).startsWith("-----BEGIN CERTIFICATE-----"));
        RecordingListener listener = new RecordingListener();
        open(csms.url("wss", "localhost"), new TlsSettings(serverPem), listener);
        listener.await("connected");
        listener.transport.send("over tls");
        assertEquals("text:over tls", listener.await("text:"));
    }

    @Test
    void connectsTrustingAPkcs12TrustStore() throws Exception {
        RecordingListener listener = new RecordingListener();
        open(csms.url("wss", "localhost"), new TlsSettings(trustP12, "trustpw", null, null, true), listener);
        listener.await("connected");
    }

    @Test
    void pemWithSeveralCertificatesIsAccepted() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(otherPem) + Files.readString(serverPem));
        RecordingListener listener = new RecordingListener();
        open(csms.url("wss", "localhost"), new TlsSettings(bundle), listener);
        listener.await("connected");
    }

    @Test
    void untrustedCertificateFailsAndIsRetried() throws Exception {
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = open(csms.url("wss", "localhost"), new TlsSettings(otherPem), listener);
        Await.until("three retries", () -> connection.retries().size() >= 3);
        assertEquals(0, listener.connects.get());
        assertFalse(connection.isConnected());
    }

    @Test
    void jvmDefaultTrustDoesNotTrustASelfSignedCertificate() throws Exception {
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = open(csms.url("wss", "localhost"), null, listener);
        Await.until("two retries", () -> connection.retries().size() >= 2);
        assertEquals(0, listener.connects.get());
    }

    @Test
    void hostNameMismatchFailsWhenVerifying() throws Exception {
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = open(csms.url("wss", "127.0.0.1"), new TlsSettings(serverPem), listener);
        Await.until("three retries", () -> connection.retries().size() >= 3);
        assertEquals(0, listener.connects.get(), "certificate is for localhost, not 127.0.0.1");
    }

    @Test
    void hostNameMismatchIsAcceptedWhenVerificationIsOff() throws Exception {
        RecordingListener listener = new RecordingListener();
        open(csms.url("wss", "127.0.0.1"), new TlsSettings(serverPem).withVerifyHostname(false), listener);
        listener.await("connected");
    }

    @Test
    void clientCertificateIsPresentedForSecurityProfile3() throws Exception {
        RecordingListener listener = new RecordingListener();
        open(mutualCsms.url("wss", "localhost"),
                new TlsSettings(serverPem).withClientCertificate(clientP12, "clientpw"), listener);
        listener.await("connected");
        listener.transport.send("mutual");
        assertEquals("text:mutual", listener.await("text:"));
    }

    @Test
    void missingClientCertificateIsRefusedAndRetried() throws Exception {
        int before = mutualCsms.opened.get();
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = open(mutualCsms.url("wss", "localhost"), new TlsSettings(serverPem), listener);
        Await.until("three retries", () -> connection.retries().size() >= 3);
        assertEquals(0, listener.connects.get());
        assertEquals(before, mutualCsms.opened.get());
    }

    @Test
    void missingTrustStoreFileIsRetriedNotThrown() throws Exception {
        RecordingListener listener = new RecordingListener();
        JettyConnection connection = open(csms.url("wss", "localhost"),
                new TlsSettings(dir.resolve("does-not-exist.pem")), listener);
        Await.until("two retries", () -> connection.retries().size() >= 2);
        assertEquals(0, listener.connects.get());
    }
}
