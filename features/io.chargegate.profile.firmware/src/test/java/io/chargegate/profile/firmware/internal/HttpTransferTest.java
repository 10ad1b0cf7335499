package io.chargegate.profile.firmware.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Transfers} over HTTP against an embedded Jetty 12 server on loopback ({@link TestServers.Http}): the file
 * lands byte for byte through {@code <target>.part}, which never outlives a failure (404, 500, refused connection, a
 * server that stalls, an interruption); redirects are followed and the Basic credentials of a URL stay within its
 * origin; a {@code Content-Encoding} is not decoded; a download that keeps flowing is not cut by the timeout; uploads
 * are a PUT of the raw file and, after 405 or 501, one multipart POST; credentials never reach an exception message;
 * no thread of the Jetty client outlives a transfer.
 */
class HttpTransferTest {
    private static final String PASSWORD = "pa:ss@word";
    private static final String USER_INFO = "op:pa%3Ass%40word";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("op:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path work;

    private TestServers.Http http;
    private final Transfers transfers = new Transfers(Duration.ofSeconds(10));

    @BeforeEach
    void start() throws Exception {
        http = new TestServers.Http();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private Path target() {
        return work.resolve("fw").resolve("image.bin");
    }

    private Path part() {
        return work.resolve("fw").resolve("image.bin.part");
    }

    private static void awaitNoClientThread() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FakeStation.WAIT_SECONDS);
        List<String> left = clientThreads();
        while (!left.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "HTTP client threads outlived the transfer: " + left);
            Thread.sleep(20);
            left = clientThreads();
        }
    }

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("chargegate-firmware-http")).toList();
    }

    // ---------------------------------------------------------------- downloads

    @Test
    void downloadStoresTheBodyByteForByteAndLeavesNoPartFile() throws Exception {
        byte[] image = bytes(300_000);
        http.files.put("/fw/image.bin", image);

        transfers.download(URI.create(http.url("/fw/image.bin")), target());

        assertArrayEquals(image, Files.readAllBytes(target()));
        assertFalse(Files.exists(part()));
        assertEquals(List.of("GET /fw/image.bin"), http.requests);
        assertTrue(http.authorizations.isEmpty(), "no credentials, no Authorization");
        awaitNoClientThread();
    }

    @Test
    void notFoundFailsNamingTheStatusAndLeavesNoFile() throws Exception {
        Files.write(Files.createDirectories(target().getParent()).resolve("image.bin"), bytes(5)); // an older file

        IOException e = assertThrows(IOException.class,
                () -> transfers.download(URI.create(http.url("/missing.bin")), target()));

        assertEquals("HTTP GET answered 404", e.getMessage());
        assertFalse(Files.exists(target()));
        assertFalse(Files.exists(part()));
        awaitNoClientThread();
    }

    @Test
    void serverErrorFailsNamingTheStatus() throws Exception {
        http.files.put("/fw.bin", bytes(10));
        http.statuses.put("/fw.bin", 500);

        IOException e = assertThrows(IOException.class,
                () -> transfers.download(URI.create(http.url("/fw.bin")), target()));

        assertEquals("HTTP GET answered 500", e.getMessage());
        assertFalse(Files.exists(target()));
        assertFalse(Files.exists(part()));
    }

    @Test
    void aRedirectToAMissingFileFailsWithTheFinalStatus() throws Exception {
        http.redirects.put("/latest", "/nowhere");

        IOException e = assertThrows(IOException.class,
                () -> transfers.download(URI.create(http.url("/latest")), target()));

        assertEquals("HTTP GET answered 404", e.getMessage());
        assertEquals(List.of("GET /latest", "GET /nowhere"), http.requests);
    }

    @Test
    void refusedConnectionFailsWithoutNamingTheCredentials() throws Exception {
        URI refused = URI.create("http://" + USER_INFO + "@127.0.0.1:" + TestServers.closedPort() + "/fw.bin");

        IOException e = assertThrows(IOException.class, () -> transfers.download(refused, target()));

        assertTrue(e.getMessage().startsWith("HTTP GET failed: "), e.getMessage());
        assertFalse(e.getMessage().contains("pa:ss") || e.getMessage().contains("pa%3Ass"), e.getMessage());
        assertFalse(Files.exists(part()));
        awaitNoClientThread();
    }

    @Test
    void aServerThatStallsFailsTheDownloadAfterTheIdleTimeout() throws Exception {
        Transfers quick = new Transfers(Duration.ofMillis(500));
        try (ServerSocket silent = TestServers.silent()) {
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/fw.bin");

            IOException e = assertThrows(IOException.class, () -> quick.download(uri, target()));

            assertTrue(e.getMessage().startsWith("HTTP GET failed: "), e.getMessage());
        }
        assertFalse(Files.exists(target()));
        assertFalse(Files.exists(part()));
        awaitNoClientThread();
    }

    @Test
    void aDownloadThatKeepsFlowingIsNotCutByTheTimeout() throws Exception {
        byte[] image = bytes(20_000);
        http.files.put("/slow.bin", image);
        http.chunks = 10;
        http.chunkPauseMillis = 400; // about 3.6 s in all, longer than the 3 s timeout; each pause well inside it

        new Transfers(Duration.ofSeconds(3)).download(URI.create(http.url("/slow.bin")), target());

        assertArrayEquals(image, Files.readAllBytes(target()));
    }

    @Test
    void anInterruptionAbortsTheDownloadAndRemovesThePartFile() throws Exception {
        http.files.put("/slow.bin", bytes(100_000));
        http.chunks = 200;
        http.chunkPauseMillis = 100; // 20 s if nobody interrupts
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                transfers.download(URI.create(http.url("/slow.bin")), target());
                outcome.set(new AssertionError("the download ended normally"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "test-download");
        worker.start();
        assertTrue(http.firstChunkSent.await(FakeStation.WAIT_SECONDS, TimeUnit.SECONDS));

        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(FakeStation.WAIT_SECONDS));

        assertFalse(worker.isAlive(), "the interrupted download still runs");
        assertInstanceOf(InterruptedException.class, outcome.get(), String.valueOf(outcome.get()));
        assertFalse(Files.exists(target()));
        assertFalse(Files.exists(part()));
        awaitNoClientThread();
    }

    @Test
    void credentialsBecomePreemptiveBasicAuthorizationAndSurviveARedirectWithinTheOrigin() throws Exception {
        byte[] image = bytes(1000);
        http.files.put("/v2/fw.bin", image);
        http.redirects.put("/latest", "/v2/fw.bin");
        http.requiredAuthorization = BASIC;

        transfers.download(URI.create(http.url(USER_INFO, "/latest")), target());

        assertArrayEquals(image, Files.readAllBytes(target()));
        assertEquals(List.of("GET /latest", "GET /v2/fw.bin"), http.requests);
        assertEquals(List.of(BASIC, BASIC), http.authorizations, "sent with the first request, not after a 401");
    }

    @Test
    void aRedirectToAnotherOriginDoesNotCarryTheCredentials() throws Exception {
        byte[] image = bytes(1000);
        try (TestServers.Http mirror = new TestServers.Http()) {
            mirror.files.put("/fw.bin", image);
            http.redirects.put("/fw.bin", mirror.url("/fw.bin"));

            transfers.download(URI.create(http.url(USER_INFO, "/fw.bin")), target());

            assertArrayEquals(image, Files.readAllBytes(target()));
            assertEquals(List.of(BASIC), http.authorizations);
            assertEquals(List.of("GET /fw.bin"), mirror.requests);
            assertTrue(mirror.authorizations.isEmpty(), "credentials leaked to " + mirror.url("/"));
        }
    }

    @Test
    void wrongCredentialsFailWithoutNamingThem() throws Exception {
        http.files.put("/fw.bin", bytes(10));
        http.requiredAuthorization = BASIC;

        IOException e = assertThrows(IOException.class,
                () -> transfers.download(URI.create(http.url("op:wrong-secret", "/fw.bin")), target()));

        assertEquals("HTTP GET answered 401", e.getMessage());
        assertEquals(List.of("GET /fw.bin"), http.requests, "no second attempt with the same credentials");
    }

    @Test
    void aContentEncodingIsNeitherAskedForNorDecoded() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write("a firmware archive that happens to be gzip".getBytes(StandardCharsets.UTF_8));
        }
        http.files.put("/fw.tar.gz", gzipped.toByteArray());
        http.gzipLabelled.add("/fw.tar.gz");

        transfers.download(URI.create(http.url("/fw.tar.gz")), target());

        assertArrayEquals(gzipped.toByteArray(), Files.readAllBytes(target()), "stored as sent");
        assertTrue(http.acceptEncodings.isEmpty(), "Accept-Encoding sent: " + http.acceptEncodings);
    }

    // ---------------------------------------------------------------- uploads

    private Path diagnostics(byte[] content) throws IOException {
        return Files.write(Files.createDirectories(work.resolve("diag")).resolve("diagnostics-CP-1.zip"), content);
    }

    @Test
    void uploadPutsTheRawFile() throws Exception {
        byte[] content = bytes(200_000);

        transfers.upload(diagnostics(content), URI.create(http.url(USER_INFO, "/up/diagnostics-CP-1.zip")));

        assertEquals(List.of("PUT /up/diagnostics-CP-1.zip"), http.requests);
        assertEquals(List.of("PUT /up/diagnostics-CP-1.zip application/octet-stream"), http.contentTypes);
        assertArrayEquals(content, http.uploads.get("/up/diagnostics-CP-1.zip"));
        assertEquals(List.of(BASIC), http.authorizations);
        assertTrue(http.forms.isEmpty());
        awaitNoClientThread();
    }

    @Test
    void methodNotAllowedForPutRetriesOnceAsAMultipartPost() throws Exception {
        byte[] content = bytes(50_000);
        http.putStatus = 405;
        http.requiredAuthorization = BASIC;

        transfers.upload(diagnostics(content), URI.create(http.url(USER_INFO, "/up/diagnostics-CP-1.zip")));

        assertEquals(List.of("PUT /up/diagnostics-CP-1.zip", "POST /up/diagnostics-CP-1.zip"), http.requests);
        assertTrue(http.contentTypes.get(1).startsWith("POST /up/diagnostics-CP-1.zip multipart/form-data"),
                http.contentTypes.toString());
        assertEquals(1, http.forms.size(), http.forms.toString());
        TestServers.FormPart part = http.forms.get(0);
        assertEquals("file", part.name());
        assertEquals("diagnostics-CP-1.zip", part.fileName());
        assertEquals("application/octet-stream", part.contentType());
        assertArrayEquals(content, part.body());
        assertEquals(List.of(BASIC, BASIC), http.authorizations);
        assertTrue(http.uploads.isEmpty());
        awaitNoClientThread();
    }

    @Test
    void notImplementedForPutRetriesAsAPostToo() throws Exception {
        byte[] content = bytes(100);
        http.putStatus = 501;

        transfers.upload(diagnostics(content), URI.create(http.url("/upload.cgi")));

        assertEquals(List.of("PUT /upload.cgi", "POST /upload.cgi"), http.requests);
        assertArrayEquals(content, http.forms.get(0).body());
    }

    @Test
    void anotherRefusalOfThePutFailsWithoutAPost() throws Exception {
        http.putStatus = 403;

        IOException e = assertThrows(IOException.class,
                () -> transfers.upload(diagnostics(bytes(10)), URI.create(http.url("/up/d.zip"))));

        assertEquals("HTTP PUT answered 403", e.getMessage());
        assertEquals(List.of("PUT /up/d.zip"), http.requests);
    }

    @Test
    void aFailedPostAfterARefusedPutNamesBoth() throws Exception {
        http.putStatus = 405;
        http.postStatus = 500;

        IOException e = assertThrows(IOException.class,
                () -> transfers.upload(diagnostics(bytes(10)), URI.create(http.url("/up/d.zip"))));

        assertEquals("HTTP POST answered 500 (after PUT answered 405)", e.getMessage());
        assertEquals(List.of("PUT /up/d.zip", "POST /up/d.zip"), http.requests, "the POST is tried once");
        awaitNoClientThread();
    }

    @Test
    void aRefusedUploadConnectionFails() throws Exception {
        URI refused = URI.create("http://" + USER_INFO + "@127.0.0.1:" + TestServers.closedPort() + "/up/");

        IOException e = assertThrows(IOException.class, () -> transfers.upload(diagnostics(bytes(10)), refused));

        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("HTTP PUT failed: "), e.getMessage());
        assertFalse(e.getMessage().contains("pa:ss") || e.getMessage().contains("pa%3Ass"), e.getMessage());
    }
}
