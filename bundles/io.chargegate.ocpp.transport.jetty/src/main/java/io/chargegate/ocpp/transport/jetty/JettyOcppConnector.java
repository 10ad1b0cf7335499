package io.chargegate.ocpp.transport.jetty;

import io.chargegate.ocpp.transport.jetty.internal.JettyConnection;
import io.chargegate.ocpp.transport.jetty.internal.TlsContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OcppConnector} on Jetty 12: all connections share one thread pool, one scheduler (Jetty's and ours: connect
 * timeouts, reconnect, ping and pong timers), one buffer pool and one {@link WebSocketClient} per distinct
 * {@link TlsSettings} (connections without TLS settings all share one client), so a gateway can run a thousand
 * stations without a thread per connection.
 *
 * <p>A plain Java object: the constructor starts it, {@link #close()} closes every open connection gracefully
 * (close frame 1000, short wait) and stops Jetty. Thread-safe.
 *
 * <p>TLS material is read when a client for it is first needed; a client is keyed by the settings and the
 * modification times of the files, so renewed certificate files are picked up by the next connect attempt.
 */
public final class JettyOcppConnector implements OcppConnector, AutoCloseable {

    /** Default maximum number of threads of the shared pool. */
    public static final int DEFAULT_MAX_THREADS = 64;
    /** Default largest accepted text message: 1 MiB. */
    public static final int DEFAULT_MAX_TEXT_MESSAGE_SIZE = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(JettyOcppConnector.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);

    private final int maxTextMessageSize;
    private final QueuedThreadPool threadPool;
    private final ScheduledExecutorScheduler scheduler;
    private final ByteBufferPool bufferPool = new ArrayByteBufferPool();
    private final Set<JettyConnection> connections = ConcurrentHashMap.newKeySet();
    // guarded by this
    private final Map<ClientKey, WebSocketClient> clients = new HashMap<>();
    private boolean closed;

    /** Starts a connector with {@value #DEFAULT_MAX_THREADS} threads at most and 1 MiB messages. */
    public JettyOcppConnector() {
        this(DEFAULT_MAX_THREADS, DEFAULT_MAX_TEXT_MESSAGE_SIZE);
    }

    /**
     * Starts a connector.
     *
     * @param maxThreads         maximum threads of the shared pool (at least 8: Jetty reserves some for selectors)
     * @param maxTextMessageSize largest text message accepted from a CSMS, in bytes (at least 1024)
     * @throws IllegalArgumentException for out-of-range arguments
     * @throws IllegalStateException    if Jetty cannot start
     */
    public JettyOcppConnector(int maxThreads, int maxTextMessageSize) {
        if (maxThreads < 8) {
            throw new IllegalArgumentException("maxThreads must be at least 8, got: " + maxThreads);
        }
        if (maxTextMessageSize < 1024) {
            throw new IllegalArgumentException("maxTextMessageSize must be at least 1024, got: " + maxTextMessageSize);
        }
        this.maxTextMessageSize = maxTextMessageSize;
        this.threadPool = new QueuedThreadPool(maxThreads, Math.min(4, maxThreads));
        threadPool.setName("chargegate-ws");
        threadPool.setDaemon(true);
        this.scheduler = new ScheduledExecutorScheduler("chargegate-ws-scheduler", true);
        try {
            threadPool.start();
            scheduler.start();
            synchronized (this) {
                clientFor(null);
            }
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("Cannot start the Jetty WebSocket client: " + e.getMessage(), e);
        }
    }

    @Override
    public OcppConnection open(ConnectionSettings settings, ConnectionListener listener) {
        JettyConnection connection;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("JettyOcppConnector is closed");
            }
            connection = new JettyConnection(settings, listener, this::clientFor, scheduler,
                    () -> ThreadLocalRandom.current().nextDouble(), connections::remove);
            connections.add(connection);
        }
        connection.start();
        return connection;
    }

    /** Number of connections opened and not yet closed. */
    public int connectionCount() {
        return connections.size();
    }

    private synchronized WebSocketClient clientFor(TlsSettings tls) throws IOException {
        if (closed) {
            throw new IOException("JettyOcppConnector is closed");
        }
        ClientKey key = new ClientKey(tls, mtime(tls == null ? null : tls.trustStore()),
                mtime(tls == null ? null : tls.clientCertificate()));
        WebSocketClient client = clients.get(key);
        if (client != null) {
            return client;
        }
        HttpClient http = new HttpClient();
        http.setName("chargegate-ws-" + clients.size());
        http.setExecutor(threadPool);
        http.setScheduler(scheduler);
        http.setByteBufferPool(bufferPool);
        http.setSslContextFactory(TlsContexts.newFactory(tls));
        WebSocketClient ws = new WebSocketClient(http);
        ws.setIdleTimeout(Duration.ZERO);
        ws.setMaxTextMessageSize(maxTextMessageSize);
        ws.setStopAtShutdown(false);
        try {
            ws.start();
        } catch (Exception e) {
            try {
                ws.stop();
            } catch (Exception ignored) {
                // nothing more to release
            }
            throw new IOException("cannot start a WebSocket client for " + tls + ": " + e.getMessage(), e);
        }
        clients.put(key, ws);
        LOG.debug("Started WebSocket client {} for {}", http.getName(), tls);
        return ws;
    }

    private static long mtime(Path file) throws IOException {
        return file == null ? 0L : Files.getLastModifiedTime(file).toMillis();
    }

    /**
     * Closes every open connection (close frame 1000, up to a few seconds for the answers, in parallel), then stops
     * the Jetty clients, the scheduler and the thread pool. Idempotent.
     */
    @Override
    public void close() {
        List<JettyConnection> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(connections);
        }
        List<JettyConnection.Closing> closing = new ArrayList<>(open.size());
        for (JettyConnection connection : open) {
            closing.add(connection.startClose());
        }
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        for (JettyConnection.Closing c : closing) {
            c.await(deadline);
        }
        stopQuietly();
    }

    private void stopQuietly() {
        List<WebSocketClient> started;
        synchronized (this) {
            started = new ArrayList<>(clients.values());
            clients.clear();
        }
        for (WebSocketClient client : started) {
            try {
                client.stop();
            } catch (Exception e) {
                LOG.debug("Stopping a WebSocket client failed", e);
            }
        }
        try {
            scheduler.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the scheduler failed", e);
        }
        try {
            threadPool.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the thread pool failed", e);
        }
    }

    /** Cache key of a client: TLS settings plus the modification times of their files. */
    private record ClientKey(TlsSettings tls, long trustStoreModified, long clientCertificateModified) {
    }
}
