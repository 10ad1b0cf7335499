package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.Role;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.ocpp.rpc.Transport;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A test charge point: a Jetty WebSocket client connection driving an {@link RpcSession} in the charge point role.
 * Public because Jetty requires public endpoint classes.
 */
public final class TestChargePoint implements Session.Listener.AutoDemanding, Transport, AutoCloseable {

    /** Close code and reason Jetty reported. */
    public record Close(int code, String reason) {
    }

    private final RpcSession rpc;
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private volatile Session session;

    private TestChargePoint(String name) {
        rpc = RpcSession.builder(Role.CHARGE_POINT).name("test-" + name).callTimeout(Duration.ofSeconds(5)).build();
    }

    /** Connects with subprotocol ocpp1.6 and no credentials. */
    static TestChargePoint connect(WebSocketClient client, URI uri) throws Exception {
        return connect(client, uri, new String[] {"ocpp1.6"}, null, null);
    }

    /**
     * Connects; throws the connect failure unwrapped (an UpgradeException for a refused upgrade).
     *
     * @param subprotocols offered subprotocols (empty: none)
     * @param user         Basic auth user, or null for no Authorization header
     */
    static TestChargePoint connect(WebSocketClient client, URI uri, String[] subprotocols, String user, String password)
            throws Exception {
        TestChargePoint cp = new TestChargePoint(uri.getPath());
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        if (subprotocols.length > 0) {
            request.setSubProtocols(subprotocols);
        }
        if (user != null) {
            request.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            client.connect(cp, request).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            cp.rpc.dispose();
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        return cp;
    }

    RpcSession rpc() {
        return rpc;
    }

    <R extends Response> R call(Request<R> request) throws Exception {
        try {
            return rpc.call(request).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Completes when the connection closed. */
    CompletableFuture<Close> closed() {
        return closed;
    }

    String acceptedSubProtocol() {
        return session.getUpgradeResponse().getAcceptedSubProtocol();
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        rpc.onOpen(this);
    }

    @Override
    public void onWebSocketText(String message) {
        rpc.onText(message);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // connect failures are reported through the connect future; others end in onWebSocketClose
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        rpc.onClose(statusCode, reason);
        closed.complete(new Close(statusCode, reason));
        callback.succeed();
    }

    @Override
    public void send(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            throw new IllegalStateException("not open");
        }
        s.sendText(text, Callback.NOOP);
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(1000, "test done", Callback.NOOP);
            try {
                closed.get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort
            }
        }
        rpc.dispose();
    }
}
