package io.chargegate.profile.firmware.internal;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.MultiPartRequestContent;
import org.eclipse.jetty.client.PathRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@link FileTransfer}: HTTP and HTTPS with the Jetty 12 client ({@link HttpClient}, the one the runtime
 * already ships for the OCPP WebSocket), FTP and FTPS (explicit {@code AUTH TLS}; implicit TLS on port 990) with
 * Apache Commons Net, passive mode, binary type, anonymous login when the URI names no user.
 *
 * <p>HTTP(S): user info in the URI is removed from the request URI and becomes a preemptive Basic
 * {@code Authorization} (UTF-8) for the URI's origin (scheme, host and port) only, so a redirect within that origin
 * keeps it and a redirect elsewhere does not carry it. Redirects are followed. A download is a GET whose body is
 * written to {@code <target>.part} and moved into place; any status but 2xx fails it ("HTTP GET answered 404"). The
 * bytes are stored as the server sends them: no {@code Accept-Encoding} is offered and no {@code Content-Encoding} is
 * decoded. An upload is a PUT of the raw file ({@code Content-Type: application/octet-stream}); when the server
 * answers 405 (Method Not Allowed) or 501 (Not Implemented) it is retried once, to the same URI, as a
 * {@code multipart/form-data} POST with one part named {@code file} that carries the file name; any other non-2xx
 * answer fails it ("HTTP PUT answered 500").
 *
 * <p>Timeouts: the configured timeout bounds connecting (and resolving the host) and every silence of the
 * connection (Jetty's idle timeout, reset by every byte that flows). There is deliberately no total bound on an
 * exchange: a big firmware image on a slow link finishes as long as data flows. The waits are interruptible: an
 * interrupted transfer (the profile stops) aborts its request and throws {@link InterruptedException}.
 *
 * <p>Lifecycle: every HTTP(S) transfer starts its own Jetty client (daemon threads named
 * {@code chargegate-firmware-http...}) and stops it in a {@code finally}. Transfers are rare (one firmware image,
 * one diagnostics archive now and then) and long compared with the milliseconds a client takes to start, so a client
 * kept for the component's life would only hold idle threads and pooled connections; per transfer, nothing of it
 * outlives the transfer (so a stopped profile bundle leaves no thread behind), the credentials of one location are
 * never offered to another transfer, and no stop on deactivate has to race a running transfer.
 *
 * <p>TLS (HTTPS and FTPS): servers are checked against the configured trust store ({@link TrustStores}; Jetty's
 * {@link SslContextFactory.Client} gets its {@code SSLContext}), or the JVM's default trust store when none is
 * configured; host name verification stays on for both (endpoint identification {@code HTTPS}). When the configured
 * trust store cannot be read, every HTTPS and FTPS transfer fails naming the problem (also an HTTPS server reached by
 * a redirect) instead of falling back to another trust. Exception messages never contain the URI's credentials.
 */
final class Transfers implements FileTransfer {
    private static final int FTP_PORT = 21;
    private static final int FTPS_IMPLICIT_PORT = 990;
    /** Threads of one transfer's client: its selector and a few tasks; a transfer is one exchange at a time. */
    private static final int HTTP_MAX_THREADS = 8;
    private static final String HTTP_THREAD_NAME = "chargegate-firmware-http";

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final Duration timeout;
    /** The configured trust, one rejecting every server when it cannot be read, or null for the JVM's default. */
    private final TrustStores.Trust trust;
    /** Why the configured trust store cannot be used (TLS transfers fail with it), or null. */
    private final String trustProblem;

    /** Transfers that trust the JVM's default trust store. */
    Transfers(Duration timeout) {
        this(timeout, null, "");
    }

    /**
     * Creates the transfers with one timeout for connecting and for every silence of a connection, checking TLS
     * servers against {@code trustStore} (null: the JVM's default trust store).
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
                loaded = TrustStores.rejecting(problem);
                LOG.error("the trust store {} cannot be used; HTTPS and FTPS transfers will fail: {}", trustStore,
                        e.getMessage());
            }
        }
        this.trust = loaded;
        this.trustProblem = problem;
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
        boolean done = false;
        try {
            checkTrust(source);
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
            done = true;
        } finally {
            Files.deleteIfExists(part);
            if (!done) {
                Files.deleteIfExists(target); // a file from before must not pass for this download
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>HTTP(S): a PUT of the raw file; on 405 or 501 one multipart/form-data POST (part {@code file}) to the same
     * URI.
     */
    @Override
    public void upload(Path file, URI target) throws IOException, InterruptedException {
        checkTrust(target);
        if (isHttp(target)) {
            httpUpload(file, target);
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

    // ---------------------------------------------------------------- HTTP(S)

    private void httpGet(URI source, Path part) throws IOException, InterruptedException {
        HttpClient client = startClient(source);
        try {
            Request request = client.newRequest(withoutUserInfo(source)).method(HttpMethod.GET);
            InputStreamResponseListener listener = new InputStreamResponseListener();
            int status = send(request, listener, "GET").getStatus();
            try (InputStream body = listener.getInputStream()) {
                if (status / 100 == 2) {
                    read(request, "GET", () -> Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING));
                }
            }
            if (status / 100 != 2) {
                throw new IOException("HTTP GET answered " + status);
            }
        } finally {
            stop(client);
        }
    }

    private void httpUpload(Path file, URI target) throws IOException, InterruptedException {
        HttpClient client = startClient(target);
        try {
            URI uri = withoutUserInfo(target);
            int put = exchange(client.newRequest(uri).method(HttpMethod.PUT)
                    .body(new PathRequestContent("application/octet-stream", file)), "PUT");
            if (put / 100 == 2) {
                return;
            }
            if (put != 405 && put != 501) {
                throw new IOException("HTTP PUT answered " + put);
            }
            LOG.info("{} answered {} to PUT; retrying as a multipart/form-data POST", Locations.mask(
                    target.toString()), put);
            MultiPartRequestContent form = new MultiPartRequestContent();
            form.addPart(new MultiPart.PathPart(new ByteBufferPool.Sized(client.getByteBufferPool()), "file",
                    file.getFileName().toString(),
                    HttpFields.build().put(HttpHeader.CONTENT_TYPE, "application/octet-stream"), file));
            form.close();
            int post = exchange(client.newRequest(uri).method(HttpMethod.POST).body(form), "POST");
            if (post / 100 != 2) {
                throw new IOException("HTTP POST answered " + post + " (after PUT answered " + put + ")");
            }
        } finally {
            stop(client);
        }
    }

    /** Sends {@code request}, reads a 2xx answer's body to its end (discarding it) and returns the status. */
    private static int exchange(Request request, String method) throws IOException, InterruptedException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        int status = send(request, listener, method).getStatus();
        try (InputStream body = listener.getInputStream()) {
            if (status / 100 == 2) {
                read(request, method, () -> body.transferTo(OutputStream.nullOutputStream()));
            }
        }
        return status;
    }

    /**
     * Sends {@code request} and waits for the head of its (final, after redirects) response. No total bound: the
     * client's connect and idle timeouts end a stalled exchange, which completes the listener with the failure.
     */
    private static Response send(Request request, InputStreamResponseListener listener, String method)
            throws IOException, InterruptedException {
        request.send(listener);
        while (true) {
            try {
                return listener.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                // bytes may still flow (a big PUT body); the client's own timeouts decide
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IOException("HTTP " + method + " failed: " + cause, cause);
            } catch (InterruptedException e) {
                request.abort(e);
                throw e;
            }
        }
    }

    /**
     * Runs {@code reading} (which reads a response body); an {@link IOException} that reports an interruption of
     * this thread aborts the request and becomes an {@link InterruptedException}, any other one names the method.
     */
    private static void read(Request request, String method, BodyReader reading)
            throws IOException, InterruptedException {
        try {
            reading.run();
        } catch (IOException e) {
            boolean interrupted = e instanceof ClosedByInterruptException
                    || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))
                    || Thread.currentThread().isInterrupted();
            if (interrupted) {
                request.abort(e);
                Thread.interrupted();
                InterruptedException interruption = new InterruptedException("HTTP " + method + " interrupted");
                interruption.initCause(e);
                throw interruption;
            }
            throw new IOException("HTTP " + method + ": the response body failed: " + e, e);
        }
    }

    /** Reads a response body. */
    @FunctionalInterface
    private interface BodyReader {
        void run() throws IOException;
    }

    /** A started Jetty client for one transfer to {@code uri}; {@link #stop} ends it and its threads. */
    private HttpClient startClient(URI uri) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(HTTP_MAX_THREADS, 1);
        threads.setName(HTTP_THREAD_NAME);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setName(HTTP_THREAD_NAME);
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler(HTTP_THREAD_NAME + "-scheduler", true));
        client.setConnectTimeout(timeout.toMillis());
        client.setAddressResolutionTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis());
        client.setFollowRedirects(true);
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setEndpointIdentificationAlgorithm("HTTPS"); // host name verification, also with a configured context
        if (trust != null) {
            tls.setSslContext(trust.context());
        }
        client.setSslContextFactory(tls);
        Locations.Credentials credentials = Locations.credentials(uri);
        if (credentials != null) {
            client.getAuthenticationStore().addAuthenticationResult(new BasicAuthentication.BasicResult(origin(uri),
                    HttpHeader.AUTHORIZATION, credentials.user(), credentials.password(), StandardCharsets.UTF_8));
        }
        try {
            client.start();
        } catch (Exception e) {
            stop(client);
            throw new IOException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        // the file as the server sends it: no Accept-Encoding, no decoding of a Content-Encoding
        client.getContentDecoderFactories().clear();
        return client;
    }

    /** Stops {@code client} and its threads, also when this thread was interrupted (the flag is kept). */
    private static void stop(HttpClient client) {
        boolean interrupted = Thread.interrupted();
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP client failed: {}", e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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

    /** {@code scheme://host:port/}: the URIs the Basic credentials of {@code uri} are sent to. */
    private static URI origin(URI uri) throws IOException {
        try {
            return new URI(Locations.scheme(uri), null, uri.getHost(), uri.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IOException("cannot rebuild " + Locations.mask(uri.toString()));
        }
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

    // ---------------------------------------------------------------- FTP(S)

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
