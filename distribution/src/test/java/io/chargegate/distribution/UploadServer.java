package io.chargegate.distribution;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An embedded Jetty 12 server on 127.0.0.1 (a free port) that a gateway uploads diagnostics to: every request is
 * read completely and recorded; a PUT is answered 201 Created, anything else 405 Method Not Allowed.
 */
final class UploadServer implements AutoCloseable {

    /**
     * One request the server received.
     *
     * @param method the HTTP method
     * @param path   the path as sent, without the query
     * @param body   the whole body (empty for none)
     */
    record Upload(String method, String path, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + " (" + body.length + " bytes)";
        }
    }

    private final Server server;
    private final int port;
    private final List<Upload> received = new ArrayList<>();

    /** Starts the server; {@link #close} stops it. */
    UploadServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("upload-server");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Recording());
        server.setStopTimeout(2_000);
        server.start();
        port = connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Every request received so far, oldest first. */
    List<Upload> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The newest PUT to {@code path}, if one arrived. */
    Optional<Upload> lastPut(String path) {
        List<Upload> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            Upload u = all.get(i);
            if (u.method().equals("PUT") && u.path().equals(path)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Reads the whole body, records the request, answers it. */
    private final class Recording extends Handler.Abstract {
        Recording() {
            super(InvocationType.BLOCKING);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body;
            try (InputStream in = Request.asInputStream(request)) {
                body = in.readAllBytes();
            }
            String method = request.getMethod();
            synchronized (received) {
                received.add(new Upload(method, request.getHttpURI().getPath(), body));
            }
            response.setStatus(method.equals("PUT") ? 201 : 405);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
    }
}
