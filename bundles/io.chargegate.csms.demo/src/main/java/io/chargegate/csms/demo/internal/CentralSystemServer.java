package io.chargegate.csms.demo.internal;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.DemoSettings;
import io.chargegate.csms.demo.Handshake;
import io.chargegate.csms.demo.RefusedConnection;
import io.chargegate.csms.demo.Responder;
import io.chargegate.csms.demo.ServerTls;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.AuthorizeResponse;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.DataTransferResponse;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationResponse;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationResponse;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.MeterValuesResponse;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionResponse;
import io.chargegate.ocpp.model.security.GenericStatus;
import io.chargegate.ocpp.model.security.LogStatusNotificationResponse;
import io.chargegate.ocpp.model.security.SecurityEventNotificationResponse;
import io.chargegate.ocpp.model.security.SignCertificateResponse;
import io.chargegate.ocpp.model.security.SignedFirmwareStatusNotificationResponse;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.DataTransferStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.Role;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo central system: a Jetty server with one WebSocket mapping ({@value #PATH_PREFIX}{@code <chargePointId>},
 * subprotocol {@value #SUBPROTOCOL}, optional Basic auth) on one plain or TLS connector, one {@link ChargePointState}
 * per charge point identity, the default answers, the server-wide responders and the list of refused connections.
 */
public final class CentralSystemServer implements AutoCloseable {

    /** The only subprotocol accepted. */
    public static final String SUBPROTOCOL = "ocpp1.6";
    /** The path before the charge point identity. */
    public static final String PATH_PREFIX = "/ocpp/";

    private static final Logger LOG = LoggerFactory.getLogger(CentralSystemServer.class);
    private static final Duration MIN_IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_REFUSALS = 1000;

    private final DemoSettings settings;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledThreadPoolExecutor scheduler;
    private final AtomicInteger transactionIds = new AtomicInteger();
    private final Map<String, ChargePointState> chargePoints = new ConcurrentHashMap<>();
    private final Map<Action, Responder<?, ?>> responders = new ConcurrentHashMap<>();
    private final Object connectLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Guarded by itself. */
    private final Deque<RefusedConnection> refusals = new ArrayDeque<>();

    private CentralSystemServer(DemoSettings settings) {
        this.settings = settings;
        // first: a bad key or trust store fails before any thread pool exists
        SslContextFactory.Server ssl = settings.tls() == null ? null : sslContextFactory(settings.tls());
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "csms-demo-timer");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("csms-demo");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(0); // connections are closed explicitly first; no graceful wait for idle HTTP ones
        if (ssl == null) {
            connector = new ServerConnector(server, 1, 1);
        } else {
            connector = new ServerConnector(server, 1, 1, ssl);
            // SslConnectionFactory tells the connector's SslHandshakeListener beans about every handshake
            connector.addBean(new HandshakeFailures());
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        Duration idle = Duration.ofSeconds(3L * settings.heartbeatInterval());
        Duration idleTimeout = idle.compareTo(MIN_IDLE_TIMEOUT) > 0 ? idle : MIN_IDLE_TIMEOUT;
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(idleTimeout);
            container.addMapping("/ocpp/*", (request, response, callback) -> {
                String refusal = null;
                Object endpoint = null;
                try {
                    endpoint = accept(request, response);
                } catch (Refusal r) {
                    refusal = r.getMessage();
                    recordRefusal(new RefusedConnection(Instant.now(), r.remote, r.chargePointId, r.status, refusal));
                    if (r.status == 401) {
                        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"OCPP\", charset=\"UTF-8\"");
                    }
                    org.eclipse.jetty.server.Response.writeError(request, response, callback, r.status, refusal);
                }
                return endpoint;
            });
        }));
    }

    /** Binds and starts a server. */
    public static CentralSystemServer start(DemoSettings settings) {
        CentralSystemServer s = new CentralSystemServer(Objects.requireNonNull(settings, "settings"));
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            throw new IllegalStateException("demo central system cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("demo central system listening on {}/<chargePointId> ({})", s.url(), settings);
        return s;
    }

    // ------------------------------------------------------------------------------------------- queries

    public DemoSettings settings() {
        return settings;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code ws://<host>:<port>/ocpp} ({@code wss://} with TLS); a wildcard bind address is shown as 127.0.0.1. */
    public URI url() {
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String scheme = settings.tls() == null ? "ws://" : "wss://";
        return URI.create(scheme + host + ":" + port() + PATH_PREFIX.substring(0, PATH_PREFIX.length() - 1));
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public List<RefusedConnection> refusedConnections() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    private void recordRefusal(RefusedConnection refusal) {
        synchronized (refusals) {
            if (refusals.size() == MAX_REFUSALS) {
                refusals.removeFirst();
            }
            refusals.addLast(refusal);
        }
    }

    public Optional<ChargePointConnection> chargePoint(String id) {
        return Optional.ofNullable(chargePoints.get(id));
    }

    public Collection<ChargePointConnection> chargePoints() {
        return List.copyOf(chargePoints.values());
    }

    /** Waits until charge point {@code id} is connected. */
    public ChargePointConnection awaitChargePoint(String id, Duration timeout) {
        Objects.requireNonNull(id, "id");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connectLock) {
            while (true) {
                ChargePointState cp = chargePoints.get(id);
                if (cp != null && cp.isConnected()) {
                    return cp;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("charge point " + id + " did not connect within "
                            + timeout.toMillis() + " ms; " + (cp == null ? "it never connected" : "it connected "
                            + cp.connectCount() + " time(s) and is disconnected now") + "; known: " + chargePoints.keySet());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(connectLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for charge point " + id, e);
                }
            }
        }
    }

    void connected(ChargePointState cp) {
        synchronized (connectLock) {
            connectLock.notifyAll();
        }
    }

    // ------------------------------------------------------------------------------------------- responders

    public <Q extends Request<R>, R extends Response> void setResponder(Action action, Responder<Q, R> responder) {
        requireChargePointAction(action);
        responders.put(action, Objects.requireNonNull(responder, "responder"));
    }

    public void clearResponder(Action action) {
        responders.remove(Objects.requireNonNull(action, "action"));
    }

    @SuppressWarnings("unchecked")
    Responder<Request<Response>, Response> responder(Action action) {
        return (Responder<Request<Response>, Response>) responders.get(action);
    }

    static void requireChargePointAction(Action action) {
        Objects.requireNonNull(action, "action");
        if (!Role.CENTRAL_SYSTEM.receives(action)) {
            throw new IllegalArgumentException(action.wireName() + " is never sent by a charge point");
        }
    }

    /** The default answer of the demo central system to a charge-point-initiated CALL. */
    Response defaultAnswer(String chargePointId, Action action, Request<?> request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return switch (action) {
            case BOOT_NOTIFICATION -> new BootNotificationResponse(settings.bootStatus(), now, settings.heartbeatInterval());
            case HEARTBEAT -> new HeartbeatResponse(now);
            case AUTHORIZE -> new AuthorizeResponse(idTagInfo(((AuthorizeRequest) request).idTag()));
            case START_TRANSACTION -> {
                StartTransactionRequest start = (StartTransactionRequest) request;
                int transactionId = transactionIds.incrementAndGet();
                LOG.info("{}: transaction {} started on connector {} by {}", chargePointId, transactionId,
                        start.connectorId(), start.idTag());
                yield new StartTransactionResponse(idTagInfo(start.idTag()), transactionId);
            }
            case STOP_TRANSACTION -> {
                StopTransactionRequest stop = (StopTransactionRequest) request;
                LOG.info("{}: transaction {} stopped, meterStop {}", chargePointId, stop.transactionId(), stop.meterStop());
                yield stop.idTag() == null ? new StopTransactionResponse()
                        : new StopTransactionResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED));
            }
            case METER_VALUES -> new MeterValuesResponse();
            case STATUS_NOTIFICATION -> new StatusNotificationResponse();
            case DATA_TRANSFER -> new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID);
            case DIAGNOSTICS_STATUS_NOTIFICATION -> new DiagnosticsStatusNotificationResponse();
            case FIRMWARE_STATUS_NOTIFICATION -> new FirmwareStatusNotificationResponse();
            case SECURITY_EVENT_NOTIFICATION -> new SecurityEventNotificationResponse();
            case LOG_STATUS_NOTIFICATION -> new LogStatusNotificationResponse();
            case SIGNED_FIRMWARE_STATUS_NOTIFICATION -> new SignedFirmwareStatusNotificationResponse();
            case SIGN_CERTIFICATE -> new SignCertificateResponse(GenericStatus.REJECTED);
            default -> throw new OcppException(ErrorCode.NotSupported,
                    "Requested Action is recognized but not supported by the receiver");
        };
    }

    private IdTagInfo idTagInfo(String idTag) {
        return new IdTagInfo(settings.blockedIdTags().contains(idTag) ? AuthorizationStatus.BLOCKED : AuthorizationStatus.ACCEPTED);
    }

    // ------------------------------------------------------------------------------------------- upgrade

    /** Checks an upgrade request: returns the endpoint, or throws {@link Refusal} with the HTTP status. */
    private Object accept(ServerUpgradeRequest request, ServerUpgradeResponse response) throws Refusal {
        String remote = org.eclipse.jetty.server.Request.getRemoteAddr(request) + ":"
                + org.eclipse.jetty.server.Request.getRemotePort(request);
        String path = request.getHttpURI().getPath();
        String id = chargePointId(path);
        if (closed.get()) {
            throw refuse(503, "central system is shutting down", remote, id, path);
        }
        if (id == null) {
            throw refuse(404, "not " + PATH_PREFIX + "<chargePointId>", remote, null, path);
        }
        if (!request.hasSubProtocol(SUBPROTOCOL)) {
            throw refuse(400, "subprotocol " + SUBPROTOCOL + " required, offered " + request.getSubProtocols(), remote,
                    id, path);
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String problem = checkCredentials(id, authorization);
        if (problem != null) {
            throw refuse(401, problem, remote, id, path);
        }
        response.setAcceptedSubProtocol(SUBPROTOCOL);
        Handshake handshake = handshake(remote, authorization,
                request.getConnectionMetaData().getConnection().getEndPoint().getSslSessionData());
        return chargePoints.computeIfAbsent(id, i -> new ChargePointState(i, this)).newEndpoint(handshake);
    }

    private static Refusal refuse(int status, String why, String remote, String id, String path) {
        LOG.warn("refused WebSocket upgrade from {} for {}: {} {}", remote, path, status, why);
        return new Refusal(status, why, remote, id);
    }

    /** What an accepted upgrade authenticated with. */
    private static Handshake handshake(String remote, String authorization, EndPoint.SslSessionData ssl) {
        String[] basic = basicCredentials(authorization);
        String protocol = null;
        String subject = null;
        if (ssl != null) {
            protocol = ssl.sslSession() == null ? null : ssl.sslSession().getProtocol();
            X509Certificate[] peer = ssl.peerCertificates();
            if (peer != null && peer.length > 0) {
                subject = peer[0].getSubjectX500Principal().getName();
            }
        }
        return new Handshake(Instant.now(), remote, ssl != null, protocol, basic == null ? null : basic[0],
                basic == null ? null : basic[1], subject);
    }

    /** User name and password of a Basic Authorization header; null when there is none or it is malformed. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /** The URL-decoded identity of {@code /ocpp/<id>}, or null when the path is not of that form. */
    static String chargePointId(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PATH_PREFIX)) {
            return null;
        }
        String segment = rawPath.substring(PATH_PREFIX.length());
        if (segment.isEmpty() || segment.indexOf('/') >= 0) {
            return null;
        }
        try {
            String id = URIUtil.decodePath(segment);
            return id == null || id.isBlank() || id.indexOf('/') >= 0 ? null : id;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Null when {@code id} may connect with this Authorization header; else why not (never containing secrets). */
    String checkCredentials(String id, String authorization) {
        Map<String, String> keys = settings.authorizationKeys();
        if (keys.isEmpty()) {
            return null;
        }
        String expected = keys.get(id);
        if (expected == null) {
            return "no authorization key configured for " + id;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "no Basic credentials";
        }
        String[] credentials = basicCredentials(authorization);
        if (credentials == null) {
            return "malformed Basic credentials";
        }
        if (!credentials[0].equals(id)) {
            return "Basic user name is not the charge point identity";
        }
        boolean match = MessageDigest.isEqual(credentials[1].getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        return match ? null : "wrong password";
    }

    /** An upgrade request that is answered with an HTTP error. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String remote;
        final String chargePointId;

        Refusal(int status, String message, String remote, String chargePointId) {
            super(message, null, false, false);
            this.status = status;
            this.remote = remote;
            this.chargePointId = chargePointId;
        }
    }

    // ------------------------------------------------------------------------------------------- TLS

    /** The TLS configuration of the connector; the stores are read now, so a bad file fails the start. */
    static SslContextFactory.Server sslContextFactory(ServerTls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keyStore())) {
                keys.load(in, tls.keyStorePassword().toCharArray());
            }
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(tls.keyStorePassword());
            ssl.setKeyManagerPassword(tls.keyStorePassword());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the PKCS12 key store " + tls.keyStore() + ": " + e, e);
        }
        ssl.setEndpointIdentificationAlgorithm(null); // client certificates name charge points, not hosts
        if (tls.trustStore() != null) {
            ssl.setTrustStore(trustStore(tls.trustStore(), tls.trustStorePassword()));
            if (tls.clientCertificateRequired()) {
                ssl.setNeedClientAuth(true);
            } else {
                ssl.setWantClientAuth(true);
            }
        }
        return ssl;
    }

    /** A PEM file (one or more certificates) or a PKCS12 store, as a key store of trusted certificates. */
    static KeyStore trustStore(Path file, String password) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----")) {
                Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new java.io.ByteArrayInputStream(content));
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                int i = 0;
                for (Certificate c : certificates) {
                    store.setCertificateEntry("trusted-" + i++, c);
                }
                if (i == 0) {
                    throw new IllegalStateException("no certificate in the PEM trust store " + file);
                }
                return store;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(content), password == null ? null : password.toCharArray());
            if (store.size() == 0) {
                throw new IllegalStateException("no certificate in the PKCS12 trust store " + file);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + file + " (PEM or PKCS12): " + e, e);
        }
    }

    /** Records failed TLS handshakes as refused connections. Public: Jetty inspects its beans reflectively. */
    public final class HandshakeFailures implements SslHandshakeListener {
        @Override
        public void handshakeFailed(Event event, Throwable failure) {
            String remote = address(event.getEndPoint() == null ? null : event.getEndPoint().getRemoteSocketAddress());
            String why = "TLS handshake failed: " + failure;
            LOG.warn("refused connection from {}: {}", remote, why);
            recordRefusal(new RefusedConnection(Instant.now(), remote, null, RefusedConnection.TLS_HANDSHAKE_FAILED, why));
        }
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return (inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString()) + ":"
                    + inet.getPort();
        }
        return String.valueOf(address);
    }

    // ------------------------------------------------------------------------------------------- shutdown

    /** Closes every connection (1001, short wait for the close handshakes) and stops the server. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ChargePointState cp : chargePoints.values()) {
            closing.add(cp.shutdown());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.debug("not every charge point answered the close within 1 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("closing connections: {}", e.toString());
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the Jetty server failed: {}", e.toString());
        }
        scheduler.shutdownNow();
        synchronized (connectLock) {
            connectLock.notifyAll();
        }
        LOG.info("demo central system stopped");
    }
}
