package io.chargegate.profile.firmware.internal;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Real servers on loopback for the transfer tests: an embedded Jetty 12 HTTP(S) server and an Apache FtpServer. */
final class TestServers {
    private TestServers() {
    }

    /**
     * One {@code multipart/form-data} part a POST carried.
     *
     * @param path        the request path
     * @param name        the part's name
     * @param fileName    the part's file name (null when absent)
     * @param contentType the part's {@code Content-Type} (null when absent)
     * @param body        the part's bytes
     */
    record FormPart(String path, String name, String fileName, String contentType, byte[] body) {
    }

    /**
     * An embedded Jetty 12 HTTP (or, with a TLS context, HTTPS) server on 127.0.0.1, an ephemeral port.
     * <ul>
     *   <li>GET answers the bytes put in {@link #files} (404 otherwise; a path in {@link #redirects} answers 302 to
     *       the given location, one in {@link #statuses} that status with no body); a path in {@link #gzipLabelled} is sent with {@code Content-Encoding: gzip};
     *       with {@link #chunks} &gt; 1 a file goes out in that many flushed pieces, {@link #chunkPauseMillis}
     *       apart ({@link #firstChunkSent} opens after the first).</li>
     *   <li>PUT stores the body in {@link #uploads} when {@link #putStatus} is 2xx and answers it.</li>
     *   <li>POST parses {@code multipart/form-data} into {@link #forms} when {@link #postStatus} is 2xx and answers
     *       it (415 for another content type).</li>
     *   <li>With {@link #requiredAuthorization} set, a request without exactly that {@code Authorization} gets 401
     *       with a Basic challenge.</li>
     * </ul>
     * Every request is logged as "METHOD path" in {@link #requests}, its {@code Authorization} (when sent) in
     * {@link #authorizations}, its {@code Accept-Encoding} (when sent) in {@link #acceptEncodings}, and, for PUT and
     * POST, "METHOD path content-type" in {@link #contentTypes}. Bodies are always read to the end.
     */
    static final class Http implements AutoCloseable {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final Map<String, String> redirects = new ConcurrentHashMap<>();
        final Map<String, Integer> statuses = new ConcurrentHashMap<>();
        final Set<String> gzipLabelled = ConcurrentHashMap.newKeySet();
        final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
        final List<FormPart> forms = new CopyOnWriteArrayList<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
        final List<String> contentTypes = new CopyOnWriteArrayList<>();
        final CountDownLatch firstChunkSent = new CountDownLatch(1);
        volatile int putStatus = 201;
        volatile int postStatus = 201;
        volatile String requiredAuthorization;
        volatile int chunks = 1;
        volatile long chunkPauseMillis;
        private final Server server;
        private final ServerConnector connector;
        private final String scheme;

        /** A plain HTTP server. */
        Http() throws Exception {
            this(null);
        }

        /** An HTTPS server presenting the key of {@code tls}, or a plain HTTP server when it is null. */
        Http(SSLContext tls) throws Exception {
            QueuedThreadPool threads = new QueuedThreadPool(16, 2);
            threads.setName("test-http-server");
            threads.setDaemon(true);
            server = new Server(threads);
            if (tls == null) {
                connector = new ServerConnector(server);
                scheme = "http";
            } else {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setSslContext(tls);
                HttpConfiguration https = new HttpConfiguration();
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false); // the client decides about host names; this server serves anyone
                https.addCustomizer(secure);
                connector = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
                scheme = "https";
            }
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    try {
                        serve(request, response, callback);
                    } catch (Exception | Error e) {
                        e.printStackTrace(); // a broken test server shows why, not only a 500
                        throw e;
                    }
                    return true;
                }
            });
            server.start();
        }

        private void serve(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            requests.add(method + " " + path);
            String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (authorization != null) {
                authorizations.add(authorization);
            }
            String acceptEncoding = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
            if (acceptEncoding != null) {
                acceptEncodings.add(acceptEncoding);
            }
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (method.equals("PUT") || method.equals("POST")) {
                contentTypes.add(method + " " + path + " " + contentType);
            }
            String required = requiredAuthorization;
            if (required != null && !required.equals(authorization)) {
                drain(request);
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"firmware\"");
                answer(response, callback, 401);
                return;
            }
            switch (method) {
                case "PUT" -> {
                    byte[] body = drain(request);
                    int status = putStatus;
                    if (status / 100 == 2) {
                        uploads.put(path, body);
                    }
                    answer(response, callback, status);
                }
                case "POST" -> post(request, response, callback, path, contentType);
                case "GET" -> get(response, callback, path);
                default -> {
                    drain(request);
                    answer(response, callback, 405);
                }
            }
        }

        private void get(Response response, Callback callback, String path) throws Exception {
            String location = redirects.get(path);
            if (location != null) {
                response.getHeaders().put(HttpHeader.LOCATION, location);
                answer(response, callback, 302);
                return;
            }
            Integer status = statuses.get(path);
            if (status != null) {
                answer(response, callback, status);
                return;
            }
            byte[] file = files.get(path);
            if (file == null) {
                answer(response, callback, 404);
                return;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            if (gzipLabelled.contains(path)) {
                response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
            }
            int pieces = Math.max(1, Math.min(chunks, file.length));
            if (pieces == 1) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, file.length);
                response.write(true, ByteBuffer.wrap(file), callback);
                firstChunkSent.countDown();
                return;
            }
            // no Content-Length: chunked, each piece flushed, so the client sees data flow with pauses between
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                int size = (file.length + pieces - 1) / pieces;
                for (int offset = 0; offset < file.length; offset += size) {
                    if (offset > 0) {
                        Thread.sleep(chunkPauseMillis);
                    }
                    out.write(file, offset, Math.min(size, file.length - offset));
                    out.flush();
                    firstChunkSent.countDown();
                }
            } catch (IOException | InterruptedException e) {
                callback.failed(e); // the client went away
                return;
            }
            callback.succeeded();
        }

        private void post(Request request, Response response, Callback callback, String path, String contentType)
                throws Exception {
            if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("multipart/form-data")) {
                drain(request);
                answer(response, callback, 415);
                return;
            }
            MultiPartConfig config = new MultiPartConfig.Builder()
                    .location(Path.of(System.getProperty("java.io.tmpdir")))
                    .maxMemoryPartSize(64L * 1024 * 1024)
                    .build();
            List<FormPart> received = new java.util.ArrayList<>();
            try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, contentType, config)) {
                for (MultiPart.Part part : parts) {
                    byte[] body;
                    try (InputStream in = Content.Source.asInputStream(part.getContentSource())) {
                        body = in.readAllBytes();
                    }
                    received.add(new FormPart(path, part.getName(), part.getFileName(),
                            part.getHeaders().get(HttpHeader.CONTENT_TYPE), body));
                }
            }
            int status = postStatus;
            if (status / 100 == 2) {
                forms.addAll(received);
            }
            answer(response, callback, status);
        }

        private static byte[] drain(Request request) throws IOException {
            try (InputStream in = Content.Source.asInputStream(request)) {
                return in.readAllBytes();
            }
        }

        private static void answer(Response response, Callback callback, int status) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            response.write(true, ByteBuffer.allocate(0), callback);
        }

        /** {@code http(s)://127.0.0.1:<port><path>}. */
        String url(String path) {
            return scheme + "://127.0.0.1:" + connector.getLocalPort() + path;
        }

        /** {@code http(s)://<userInfo>@127.0.0.1:<port><path>}. */
        String url(String userInfo, String path) {
            return scheme + "://" + userInfo + "@127.0.0.1:" + connector.getLocalPort() + path;
        }

        /** {@code http(s)://<host>:<port><path>} (a host name that resolves to the loopback address). */
        String urlWithHost(String host, String path) {
            return scheme + "://" + host + ":" + connector.getLocalPort() + path;
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /**
     * An Apache FtpServer on 127.0.0.1 with one user ({@value #USER} / {@value #PASSWORD}) whose home is a folder;
     * with certificates, it offers explicit TLS ({@code AUTH TLS}) on its port and {@link #url} names {@code ftps}.
     */
    static final class Ftp implements AutoCloseable {
        static final String USER = "fw";
        static final String PASSWORD = "s3cret";
        private final FtpServer server;
        private final int port;
        private final String scheme;

        /** A plain FTP server. */
        Ftp(Path home) throws Exception {
            this(home, null);
        }

        /** An FTPS server (explicit TLS) presenting {@code tls}'s key, or a plain FTP server when it is null. */
        Ftp(Path home, TestCertificates tls) throws Exception {
            FtpServerFactory factory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(0);
            if (tls != null) {
                SslConfigurationFactory ssl = new SslConfigurationFactory();
                ssl.setKeystoreFile(tls.keyStore().toFile());
                ssl.setKeystoreType("PKCS12");
                ssl.setKeystorePassword(TestCertificates.PASSWORD);
                ssl.setKeyPassword(TestCertificates.PASSWORD);
                listener.setSslConfiguration(ssl.createSslConfiguration());
                listener.setImplicitSsl(false);
            }
            scheme = tls == null ? "ftp" : "ftps";
            factory.addListener("default", listener.createListener());
            PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
            users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
            UserManager userManager = users.createUserManager();
            BaseUser user = new BaseUser();
            user.setName(USER);
            user.setPassword(PASSWORD);
            user.setHomeDirectory(home.toString());
            user.setAuthorities(List.of(new WritePermission()));
            userManager.save(user);
            factory.setUserManager(userManager);
            server = factory.createServer();
            server.start();
            port = ((DefaultFtpServer) server).getListener("default").getPort();
        }

        /** {@code ftp(s)://fw:s3cret@127.0.0.1:<port><path>}. */
        String url(String path) {
            return scheme + "://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + path;
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /**
     * A loopback socket that takes connections (the kernel completes them into its backlog) and never answers: a
     * server that stalls after the connect.
     */
    static ServerSocket silent() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
