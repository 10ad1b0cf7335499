package io.chargegate.ocpp.transport.jetty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP server that completes WebSocket handshakes with a chosen {@code Sec-WebSocket-Protocol} (which a Jetty
 * server would refuse to send when it was not offered) and then stays silent.
 */
final class RawHandshakeServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String protocol;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger handshakes = new AtomicInteger();

    RawHandshakeServer(String protocol) throws IOException {
        this.protocol = protocol;
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread thread = new Thread(this::acceptLoop, "raw-handshake-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + socket.getLocalPort() + "/ocpp");
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                accepted.add(s);
                handshake(s);
            } catch (IOException | NoSuchAlgorithmException e) {
                // closed socket or a client that went away: next one
            }
        }
    }

    private void handshake(Socket s) throws IOException, NoSuchAlgorithmException {
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            head.append((char) c);
        }
        String key = null;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n"
                + "Sec-WebSocket-Protocol: " + protocol + "\r\n\r\n";
        OutputStream out = s.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        handshakes.incrementAndGet();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
