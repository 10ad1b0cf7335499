package io.chargegate.csms.demo.internal;

import io.chargegate.csms.demo.Handshake;
import io.chargegate.ocpp.rpc.FrameRedaction;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.ocpp.rpc.Transport;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * The Jetty endpoint of one accepted WebSocket connection of a charge point, and the {@link Transport} of that
 * connection's {@link RpcSession}. Logs every frame in both directions on the {@value #FRAME_LOGGER} logger, secrets masked ({@link FrameRedaction}).
 * Public because Jetty requires public endpoint classes.
 */
public final class ServerEndpoint implements Session.Listener.AutoDemanding, Transport {

    /** The logger of the frame log lines ({@code CP-1 -> CSMS  [2,...]}). */
    public static final String FRAME_LOGGER = "io.chargegate.csms.demo.frames";

    private static final Logger LOG = LoggerFactory.getLogger(ServerEndpoint.class);
    private static final Logger FRAMES = LoggerFactory.getLogger(FRAME_LOGGER);

    private final ChargePointState chargePoint;
    private final RpcSession rpc;
    private final Handshake handshake;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Session session;

    ServerEndpoint(ChargePointState chargePoint, RpcSession rpc, Handshake handshake) {
        this.chargePoint = chargePoint;
        this.rpc = rpc;
        this.handshake = handshake;
    }

    RpcSession rpc() {
        return rpc;
    }

    String remote() {
        return handshake.remote();
    }

    /** What the upgrade of this connection authenticated with. */
    Handshake handshake() {
        return handshake;
    }

    /** Completes when Jetty reported the close of this connection. */
    CompletableFuture<Void> closedFuture() {
        return closed;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        chargePoint.opened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        FRAMES.info("{} -> CSMS  {}", chargePoint.id(), FrameRedaction.redact(message));
        chargePoint.frameReceived(message);
        rpc.onText(message);
    }

    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        LOG.warn("{}: binary message of {} bytes ignored (OCPP-J uses text messages)", chargePoint.id(), payload.remaining());
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.warn("{}: WebSocket error: {}", chargePoint.id(), cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        try {
            chargePoint.closed(this, statusCode, reason);
        } finally {
            closed.complete(null);
            callback.succeed();
        }
    }

    // ------------------------------------------------------------------------------------------- Transport

    @Override
    public void send(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            throw new IllegalStateException(chargePoint.id() + ": WebSocket connection is not open");
        }
        FRAMES.info("CSMS -> {}  {}", chargePoint.id(), FrameRedaction.redact(text));
        s.sendText(text, Callback.from(() -> { }, failure ->
                LOG.warn("{}: sending a frame failed: {}", chargePoint.id(), failure.toString())));
    }

    @Override
    public void close() {
        close(1000, "closed by central system");
    }

    /** Starts the close handshake with {@code code}; no effect when not open. */
    void close(int code, String reason) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(code, reason, Callback.NOOP);
        }
    }
}
