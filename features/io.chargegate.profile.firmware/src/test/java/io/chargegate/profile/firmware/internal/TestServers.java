package io.chargegate.profile.firmware.internal;

import com.sun.net.httpserver.HttpServer;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

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

/** Real servers on loopback for the transfer tests: a JDK HTTP server and an Apache FtpServer. */
final class TestServers {
    private TestServers() {
    }

    /**
     * An HTTP server on 127.0.0.1: GET answers the bytes put in {@link #files} (404 otherwise), PUT stores the body
     * in {@link #uploads} and answers {@link #putStatus}. Every request is logged as "METHOD path".
     */
    static final class Http implements AutoCloseable {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        volatile int putStatus = 201;
        private final HttpServer server;

        Http() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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

        /** {@code http://127.0.0.1:<port><path>}. */
        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** {@code http://<userInfo>@127.0.0.1:<port><path>}. */
        String url(String userInfo, String path) {
            return "http://" + userInfo + "@127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** An Apache FtpServer on 127.0.0.1 with one user ({@value #USER} / {@value #PASSWORD}) whose home is a folder. */
    static final class Ftp implements AutoCloseable {
        static final String USER = "fw";
        static final String PASSWORD = "s3cret";
        private final FtpServer server;
        private final int port;

        Ftp(Path home) throws Exception {
            FtpServerFactory factory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(0);
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

        /** {@code ftp://fw:s3cret@127.0.0.1:<port><path>}. */
        String url(String path) {
            return "ftp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + path;
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
