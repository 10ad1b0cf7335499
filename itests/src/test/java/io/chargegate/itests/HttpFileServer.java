package io.chargegate.itests;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * An embedded Jetty 12 server on 127.0.0.1 (a free port) for the firmware tests: every request is read completely
 * and answered by a {@link Responder}. Inside Felix the probe reaches the jetty-server bundle of the runtime (the demo
 * CSMS's) through its {@code DynamicImport-Package: *}.
 */
final class HttpFileServer implements AutoCloseable {

    /** What the server answers: a status and a body (sent with its Content-Length). */
    record Reply(int status, byte[] body) {
        /** A reply without a body. */
        static Reply empty(int status) {
            return new Reply(status, new byte[0]);
        }
    }

    /** Answers one request: its method, its path (as sent, without the query) and its body (empty for none). */
    @FunctionalInterface
    interface Responder {
        Reply answer(String method, String path, byte[] body);
    }

    private final Server server;
    private final int port;

    /** Starts the server; {@link #close} stops it. */
    HttpFileServer(Responder responder) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("firmware-it-http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Answering(responder));
        server.setStopTimeout(2_000);
        server.start();
        port = connector.getLocalPort();
    }

    /** The port the server listens on (or listened on, once closed). */
    int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Stops the server: afterwards nothing listens on {@link #port}. Idempotent. */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Reads the whole request body, then writes the responder's reply. */
    private static final class Answering extends Handler.Abstract {
        private final Responder responder;

        Answering(Responder responder) {
            super(InvocationType.BLOCKING);
            this.responder = responder;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body;
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readAllBytes();
            }
            Reply reply = responder.answer(request.getMethod(), request.getHttpURI().getPath(), body);
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }
}
