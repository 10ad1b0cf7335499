package io.chargegate.ocpp.transport.jetty;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A Jetty 12 WebSocket server on 127.0.0.1 standing in for a CSMS at {@code /ocpp/*}, with knobs for the failure
 * modes the client must survive.
 */
public final class TestCsms implements AutoCloseable {

    /** If positive, upgrade requests are answered with this HTTP status instead. */
    volatile int httpStatus;
    /** Upgrade requests still to answer with HTTP 503 before upgrading. */
    final AtomicInteger failNextUpgrades = new AtomicInteger();
    /** Subprotocol the server selects; {@code null} selects none. */
    volatile String selectProtocol = "ocpp1.6";
    /** Whether pings are answered with pongs. */
    volatile boolean answerPings = true;

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    volatile String lastAuthorization;
    volatile String lastRawPath;
    volatile List<String> lastOfferedProtocols;

    private final Server server;
    private final ServerConnector connector;

    private TestCsms(int port, SslContextFactory.Server ssl) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("test-csms");
        server = new Server(pool);
        if (ssl == null) {
            connector = new ServerConnector(server);
        } else {
            // no SNI/Host check against the certificate: the client's host name verification is under test
            HttpConfiguration https = new HttpConfiguration();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofSeconds(30));
            container.addMapping("/ocpp/*", (req, resp, cb) -> {
                lastOfferedProtocols = req.getSubProtocols();
                if (selectProtocol != null) {
                    resp.setAcceptedSubProtocol(selectProtocol);
                }
                return answerPings ? new Endpoint(this) : new SilentEndpoint(this);
            });
        });
        server.setHandler(new Handler.Wrapper(ws) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                requests.incrementAndGet();
                lastAuthorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                lastRawPath = request.getHttpURI().getPath();
                int status = httpStatus;
                if (status <= 0 && failNextUpgrades.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                }
                if (status > 0) {
                    Response.writeError(request, response, callback, status);
                    return true;
                }
                return super.handle(request, response, callback);
            }
        });
        server.start();
    }

    /** A plain server on an ephemeral port. */
    static TestCsms start() throws Exception {
        return new TestCsms(0, null);
    }

    /** A plain server on {@code port}. */
    static TestCsms start(int port) throws Exception {
        return new TestCsms(port, null);
    }

    /** A TLS server on an ephemeral port. */
    static TestCsms startTls(SslContextFactory.Server ssl) throws Exception {
        return new TestCsms(0, ssl);
    }

    int port() {
        return connector.getLocalPort();
    }

    URI url(String scheme, String host) {
        return URI.create(scheme + "://" + host + ":" + port() + "/ocpp");
    }

    URI url() {
        return url("ws", "127.0.0.1");
    }

    /** Closes every open session with {@code code}. */
    void closeAll(int code, String reason) {
        for (Session s : sessions) {
            if (s.isOpen()) {
                s.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    /** Sends {@code text} on every open session. */
    void sendAll(String text) {
        for (Session s : sessions) {
            if (s.isOpen()) {
                s.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Echoes text; answers pings itself (counting them). Public: Jetty requires it. */
    public static class Endpoint implements Session.Listener.AutoDemanding {
        final TestCsms csms;
        Session session;

        Endpoint(TestCsms csms) {
            this.csms = csms;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            csms.sessions.add(session);
            csms.opened.incrementAndGet();
        }

        @Override
        public void onWebSocketText(String message) {
            csms.received.add(message);
            session.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }

        @Override
        public void onWebSocketPing(ByteBuffer payload) {
            session.sendPong(payload, org.eclipse.jetty.websocket.api.Callback.NOOP);
            csms.pings.incrementAndGet();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            csms.sessions.remove(session);
            csms.closeCodes.add(statusCode);
        }
    }

    /** Like {@link Endpoint} but never answers pings. */
    public static final class SilentEndpoint extends Endpoint {
        SilentEndpoint(TestCsms csms) {
            super(csms);
        }

        @Override
        public void onWebSocketPing(ByteBuffer payload) {
            csms.pings.incrementAndGet();
        }
    }
}
