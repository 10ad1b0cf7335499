package io.chargegate.profile.firmware.internal;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;

/**
 * The real {@link FileTransfer}: HTTP and HTTPS with the JDK's {@link HttpClient} (user info becomes a Basic
 * {@code Authorization} header and is removed from the request URI), FTP and FTPS (explicit {@code AUTH TLS}; implicit
 * TLS on port 990) with Apache Commons Net, passive mode, binary type, anonymous login when the URI names no user.
 * HTTPS and FTPS servers are checked against the configured trust store ({@link TrustStores}), or the JVM's default
 * trust store when none is configured; host name checking stays on for both. When the configured trust store cannot
 * be read, every HTTPS and FTPS transfer fails (naming the problem) instead of falling back to another trust.
 * Every connect, read and response wait is bounded by the configured timeout.
 */
final class Transfers implements FileTransfer {
    private static final int FTP_PORT = 21;
    private static final int FTPS_IMPLICIT_PORT = 990;

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final Duration timeout;
    private final HttpClient http;
    /** The configured trust, or null for the JVM's default trust store. */
    private final TrustStores.Trust trust;
    /** Why the configured trust store cannot be used (TLS transfers fail with it), or null. */
    private final String trustProblem;

    /** Transfers that trust the JVM's default trust store. */
    Transfers(Duration timeout) {
        this(timeout, null, "");
    }

    /**
     * Creates the transfers with one timeout for connecting, reading and waiting for a response, checking TLS servers
     * against {@code trustStore} (null: the JVM's default trust store).
     */
    Transfers(Duration timeout, Path trustStore, String trustStorePassword) {
        this.timeout = timeout;
        TrustStores.Trust loaded = null;
        String problem = null;
        if (trustStore != null) {
            try {
                loaded = TrustStores.load(trustStore, trustStorePassword);
                LOG.info("HTTPS and FTPS servers are checked against the trust store {}", trustStore);
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage();
                LOG.error("the trust store {} cannot be used; HTTPS and FTPS transfers will fail: {}", trustStore,
                        e.getMessage());
            }
        }
        this.trust = loaded;
        this.trustProblem = problem;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (loaded != null) {
            builder.sslContext(loaded.context()); // host name verification is the client's default and stays on
        }
        this.http = builder.build();
    }

    /** Fails a transfer over TLS when the configured trust store could not be read. */
    private void checkTrust(URI uri) throws IOException {
        String scheme = Locations.scheme(uri);
        if (trustProblem != null && (scheme.equals("https") || scheme.equals("ftps"))) {
            throw new IOException("no TLS transfer: " + trustProblem);
        }
    }

    @Override
    public void download(URI source, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        checkTrust(source);
        try {
            if (isHttp(source)) {
                httpGet(source, part);
            } else {
                ftp(source, client -> {
                    try (OutputStream out = Files.newOutputStream(part)) {
                        if (!client.retrieveFile(ftpPath(source), out)) {
                            throw new IOException("FTP RETR failed: " + client.getReplyString().trim());
                        }
                    }
                });
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public void upload(Path file, URI target) throws IOException, InterruptedException {
        checkTrust(target);
        if (isHttp(target)) {
            HttpRequest request = authorize(HttpRequest.newBuilder(withoutUserInfo(target)), target)
                    .timeout(timeout)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP PUT answered " + response.statusCode());
            }
        } else {
            ftp(target, client -> {
                try (InputStream in = Files.newInputStream(file)) {
                    if (!client.storeFile(ftpPath(target), in)) {
                        throw new IOException("FTP STOR failed: " + client.getReplyString().trim());
                    }
                }
            });
        }
    }

    private void httpGet(URI source, Path part) throws IOException, InterruptedException {
        HttpRequest request = authorize(HttpRequest.newBuilder(withoutUserInfo(source)), source)
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP GET answered " + response.statusCode());
            }
            Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = Locations.scheme(uri);
        if (scheme.equals("http") || scheme.equals("https")) {
            return true;
        }
        if (scheme.equals("ftp") || scheme.equals("ftps")) {
            return false;
        }
        throw new IllegalArgumentException("unsupported scheme '" + scheme + "'");
    }

    private static HttpRequest.Builder authorize(HttpRequest.Builder builder, URI uri) {
        Locations.Credentials credentials = Locations.credentials(uri);
        if (credentials != null) {
            String token = Base64.getEncoder().encodeToString(
                    (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    private static URI withoutUserInfo(URI uri) throws IOException {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IOException("cannot rebuild " + Locations.mask(uri.toString()));
        }
    }

    /** The FTP path: RFC 1738 makes the URL path relative to the login directory. */
    private static String ftpPath(URI uri) throws IOException {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new IOException("no file path in " + Locations.mask(uri.toString()));
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private void ftp(URI uri, FtpAction action) throws IOException {
        boolean secure = Locations.scheme(uri).equals("ftps");
        int port = uri.getPort();
        FTPClient client;
        if (secure) {
            FTPSClient ftps = new FTPSClient(port == FTPS_IMPLICIT_PORT);
            // the configured trust store, else (null) the JVM's; never Commons Net's accept-any-valid-date default
            ftps.setTrustManager(trust == null ? null : trust.trustManager());
            ftps.setEndpointCheckingEnabled(true); // and the server's name must match its certificate
            client = ftps;
        } else {
            client = new FTPClient();
        }
        client.setConnectTimeout((int) timeout.toMillis());
        client.setDefaultTimeout((int) timeout.toMillis());
        client.setDataTimeout(timeout);
        try {
            client.connect(uri.getHost(), port > 0 ? port : FTP_PORT);
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new IOException("FTP server refused the connection: " + client.getReplyString().trim());
            }
            client.setSoTimeout((int) timeout.toMillis());
            Locations.Credentials credentials = Locations.credentials(uri);
            String user = credentials == null ? "anonymous" : credentials.user();
            String password = credentials == null ? "chargegate@" : credentials.password();
            if (!client.login(user, password)) {
                throw new IOException("FTP login of user '" + user + "' refused: " + client.getReplyString().trim());
            }
            if (client instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P");
            }
            client.enterLocalPassiveMode();
            if (!client.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw new IOException("FTP TYPE I refused: " + client.getReplyString().trim());
            }
            action.run(client);
            client.logout();
        } finally {
            if (client.isConnected()) {
                try {
                    client.disconnect();
                } catch (IOException ignored) {
                    // the transfer's outcome is already decided
                }
            }
        }
    }

    /** One FTP command sequence on a logged-in client. */
    @FunctionalInterface
    private interface FtpAction {
        void run(FTPClient client) throws IOException;
    }
}
