package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS transfers against an embedded Jetty 12 HTTPS server on loopback ({@link TestServers.Http}) whose self-signed
 * certificate {@code keytool} makes at test time: with the {@code trustStore} setting (PEM or PKCS12) downloads,
 * installations and diagnostics uploads (PUT, and the multipart POST after a 405) work, and FTPS (Apache FtpServer with
 * explicit TLS) with the same trust store; with the JVM's default trust store (HTTPS and FTPS), with a trust store
 * that holds another certificate, with an unreadable trust store (also for an HTTPS server reached by a redirect from
 * plain HTTP), or with a trusted certificate for another host name, the download fails after its retries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsTransferTest {
    private static final byte[] IMAGE = "firmware over TLS \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    private TestCertificates localhost;
    private TestCertificates otherHost;

    @TempDir
    Path work;

    private final List<FirmwareService> services = new ArrayList<>();
    private FakeStation station;
    private FakeSystemDriver driver;
    private TestServers.Http https;

    /** One certificate for localhost / 127.0.0.1 and one for another host, both self-signed, for all tests. */
    @BeforeAll
    void makeCertificates(@TempDir Path certificates) throws Exception {
        localhost = TestCertificates.generate(certificates, "localhost", "localhost", "dns:localhost,ip:127.0.0.1");
        otherHost = TestCertificates.generate(certificates, "other", "other.invalid", "dns:other.invalid");
    }

    @BeforeEach
    void start() throws Exception {
        station = new FakeStation("CP-1", 1);
        driver = new FakeSystemDriver();
        https = new TestServers.Http(localhost.serverContext());
    }

    @AfterEach
    void stop() throws Exception {
        services.forEach(FirmwareService::deactivate);
        services.clear();
        https.close();
    }

    private FirmwareService activate(Path trustStore, String password) {
        Settings settings = new Settings(work.resolve("data"), 0, Duration.ZERO, Duration.ofMillis(20),
                Duration.ofSeconds(10)).withTrustStore(trustStore, password);
        FirmwareService service = new FirmwareService(settings, null);
        services.add(service);
        service.addSystemDriver(driver, Map.of(DriverProperties.STATION, "CP-1"));
        service.addStation(station);
        return service;
    }

    private static UpdateFirmwareRequest update(String location, int retries) {
        return new UpdateFirmwareRequest(location, Instant.now().minusSeconds(1)).withRetries(retries)
                .withRetryInterval(0);
    }

    private List<String> firmwareStatuses(int count) throws InterruptedException {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(station.nextFirmwareStatus());
        }
        return statuses;
    }

    private void awaitFirmwareJobGone() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FakeStation.WAIT_SECONDS);
        while (station.firmwareState().get(StationJobs.FIRMWARE_KEY).isPresent()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the firmware job to end");
            Thread.sleep(10);
        }
    }

    @Test
    void tc044_1_downloadsAndInstallsOverHttpsWithThePemTrustStore() throws Exception {
        https.files.put("/fw/image.bin", IMAGE);
        activate(localhost.pem(), "").updateFirmware(station, update(https.url("/fw/image.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        assertEquals(List.of("GET /fw/image.bin"), https.requests);
        assertEquals(1, driver.installed().size());
        assertArrayEquals(IMAGE, driver.installed().get(0));
        awaitFirmwareJobGone();
    }

    @Test
    void theHostNameLocalhostMatchesItsSubjectAlternativeName() throws Exception {
        https.files.put("/fw.bin", IMAGE);
        String url = https.urlWithHost("localhost", "/fw.bin");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.net.InetAddress.getByName("localhost").isLoopbackAddress(), "localhost is not loopback here");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.net.InetAddress.getByName("localhost").getHostAddress().equals("127.0.0.1"),
                "localhost does not resolve to 127.0.0.1 first here");
        activate(localhost.pem(), "").updateFirmware(station, update(url, 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        assertArrayEquals(IMAGE, driver.installed().get(0));
    }

    @Test
    void aPkcs12TrustStoreWithItsPasswordWorksToo() throws Exception {
        https.files.put("/fw.bin", IMAGE);
        activate(localhost.keyStore(), TestCertificates.PASSWORD).updateFirmware(station,
                update(https.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        assertArrayEquals(IMAGE, driver.installed().get(0));
    }

    @Test
    void tc044_2_withoutATrustStoreTheJvmDefaultRejectsTheSelfSignedServer() throws Exception {
        https.files.put("/fw.bin", IMAGE);
        activate(null, "").updateFirmware(station, update(https.url("/fw.bin"), 1));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        assertEquals(List.of(), https.requests, "no request gets past the TLS handshake");
        assertTrue(driver.installed().isEmpty());
        awaitFirmwareJobGone();
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRejected() throws Exception {
        try (TestServers.Http other = new TestServers.Http(otherHost.serverContext())) {
            other.files.put("/fw.bin", IMAGE);
            activate(otherHost.pem(), "").updateFirmware(station, update(other.url("/fw.bin"), 0));

            assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
            assertEquals(List.of(), other.requests, "host name verification stays on");
            assertTrue(driver.installed().isEmpty());
        }
    }

    @Test
    void anUnreadableTrustStoreFailsHttpsButNotPlainHttp() throws Exception {
        https.files.put("/fw.bin", IMAGE);
        FirmwareService service = activate(localhost.keyStore(), "wrong password");
        service.updateFirmware(station, update(https.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        assertEquals(List.of(), https.requests, "no fallback to another trust");
        awaitFirmwareJobGone();

        try (TestServers.Http plain = new TestServers.Http()) {
            plain.files.put("/fw.bin", IMAGE);
            service.updateFirmware(station, update(plain.url("/fw.bin"), 0));
            assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        }
    }

    @Test
    void aServerWhoseCertificateIsNotInTheConfiguredTrustStoreIsRejected() throws Exception {
        https.files.put("/fw.bin", IMAGE);
        activate(otherHost.pem(), "").updateFirmware(station, update(https.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        assertEquals(List.of(), https.requests, "the configured trust replaces the JVM's, it adds nothing");
        assertTrue(driver.installed().isEmpty());
    }

    @Test
    void anUnreadableTrustStoreAlsoFailsAnHttpsServerReachedByARedirect() throws Exception {
        https.files.put("/fw.bin", IMAGE);
        try (TestServers.Http plain = new TestServers.Http()) {
            plain.redirects.put("/fw.bin", https.url("/fw.bin"));
            Transfers transfers = new Transfers(Duration.ofSeconds(10), localhost.keyStore(), "wrong password");

            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> transfers.download(java.net.URI.create(plain.url("/fw.bin")), work.resolve("fw.bin")));

            assertTrue(e.getMessage().contains("no TLS transfer"), e.getMessage());
            assertEquals(List.of("GET /fw.bin"), plain.requests);
            assertEquals(List.of(), https.requests, "no fallback to another trust after a redirect");
        }
    }

    @Test
    void tc045_1_uploadsDiagnosticsOverHttpsAsAPostWhenPutIsRefused() throws Exception {
        https.putStatus = 405;
        activate(localhost.pem(), "").getDiagnostics(station,
                new GetDiagnosticsRequest(https.url("/upload/")).withRetries(0).withRetryInterval(0));

        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
        assertEquals(List.of("PUT /upload/diagnostics-CP-1.zip", "POST /upload/diagnostics-CP-1.zip"), https.requests);
        assertArrayEquals(driver.diagnostics, https.forms.get(0).body());
    }

    @Test
    void tc045_1_uploadsDiagnosticsOverHttps() throws Exception {
        String fileName = activate(localhost.pem(), "").getDiagnostics(station,
                new GetDiagnosticsRequest(https.url("/upload/")).withRetries(0).withRetryInterval(0));

        assertEquals("diagnostics-CP-1.zip", fileName);
        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
        assertArrayEquals(driver.diagnostics, https.uploads.get("/upload/diagnostics-CP-1.zip"));
    }

    @Test
    void ftpsDownloadAndUploadWithTheTrustStore() throws Exception {
        Path ftpHome = Files.createDirectories(work.resolve("ftp"));
        Files.createDirectories(ftpHome.resolve("images"));
        Files.createDirectories(ftpHome.resolve("diag"));
        Files.write(ftpHome.resolve("images/fw.bin"), IMAGE);
        try (TestServers.Ftp ftps = new TestServers.Ftp(ftpHome, localhost)) {
            FirmwareService service = activate(localhost.pem(), "");
            service.updateFirmware(station, update(ftps.url("/images/fw.bin"), 0));
            assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
            assertArrayEquals(IMAGE, driver.installed().get(0));

            service.getDiagnostics(station, new GetDiagnosticsRequest(ftps.url("/diag/")).withRetries(0));
            assertEquals("Uploading", station.nextDiagnosticsStatus());
            assertEquals("Uploaded", station.nextDiagnosticsStatus());
            assertArrayEquals(driver.diagnostics, Files.readAllBytes(ftpHome.resolve("diag/diagnostics-CP-1.zip")));
        }
    }

    @Test
    void ftpsWithoutATrustStoreRejectsTheSelfSignedServer() throws Exception {
        Path ftpHome = Files.createDirectories(work.resolve("ftp"));
        Files.write(ftpHome.resolve("fw.bin"), IMAGE);
        try (TestServers.Ftp ftps = new TestServers.Ftp(ftpHome, localhost)) {
            activate(null, "").updateFirmware(station, update(ftps.url("/fw.bin"), 1));

            assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
            assertTrue(driver.installed().isEmpty());
        }
    }

    @Test
    void trustStoreFileWithoutCertificatesIsRejected() throws Exception {
        Path empty = Files.writeString(work.resolve("empty.pem"), "no certificate here\n");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> TrustStores.load(empty, ""));
        assertTrue(e.getMessage().contains("empty.pem"), e.getMessage());
    }
}
