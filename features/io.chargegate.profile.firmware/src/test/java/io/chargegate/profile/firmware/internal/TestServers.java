package io.chargegate.profile.firmware.internal;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
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

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real servers on loopback for the transfer tests: a JDK HTTP(S) server and an Apache FtpServer. */
final class TestServers {
    private TestServers() {
    }

    /**
     * An HTTP (or, with a TLS context, HTTPS) server on 127.0.0.1: GET answers the bytes put in {@link #files} (404 otherwise), PUT stores the body
     * in {@link #uploads} and answers {@link #putStatus}. Every request is logged as "METHOD path".
     */
    static final class Http implements AutoCloseable {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        volatile int putStatus = 201;
        private final HttpServer server;
        private final String scheme;

        /** A plain HTTP server. */
        Http() throws IOException {
            this(null);
        }

        /** An HTTPS server presenting the key of {@code tls}, or a plain HTTP server when it is null. */
        Http(SSLContext tls) throws IOException {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(address, 0);
                scheme = "http";
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
                scheme = "https";
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                requests.add(exchange.getRequestMethod() + " " + path);
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    authorizations.add(authorization);
                }
                try (exchange; InputStream body = exchange.getRequestBody()) {
                    byte[] in = body.readAllBytes();
                    if (exchange.getRequestMethod().equals("PUT")) {
                        if (putStatus / 100 == 2) {
                            uploads.put(path, in);
                        }
                        exchange.sendResponseHeaders(putStatus, -1);
                    } else {
                        byte[] file = files.get(path);
                        if (file == null) {
                            exchange.sendResponseHeaders(404, -1);
                        } else {
                            exchange.sendResponseHeaders(200, file.length);
                            exchange.getResponseBody().write(file);
                        }
                    }
                }
            });
            server.start();
        }

        /** {@code http(s)://127.0.0.1:<port><path>}. */
        String url(String path) {
            return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** {@code http(s)://<userInfo>@127.0.0.1:<port><path>}. */
        String url(String userInfo, String path) {
            return scheme + "://" + userInfo + "@127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** {@code http(s)://<host>:<port><path>} (a host name that resolves to the loopback address). */
        String urlWithHost(String host, String path) {
            return scheme + "://" + host + ":" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
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

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
