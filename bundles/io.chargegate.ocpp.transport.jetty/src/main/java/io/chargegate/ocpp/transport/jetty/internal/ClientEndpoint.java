package io.chargegate.ocpp.transport.jetty.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;

/**
 * The Jetty endpoint of one connect attempt and, if it succeeds, of the WebSocket session that follows. Public
 * because Jetty 12 requires public endpoint classes. Pings are not handled here, so Jetty answers them with pongs.
 * Also listens to the upgrade response, to name a subprotocol the CSMS selected that Jetty then refuses.
 */
public final class ClientEndpoint implements Session.Listener.AutoDemanding, JettyUpgradeListener {

    private final JettyConnection owner;
    private final CountDownLatch closed = new CountDownLatch(1);
    volatile Session session;
    /** Set once the session was accepted (subprotocol ocpp1.6) and reported as connected. */
    volatile boolean accepted;
    /** Set once the session ended, as far as the owner is concerned. */
    volatile boolean ended;
    /** Why the session was refused after the handshake, or {@code null}. */
    volatile String rejectCause;
    /** The subprotocol named in the handshake response, if any (seen before Jetty validates it). */
    volatile String handshakeProtocol;
    /** Pongs received; guarded by the owner's lock. */
    long pongs;

    ClientEndpoint(JettyConnection owner) {
        this.owner = owner;
    }

    @Override
    public void onHandshakeResponse(Request request, Response response) {
        handshakeProtocol = response.getHeaders().get("Sec-WebSocket-Protocol");
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        owner.onOpen(this, session);
    }

    @Override
    public void onWebSocketText(String message) {
        if (accepted && !ended) {
            owner.onText(message);
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        owner.onPong(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        owner.onError(this, cause);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed.countDown();
        owner.onClosed(this, statusCode, reason);
    }

    CountDownLatch closedLatch() {
        return closed;
    }
}
