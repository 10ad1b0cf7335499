package io.chargegate.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder between the station and the CSMS, so a test can cut every connection the hard way:
 * {@link #reset()} closes both sockets of every pair with SO_LINGER 0, which sends a TCP RST (no WebSocket close
 * frame, no FIN), as a crashed CSMS or a dropped NAT entry would. New connections are forwarded again afterwards.
 * {@link #cut()} does the same and also refuses (RST) new connections until {@link #restore()}: the station stays
 * offline while the CSMS, with its per-charge-point responders, stays up.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean up = true;

    /** Listens on a free loopback port, forwarding to {@code 127.0.0.1:targetPort}. */
    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "itest-tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the proxy listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** Resets (RST) every forwarded connection open now. */
    void reset() {
        for (Socket s : open) {
            resetQuietly(s);
        }
        open.clear();
    }

    /** Resets every forwarded connection and refuses new ones until {@link #restore()}. */
    void cut() {
        up = false;
        reset();
    }

    /** Forwards new connections again after {@link #cut()}. */
    void restore() {
        up = true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    resetQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                } catch (IOException e) {
                    resetQuietly(client);
                    upstream.close();
                    continue;
                }
                open.add(client);
                open.add(upstream);
                if (!up) { // cut while connecting
                    reset();
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // reset or closed: the other pump ends too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "itest-tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void resetQuietly(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // ignore
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        reset();
    }
}
