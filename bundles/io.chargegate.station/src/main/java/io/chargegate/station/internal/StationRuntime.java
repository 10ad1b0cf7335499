package io.chargegate.station.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.PowerSink;
import io.chargegate.hardware.api.ResetKind;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.SystemIdentity;
import io.chargegate.hardware.api.TokenReader;
import io.chargegate.hardware.api.TokenSink;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionResponse;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.FirmwareStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.ocpp.rpc.ConnectionClosedException;
import io.chargegate.ocpp.rpc.Role;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.ocpp.rpc.Transport;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import io.chargegate.ocpp.transport.jetty.ConnectionListener;
import io.chargegate.ocpp.transport.jetty.ConnectionSettings;
import io.chargegate.ocpp.transport.jetty.OcppConnection;
import io.chargegate.ocpp.transport.jetty.OcppConnector;
import io.chargegate.ocpp.transport.jetty.TlsSettings;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.ChargingLimits;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Delivery;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.ProfileState;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;
import io.chargegate.station.api.TransactionListener;
import io.chargegate.store.DurableMap;
import io.chargegate.store.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The runtime of one charge point identity, plain Java (the DS glue is {@link StationComponent}): registration,
 * heartbeat, dispatch, connectors, transactions, metering, configuration, authorization, the durable outbound
 * queue and driver binding.
 *
 * <h2>Threads</h2>
 * The runtime has no thread of its own: it runs on the shared scheduler, on the transport's threads and on driver
 * threads. All state is guarded by the runtime's monitor; nothing blocks while holding it except short store writes
 * and driver commands (which the SPI requires to return quickly). The monitor is never held while closing the
 * connection or feeding received text to the RPC session. Each {@link #start()} begins a new generation; callbacks
 * of an earlier generation (late answers, timers, drivers) are ignored.
 */
public final class StationRuntime implements Station {
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);
    private static final int MAX_PENDING_BEST_EFFORT = 100;
    /**
     * How long a triggered message waits, so the TriggerMessage CALLRESULT (sent when the handler's stage completes
     * on the calling thread) goes out first (OCPP 1.6 5.17).
     */
    private static final long TRIGGER_DELAY_MS = 100;
    /** ResetRetries values above this act as this (the station is offline while a Hard reset is retried). */
    static final int MAX_RESET_RETRIES = 10;

    /** The collaborators a runtime needs; every one can be faked in tests. */
    public record Services(OcppConnector connector, Function<Path, StateStore> storeOpener, ScheduledExecutorService scheduler,
                           Clock clock, ServiceSet<ActionHandler<?, ?>> handlers, ServiceSet<FeatureProfileProvider> profiles,
                           ServiceSet<EvseDriver> evses, ServiceSet<MeterDriver> meters, ServiceSet<ConnectorLockDriver> locks,
                           ServiceSet<TokenReader> readers, ServiceSet<SystemDriver> systems,
                           ServiceSet<TransactionListener> transactionListeners) {
        public Services {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(storeOpener, "storeOpener");
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final StationSettings settings;
    private final Services svc;
    private final String id;
    private final OcppCodec codec = OcppCodec.strict();
    private final Runnable driverListener = this::refreshDrivers;
    private final Runnable profileListener = this::refreshProfiles;

    // ---- state, guarded by this
    private long generation;
    private boolean running;
    private StateStore store;
    private DurableMap transactions;
    private DurableMap availability;
    private DurableMap reservations;
    private ConfigurationRegistry config;
    private RpcSession session;
    private Dispatcher dispatcher;
    private OcppConnection connection;
    /** The CSMS base URL the connection was opened with (wss:// after a raise to profile 2 or 3). */
    private URI connectionUrl;
    private RegistrationStatus registration;
    private boolean bootAcceptedThisRun;
    /** Accepted BootNotifications since this runtime was created; kept across stop()/start() (a Reset). */
    private long bootCount;
    private boolean bootInFlight;
    private Instant bootWaitDeadline;
    private volatile Duration clockOffset = Duration.ZERO;
    private ScheduledFuture<?> heartbeatTask;
    private ScheduledFuture<?> bootTask;
    private boolean backlog;
    /** A send failed because the connection is gone although the close has not been reported yet. */
    private boolean linkBroken;
    /** Held statuses in order; while offline only the latest per connector is kept. */
    private final List<StatusNotificationRequest> pendingStatus = new ArrayList<>();
    private final List<Request<?>> pendingOther = new ArrayList<>();
    private final List<TxRecord> powerLoss = new ArrayList<>();
    private final Map<Object, Object> profileKeys = new IdentityHashMap<>();
    private final Map<TokenReader, TokenSink> attachedReaders = new IdentityHashMap<>();
    private Connector[] connectors = new Connector[0];
    /**
     * What the extracted parts ({@link Connector}, {@link TransactionQueue}, {@link Authorizer}, {@link Reservations},
     * {@link ChargingLimitsState}, {@link MeterSampler}) see of this runtime.
     */
    private final Handle handle = new Handle();
    /** The durable outbound queue; opened on the store at every start. */
    private final TransactionQueue txQueue;
    /** Authorization of idTags: local list, cache, Authorize and the offline rules. */
    private final Authorizer authorizer;
    /** The reservations (ReserveNow, CancelReservation) and their expiry timers; restored at every start. */
    private final Reservations reservationBook;
    /** The charging limits, their hold and fallback when the smart charging profile goes away; kept across restarts. */
    private final ChargingLimitsState limitsState;
    /** Clock-aligned metering (ClockAlignedDataInterval); sampled metering is each {@link Connector}'s. */
    private final MeterSampler meterSampler;
    private boolean cpOperative = true;
    /** Store maps of the profile namespaces asked for in this generation (the store changes on restart). */
    private final Map<String, DurableMap> profileMaps = new HashMap<>();
    /** The SystemDriver the power sink is attached to, and that sink; null while none is bound. */
    private SystemDriver powerDriver;
    private PowerSinkImpl powerSink;
    /** Mains power lost, running on backup power: no transaction, contactors open, Unavailable, no new start. */
    private boolean onBackup;

    /**
     * @param settings validated settings
     * @param services collaborators
     */
    public StationRuntime(StationSettings settings, Services services) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.svc = services;
        this.id = settings.chargePointId();
        this.txQueue = new TransactionQueue(handle);
        this.authorizer = new Authorizer(handle);
        this.reservationBook = new Reservations(handle);
        this.limitsState = new ChargingLimitsState(handle);
        this.meterSampler = new MeterSampler(handle);
    }

    // =====================================================================================================
    // lifecycle
    // =====================================================================================================

    /**
     * Opens the store, restores the persisted state, attaches the drivers and starts connecting. Throws when the
     * store cannot be opened (nothing is left half-started).
     */
    public void start() {
        synchronized (this) {
            if (running) {
                return;
            }
            long gen = ++generation;
            StateStore st = svc.storeOpener().apply(settings.storeFile());
            try {
                store = st;
                txQueue.open(st.queue("outbound"), st.map("txids"));
                transactions = st.map("transactions");
                availability = st.map("availability");
                reservations = st.map("reservations");
                config = new ConfigurationRegistry(st.map("config"), settings.connectors(), settings.heartbeatIntervalDefault(),
                        this::supportedProfiles, settings.authorizationKey(), settings.securityProfile(),
                        p -> SecurityProfiles.missing(p, settings, config.value(ConfigurationRegistry.AUTHORIZATION_KEY)));
                config.onChange(this::onConfigChanged);
                authorizer.open(new AuthorizationStore(st.map("authcache"), st.map("locallist"), st.map("locallist.b"),
                        st.map("meta"), settings.authorizationCacheSize(), this::now));
                restoreState();
            } catch (RuntimeException e) {
                st.close();
                store = null;
                throw e;
            }
            profileMaps.clear();
            registration = null;
            bootAcceptedThisRun = false;
            bootInFlight = false;
            txQueue.resetInFlight();
            backlog = false;
            txQueue.clearAttempts();
            pendingStatus.clear();
            pendingOther.clear();
            session = RpcSession.builder(Role.CHARGE_POINT)
                    .name(id)
                    .codec(codec)
                    .scheduler(svc.scheduler())
                    .handlerExecutor(svc.scheduler())
                    .callTimeout(settings.callTimeout())
                    .handlerTimeout(settings.handlerTimeout())
                    .build();
            running = true;
            dispatcher = new Dispatcher(svc.handlers(), this, session);
            profileKeys.clear(); // the registry is new: every provider's keys are added to it again
            refreshProfiles();
            limitsState.resumeHold(); // a hold that was running when the station stopped (Reset) goes on
            svc.profiles().addListener(profileListener);
            for (ServiceSet<?> s : driverSets()) {
                s.addListener(driverListener);
            }
            refreshDrivers();
            bootWaitDeadline = svc.clock().instant().plus(settings.systemDriverWait());
            if (config.storedSecurityProfile() > settings.securityProfile()) {
                LOG.warn("[{}] securityProfile={} in the station configuration is lower than SecurityProfile={} set by the CSMS: "
                        + "using {} (a security profile is never lowered)", id, settings.securityProfile(),
                        config.storedSecurityProfile(), config.securityProfile());
            }
            connection = openConnection(gen);
            LOG.info("[{}] station started: {} connector(s), {} queued message(s), {} transaction(s) cut off by power loss",
                    id, settings.connectors(), txQueue.size(), powerLoss.size());
        }
    }

    /** Stops everything: timers, drivers, the connection (closed gracefully), the session and the store. Idempotent. */
    public void stop() {
        stopGeneration();
    }

    /** {@link #stop()}, returning the generation it set (a later stop or start changes it). */
    private long stopGeneration() {
        OcppConnection conn;
        long stopped;
        synchronized (this) {
            if (!running) {
                return ++generation; // ends a Hard reset waiting to retry (retryHardReset)
            }
            running = false;
            stopped = ++generation;
            cancel(heartbeatTask);
            cancel(bootTask);
            meterSampler.cancelAligned();
            txQueue.cancelRetry();
            reservationBook.cancelTimer();
            limitsState.cancelHold();
            svc.profiles().removeListener(profileListener);
            for (ServiceSet<?> s : driverSets()) {
                s.removeListener(driverListener);
            }
            for (Connector c : connectors) {
                c.shutdown();
            }
            for (Map.Entry<TokenReader, TokenSink> e : attachedReaders.entrySet()) {
                safely("detach token reader", () -> e.getKey().detach());
            }
            attachedReaders.clear();
            detachPowerSink();
            onBackup = false; // the driver reports it again when the station starts (a Reset)
            dispatcher.close();
            txQueue.failWaiters();
            conn = connection;
            connection = null;
        }
        if (conn != null) {
            try {
                conn.close();
            } catch (RuntimeException e) {
                LOG.warn("[{}] closing the connection failed", id, e);
            }
        }
        synchronized (this) {
            session.dispose();
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.error("[{}] closing the store failed", id, e);
            }
            LOG.info("[{}] station stopped", id);
        }
        return stopped;
    }

    /** Whether the runtime is started. */
    public synchronized boolean isRunning() {
        return running;
    }

    private List<ServiceSet<?>> driverSets() {
        return List.of(svc.evses(), svc.meters(), svc.locks(), svc.readers(), svc.systems());
    }

    private void restoreState() {
        int n = settings.connectors();
        connectors = new Connector[n + 1];
        for (int i = 0; i <= n; i++) {
            connectors[i] = new Connector(handle, i);
        }
        cpOperative = !"Inoperative".equals(availability.get("0").orElse("Operative"));
        for (int i = 1; i <= n; i++) {
            connectors[i].operativeWanted = !"Inoperative".equals(availability.get(Integer.toString(i)).orElse("Operative"));
        }
        powerLoss.clear();
        for (Map.Entry<String, String> e : transactions.snapshot().entrySet()) {
            try {
                powerLoss.add(TxRecord.decode(e.getValue()));
            } catch (RuntimeException ex) {
                LOG.error("[{}] unreadable transaction record for connector {}: dropped", id, e.getKey(), ex);
                transactions.remove(e.getKey());
            }
        }
        reservationBook.restore(reservations);
    }

    /**
     * Whether the security profile in force ({@link ConfigurationRegistry#securityProfile()}) has what it needs; if
     * not, logs why and the station does not connect (it never falls back to a lower profile). The configured profile
     * was checked by {@link StationSettings#from}; only one raised by the CSMS is checked here.
     */
    private boolean securityProfileUsable() {
        int profile = config.securityProfile();
        if (profile <= settings.securityProfile()) {
            return true;
        }
        String missing = SecurityProfiles.missing(profile, settings, config.value(ConfigurationRegistry.AUTHORIZATION_KEY));
        if (missing == null) {
            return true;
        }
        LOG.error("[{}] not connecting: security profile {} is in force and never lowered, but {}. Fix the station "
                + "configuration", id, profile, missing);
        return false;
    }

    /**
     * Opens the connection of generation {@code gen} when the security profile in force is usable; null (logged) when
     * it is not or when the connection settings are refused.
     */
    private OcppConnection openConnection(long gen) {
        if (!securityProfileUsable()) {
            return null;
        }
        try {
            ConnectionSettings cs = connectionSettings();
            connectionUrl = cs.csmsUrl();
            return svc.connector().open(cs, new Listener(gen));
        } catch (IllegalArgumentException e) {
            LOG.error("[{}] not connecting: the connection settings of security profile {} are refused: {}. Fix the "
                    + "station configuration", id, config.securityProfile(), e.getMessage());
            return null;
        }
    }

    private ConnectionSettings connectionSettings() {
        int profile = config.securityProfile();
        URI url = SecurityProfiles.csmsUrl(settings.csmsUrl(), profile);
        String key = profile == 1 || profile == 2 ? config.value(ConfigurationRegistry.AUTHORIZATION_KEY) : null;
        TlsSettings tls = null;
        if (settings.trustStore() != null || settings.clientCertificate() != null || !settings.verifyHostname()) {
            tls = new TlsSettings(settings.trustStore(), settings.trustStorePassword(), settings.clientCertificate(),
                    settings.clientCertificatePassword(), settings.verifyHostname());
        }
        if (tls != null && !"wss".equalsIgnoreCase(url.getScheme())) {
            tls = null;
        }
        return ConnectionSettings.builder(url, id)
                .authorizationKey(key == null || key.isEmpty() ? null : key)
                .tls(tls)
                .pingIntervalSeconds(config.intValue(ConfigurationRegistry.WEB_SOCKET_PING_INTERVAL, 60))
                .backoff(settings.minBackoff(), settings.maxBackoff())
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** Closes the connection and opens a new one with the current settings (AuthorizationKey changed). */
    private void reconnect(long gen) {
        OcppConnection old;
        synchronized (this) {
            if (!running || gen != generation) {
                return;
            }
            old = connection;
            connection = null;
        }
        if (old != null) {
            old.close();
        }
        synchronized (this) {
            if (!running || gen != generation) {
                return;
            }
            session.onClose(1000, "reconnecting with new settings");
            connection = openConnection(gen);
            if (connection != null) {
                LOG.info("[{}] reconnecting with the new AuthorizationKey", id);
            }
        }
    }

    /** Receives one connection's events for one generation. */
    private final class Listener implements ConnectionListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void connected(Transport transport) {
            onConnected(gen, transport);
        }

        @Override
        public void textReceived(String text) {
            RpcSession s;
            synchronized (StationRuntime.this) {
                if (gen != generation || !running) {
                    return;
                }
                s = session;
            }
            s.onText(text);
        }

        @Override
        public void disconnected(int statusCode, String reason) {
            onDisconnected(gen, statusCode, reason);
        }
    }

    private synchronized void onConnected(long gen, Transport transport) {
        if (gen != generation || !running) {
            transport.close();
            return;
        }
        session.onOpen(transport);
        linkBroken = false;
        LOG.info("[{}] connected to {}", id, connectionUrl);
        if (bootAcceptedThisRun) {
            registration = RegistrationStatus.ACCEPTED;
            backlog = txQueue.size() > 0 || !pendingStatus.isEmpty() || !pendingOther.isEmpty();
            scheduleHeartbeat();
            txQueue.pump();
        } else {
            boot();
        }
    }

    private synchronized void onDisconnected(long gen, int code, String reason) {
        if (gen != generation || !running) {
            return;
        }
        LOG.info("[{}] disconnected ({} {})", id, code, reason);
        cancel(heartbeatTask);
        heartbeatTask = null;
        cancel(bootTask);
        bootTask = null;
        bootInFlight = false;
        if (!bootAcceptedThisRun) {
            registration = null;
        }
        session.onClose(code, reason);
    }

    // =====================================================================================================
    // registration, heartbeat
    // =====================================================================================================

    private boolean online() {
        return running && session.isOpen();
    }

    private boolean canSend() {
        return online() && !linkBroken && registration == RegistrationStatus.ACCEPTED;
    }

    private void boot() {
        if (!online() || bootInFlight) {
            return;
        }
        ServiceSet.Entry<SystemDriver> sys = svc.systems() == null ? null : svc.systems().best(this::forThisStation);
        Instant nowLocal = svc.clock().instant();
        if (sys == null && nowLocal.isBefore(bootWaitDeadline)) {
            long gen = generation;
            cancel(bootTask);
            bootTask = svc.scheduler().schedule(() -> {
                synchronized (this) {
                    if (gen == generation) {
                        boot();
                    }
                }
            }, Duration.between(nowLocal, bootWaitDeadline).toMillis() + 1, TimeUnit.MILLISECONDS);
            LOG.info("[{}] waiting up to {} s for a SystemDriver before BootNotification", id, settings.systemDriverWait().toSeconds());
            return;
        }
        BootNotificationRequest req = bootRequest(sys == null ? null : sys.service());
        sendBoot(req);
    }

    private BootNotificationRequest bootRequest(SystemDriver sys) {
        SystemIdentity identity = null;
        if (sys != null) {
            try {
                identity = sys.identity();
            } catch (RuntimeException e) {
                LOG.error("[{}] SystemDriver.identity() failed; booting with the configured vendor/model", id, e);
            }
        }
        if (identity == null) {
            identity = SystemIdentity.of(settings.vendor(), settings.model());
        }
        return new BootNotificationRequest(cut(identity.vendor(), 20), cut(identity.model(), 20),
                cut(identity.serialNumber(), 25), cut(identity.chargeBoxSerialNumber(), 25), cut(identity.firmwareVersion(), 50),
                cut(identity.iccid(), 20), cut(identity.imsi(), 20), cut(identity.meterType(), 25),
                cut(identity.meterSerialNumber(), 25));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private CompletionStage<BootNotificationResponse> sendBoot(BootNotificationRequest req) {
        cancel(bootTask);
        bootTask = null;
        bootInFlight = true;
        long gen = generation;
        CompletionStage<BootNotificationResponse> stage = session.call(req, settings.callTimeout());
        stage.whenComplete((resp, err) -> onBootResult(gen, resp, err));
        return stage;
    }

    private synchronized void onBootResult(long gen, BootNotificationResponse resp, Throwable err) {
        if (gen != generation || !running) {
            return;
        }
        bootInFlight = false;
        if (err != null) {
            Throwable cause = unwrap(err);
            if (cause instanceof ConnectionClosedException) {
                return; // booted again on the next connection
            }
            LOG.warn("[{}] BootNotification failed ({}); retrying in {} s", id, cause.toString(), settings.bootRetry().toSeconds());
            scheduleBoot(settings.bootRetry());
            return;
        }
        setClock(resp.currentTime());
        registration = resp.status();
        LOG.info("[{}] BootNotification {}: interval {} s", id, resp.status().value(), resp.interval());
        switch (resp.status()) {
            case ACCEPTED -> onAccepted(resp.interval());
            case PENDING, REJECTED -> scheduleBoot(resp.interval() > 0 ? Duration.ofSeconds(resp.interval()) : settings.bootRetry());
        }
    }

    private void scheduleBoot(Duration delay) {
        long gen = generation;
        cancel(bootTask);
        bootTask = svc.scheduler().schedule(() -> {
            synchronized (this) {
                if (gen == generation && running && registration != RegistrationStatus.ACCEPTED) {
                    boot();
                }
            }
        }, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void onAccepted(int interval) {
        bootCount++;
        boolean first = !bootAcceptedThisRun;
        bootAcceptedThisRun = true;
        if (interval > 0 && interval != config.intValue(ConfigurationRegistry.HEARTBEAT_INTERVAL, -1)) {
            config.set(ConfigurationRegistry.HEARTBEAT_INTERVAL, Integer.toString(interval)); // reschedules
        }
        scheduleHeartbeat();
        // fresh statuses of the charge point and every connector replace whatever was pending
        pendingStatus.clear();
        backlog = false;
        for (Connector c : connectors) {
            c.reportNow();
        }
        flushPendingOther();
        if (first) {
            for (TxRecord tx : powerLoss) {
                queueStop(tx, Reason.POWER_LOSS, null, tx.lastWh, null);
                transactions.remove(Integer.toString(tx.connectorId));
                LOG.warn("[{}] transaction on connector {} (started {}) was cut off by a power loss: stopped, meterStop {} Wh",
                        id, tx.connectorId, tx.start, Math.round(tx.lastWh));
            }
            powerLoss.clear();
        }
        scheduleClockAligned();
        txQueue.pump();
    }

    private void setClock(Instant csmsTime) {
        if (csmsTime != null) {
            clockOffset = Duration.between(svc.clock().instant(), csmsTime);
        }
    }

    private void scheduleHeartbeat() {
        cancel(heartbeatTask);
        heartbeatTask = null;
        int interval = config.intValue(ConfigurationRegistry.HEARTBEAT_INTERVAL, settings.heartbeatIntervalDefault());
        if (interval <= 0 || !canSend()) {
            return;
        }
        long gen = generation;
        heartbeatTask = svc.scheduler().scheduleAtFixedRate(() -> heartbeat(gen), interval, interval, TimeUnit.SECONDS);
    }

    private synchronized void heartbeat(long gen) {
        if (gen != generation || !canSend()) {
            return;
        }
        session.call(new HeartbeatRequest(), settings.callTimeout()).whenComplete((HeartbeatResponse r, Throwable e) -> {
            if (r != null) {
                setClock(r.currentTime());
            } else {
                LOG.debug("[{}] heartbeat failed: {}", id, e.toString());
            }
        });
    }

    // =====================================================================================================
    // outbound: IMMEDIATE, BEST_EFFORT, TRANSACTIONAL (durable queue)
    // =====================================================================================================

    @Override
    @SuppressWarnings("unchecked")
    public <R extends Response> CompletionStage<R> send(Request<R> request, Delivery delivery) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(delivery, "delivery");
        synchronized (this) {
            if (!running) {
                return CompletableFuture.failedFuture(new ConnectionClosedException("[" + id + "] station not running"));
            }
            if (request instanceof BootNotificationRequest boot) {
                if (!online()) {
                    return CompletableFuture.failedFuture(new ConnectionClosedException("[" + id + "] not connected"));
                }
                return (CompletionStage<R>) sendBoot(boot);
            }
            switch (delivery) {
                case IMMEDIATE -> {
                    if (!canSend()) {
                        return CompletableFuture.failedFuture(new ConnectionClosedException("[" + id + "] not connected or not accepted"));
                    }
                    return session.call(request, settings.callTimeout());
                }
                case BEST_EFFORT -> {
                    if (request instanceof StatusNotificationRequest sn) {
                        sendStatus(sn);
                    } else if (canSend() && !backlog) {
                        return session.call(request, settings.callTimeout());
                    } else if (pendingOther.size() < MAX_PENDING_BEST_EFFORT) {
                        pendingOther.add(request);
                    } else {
                        LOG.warn("[{}] best-effort queue full: {} dropped", id, request.action().wireName());
                    }
                    return CompletableFuture.completedFuture(null);
                }
                case TRANSACTIONAL -> {
                    return (CompletionStage<R>) txQueue.submit(request);
                }
                default -> throw new IllegalArgumentException("unknown delivery " + delivery);
            }
        }
    }

    private void onTransactionalResult(QueuedMessage msg, Response resp) {
        if (resp instanceof StartTransactionResponse start && msg.ref() != null) {
            onStartResult(msg.ref(), start);
        } else if (resp instanceof StopTransactionResponse stop && stop.idTagInfo() != null) {
            try {
                StopTransactionRequest req = codec.decodePayload(StopTransactionRequest.class, msg.json());
                if (req.idTag() != null) {
                    authorizer.learn(req.idTag(), stop.idTagInfo());
                }
            } catch (RuntimeException e) {
                LOG.debug("[{}] stop result not applied to the cache", id, e);
            }
        }
    }

    private void onStartResult(long ref, StartTransactionResponse resp) {
        int txId = resp.transactionId();
        txQueue.assignTransactionId(ref, txId);
        IdTagInfo info = resp.idTagInfo();
        for (Connector c : connectors) {
            TxRecord tx = c.tx;
            if (tx != null && tx.ref == ref) {
                tx.transactionId = txId;
                if (info.parentIdTag() != null) {
                    tx.parentIdTag = info.parentIdTag();
                }
                authorizer.learn(tx.idTag, info);
                c.persistTx();
                LOG.info("[{}] transaction {} on connector {} for {}: {}", id, txId, c.id, tx.idTag, info.status().value());
                if (info.status() != AuthorizationStatus.ACCEPTED) {
                    if (config.boolValue(ConfigurationRegistry.STOP_TRANSACTION_ON_INVALID_ID, true)) {
                        c.stopTransaction(Reason.DE_AUTHORIZED, null);
                    } else {
                        tx.suspended = true;
                        c.persistTx();
                        c.power(false);
                        c.evaluate();
                    }
                }
                return;
            }
        }
        LOG.info("[{}] local transaction {} got id {} after it ended", id, ref, txId);
    }

    // ---- status notifications (best effort, latest per connector wins)

    /**
     * Sends a status now when connected and no transactional message is waiting (so a StartTransaction or
     * StopTransaction always goes out before the status it causes); else keeps it, latest per connector, until
     * the queue is empty.
     */
    private void sendStatus(StatusNotificationRequest sn) {
        sendStatus(sn, false);
    }

    private void sendStatus(StatusNotificationRequest sn, boolean force) {
        if (canSend() && (force || (!backlog && txQueue.idle()))) {
            session.call(sn, settings.callTimeout()).whenComplete((r, e) -> {
                if (e != null) {
                    LOG.debug("[{}] StatusNotification {} not delivered: {}", id, sn.status().value(), e.toString());
                }
            });
        } else {
            if (!canSend() || backlog || pendingStatus.size() >= MAX_PENDING_BEST_EFFORT) {
                pendingStatus.removeIf(p -> p.connectorId() == sn.connectorId());
            }
            pendingStatus.add(sn);
        }
    }

    private void flushPendingStatus() {
        List<StatusNotificationRequest> list = new ArrayList<>(pendingStatus);
        pendingStatus.clear();
        list.forEach(this::sendStatus);
    }

    private void flushPendingOther() {
        if (!canSend()) {
            return;
        }
        List<Request<?>> list = new ArrayList<>(pendingOther);
        pendingOther.clear();
        for (Request<?> r : list) {
            session.call(r, settings.callTimeout());
        }
    }

    // =====================================================================================================
    // configuration
    // =====================================================================================================

    private String supportedProfiles() {
        TreeSet<Integer> order = new TreeSet<>();
        for (ServiceSet.Entry<FeatureProfileProvider> e : svc.profiles().all()) {
            try {
                order.add(e.service().profile().ordinal());
            } catch (RuntimeException ex) {
                LOG.warn("[{}] FeatureProfileProvider {} failed to name its profile", id, e.service(), ex);
            }
        }
        List<String> names = new ArrayList<>();
        for (int o : order) {
            names.add(FeatureProfile.values()[o].value());
        }
        return String.join(",", names);
    }

    private synchronized void refreshProfiles() {
        if (!running) {
            return;
        }
        Map<Object, Object> seen = new IdentityHashMap<>();
        for (ServiceSet.Entry<FeatureProfileProvider> e : svc.profiles().all()) {
            seen.put(e.service(), e.service());
            if (!profileKeys.containsKey(e.service())) {
                List<ConfigurationKey> keys;
                try {
                    keys = e.service().configurationKeys();
                } catch (RuntimeException ex) {
                    LOG.error("[{}] FeatureProfileProvider {} failed to list its keys", id, e.service(), ex);
                    keys = List.of();
                }
                config.addProvider(e.service(), keys == null ? List.of() : keys);
                profileKeys.put(e.service(), e.service());
            }
        }
        profileKeys.keySet().removeIf(p -> {
            if (!seen.containsKey(p)) {
                config.removeProvider(p);
                return true;
            }
            return false;
        });
        boolean sc = false;
        for (ServiceSet.Entry<FeatureProfileProvider> e : svc.profiles().all()) {
            try {
                sc |= e.service().profile() == FeatureProfile.SMART_CHARGING;
            } catch (RuntimeException ex) {
                // logged by supportedProfiles()
            }
        }
        limitsState.smartChargingPresent(sc);
    }

    private void onConfigChanged(String key, String value) {
        if (!running) {
            return;
        }
        long gen = generation;
        switch (key) {
            case ConfigurationRegistry.HEARTBEAT_INTERVAL -> scheduleHeartbeat();
            case ConfigurationRegistry.METER_VALUE_SAMPLE_INTERVAL -> {
                for (Connector c : connectors) {
                    c.scheduleSampling();
                }
            }
            case ConfigurationRegistry.CLOCK_ALIGNED_DATA_INTERVAL -> scheduleClockAligned();
            case ConfigurationRegistry.WEB_SOCKET_PING_INTERVAL -> {
                if (connection != null) {
                    connection.updatePingInterval(Duration.ofSeconds(Long.parseLong(value.trim())));
                }
            }
            case ConfigurationRegistry.AUTHORIZATION_KEY -> {
                if (config.securityProfile() == 1 || config.securityProfile() == 2) {
                    svc.scheduler().execute(() -> reconnect(gen));
                }
            }
            default -> {
            }
        }
    }

    // =====================================================================================================
    // drivers
    // =====================================================================================================

    private boolean forThisStation(ServiceSet.Entry<?> e) {
        return DriverFilter.forStation(id, e.properties());
    }

    private boolean forConnector(ServiceSet.Entry<?> e, int connectorId) {
        return forThisStation(e) && Integer.valueOf(connectorId).equals(e.integer(DriverProperties.CONNECTOR));
    }

    private synchronized void refreshDrivers() {
        if (!running) {
            return;
        }
        for (int i = 1; i < connectors.length; i++) {
            int cid = i;
            Connector c = connectors[i];
            ServiceSet.Entry<EvseDriver> evse = svc.evses().best(e -> forConnector(e, cid));
            ServiceSet.Entry<MeterDriver> meter = svc.meters().best(e -> forConnector(e, cid));
            ServiceSet.Entry<ConnectorLockDriver> lock = svc.locks().best(e -> forConnector(e, cid));
            MeterDriver newMeter = meter == null ? null : meter.service();
            if (newMeter != c.meter) {
                c.meter = newMeter;
                if (c.meterFailed) {
                    c.meterFailed = false;
                    c.meterFailureInfo = null;
                    c.evaluate();
                }
            }
            c.lock = lock == null ? null : lock.service();
            EvseDriver wanted = evse == null ? null : evse.service();
            if (wanted != c.evse) {
                c.attach(wanted);
            }
        }
        Map<TokenReader, Boolean> wantedReaders = new IdentityHashMap<>();
        for (ServiceSet.Entry<TokenReader> e : svc.readers().matching(this::forThisStation)) {
            Integer hint = e.integer(DriverProperties.CONNECTOR);
            wantedReaders.put(e.service(), Boolean.TRUE);
            if (!attachedReaders.containsKey(e.service())) {
                int connectorHint = hint == null ? 0 : hint;
                long gen = generation;
                TokenSink sink = (idTag, connectorId) -> onToken(gen, idTag, connectorId > 0 ? connectorId : connectorHint);
                attachedReaders.put(e.service(), sink);
                safely("attach token reader", () -> e.service().attach(sink));
            }
        }
        attachedReaders.keySet().removeIf(r -> {
            if (!wantedReaders.containsKey(r)) {
                safely("detach token reader", r::detach);
                return true;
            }
            return false;
        });
        refreshPowerSink();
        if (registration == null && !bootInFlight && online() && bootTask != null
                && svc.systems().best(this::forThisStation) != null) {
            boot(); // the SystemDriver we waited for arrived
        }
    }

    private void safely(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("[{}] {} failed", id, what, e);
        }
    }

    // =====================================================================================================
    // mains power (SystemDriver power-fail signal)
    // =====================================================================================================

    /** Attaches the power sink to the best SystemDriver; a driver that went away ends backup operation. */
    private void refreshPowerSink() {
        ServiceSet.Entry<SystemDriver> e = svc.systems() == null ? null : svc.systems().best(this::forThisStation);
        SystemDriver wanted = e == null ? null : e.service();
        if (wanted == powerDriver) {
            return;
        }
        detachPowerSink();
        PowerSinkImpl s = null;
        if (wanted != null) {
            // attached before backup operation is left: a replacement on backup reports mainsLost at attach (SPI), so
            // the connectors do not flap Available and back
            PowerSinkImpl sink = new PowerSinkImpl(generation);
            s = sink;
            powerDriver = wanted;
            powerSink = sink;
            safely("SystemDriver.attachPower", () -> wanted.attachPower(sink));
        }
        if (onBackup && (s == null || !s.lostReported)) {
            // nobody can tell us any more that mains is back: do not keep the connectors out of service for good
            LOG.warn("[{}] power-fail signal gone with its SystemDriver while on backup power{}: leaving backup operation", id,
                    s == null ? "" : " (its replacement reports no mains loss)");
            leaveBackup();
        }
    }

    private void detachPowerSink() {
        SystemDriver old = powerDriver;
        powerDriver = null;
        powerSink = null;
        if (old != null) {
            safely("SystemDriver.detachPower", old::detachPower);
        }
    }

    /**
     * Mains lost, on backup power (OCPP 1.6 TC_032_1): every transaction is stopped at once with reason PowerLoss
     * (StopTransaction in the durable queue: sent now when online, kept if the backup runs out first), contactors
     * opened, EVSEs disabled, waiting authorizations dropped, every connector Unavailable; no start until restored.
     */
    private void onMainsLost(Duration backupTime) {
        if (onBackup) {
            return;
        }
        onBackup = true;
        int open = 0;
        for (int i = 1; i < connectors.length; i++) {
            open += connectors[i].tx != null ? 1 : 0;
        }
        LOG.warn("[{}] mains power lost, on backup power ({}): stopping {} transaction(s) with reason PowerLoss, "
                + "no new transaction until mains is back", id,
                backupTime == null ? "duration unknown" : "about " + backupTime.toSeconds() + " s", open);
        for (int i = 1; i < connectors.length; i++) {
            Connector c = connectors[i];
            if (c.tx != null) {
                c.stopTransaction(Reason.POWER_LOSS, null);
            }
        }
        for (int i = 1; i < connectors.length; i++) {
            Connector c = connectors[i];
            c.clearAuthorization();
            c.power(false);
            c.applyEnabled();
            c.evaluate();
        }
        connectors[0].evaluate();
    }

    private void onMainsRestored() {
        if (!onBackup) {
            return;
        }
        LOG.info("[{}] mains power restored: connectors back in service", id);
        leaveBackup();
    }

    private void leaveBackup() {
        onBackup = false;
        for (int i = 1; i < connectors.length; i++) {
            connectors[i].applyEnabled();
            connectors[i].evaluate();
        }
        connectors[0].evaluate();
    }

    // =====================================================================================================
    // authorization
    // =====================================================================================================

    /** A token was presented at a reader. */
    private void onToken(long gen, String idTag, int connectorHint) {
        CompletionStage<IdTagInfo> authorization;
        synchronized (this) {
            if (gen != generation || !running || idTag == null || idTag.isEmpty()) {
                return;
            }
            LOG.info("[{}] idTag {} presented (connector {})", id, idTag, connectorHint);
            // the same idTag stops its transaction
            for (int i = 1; i < connectors.length; i++) {
                TxRecord tx = connectors[i].tx;
                if (tx != null && tx.idTag.equalsIgnoreCase(idTag) && (connectorHint == 0 || connectorHint == i)) {
                    connectors[i].stopTransaction(Reason.LOCAL, idTag);
                    return;
                }
            }
            // a pending authorization of the same idTag is cancelled by presenting it again
            for (int i = 1; i < connectors.length; i++) {
                Connector c = connectors[i];
                if (c.authorized != null && c.authorized.idTag().equalsIgnoreCase(idTag)) {
                    c.clearAuthorization();
                    c.evaluate();
                    return;
                }
            }
            if (onBackup) {
                // no transaction can start on backup power: do not ask the CSMS to authorize one
                LOG.info("[{}] idTag {} ignored: on backup power, no new transaction until mains is back", id, idTag);
                return;
            }
            // a card held on the reader or tapped twice: the read after the one that stopped does not restart (F2)
            for (int i = 1; i < connectors.length; i++) {
                if ((connectorHint == 0 || connectorHint == i) && connectors[i].inRestartHoldOff(idTag)) {
                    LOG.info("[{}] idTag {} read again on connector {} within {} s of the stop it caused: ignored "
                            + "(restartHoldOffSeconds)", id, idTag, i, settings.restartHoldOff().toSeconds());
                    return;
                }
            }
            // the local lookups under the lock, after the generation check: a Reset's stop() closes the store
            authorization = authorizeSafely(idTag);
        }
        authorization.whenComplete((info, err) -> {
            synchronized (this) {
                if (gen != generation || !running) {
                    return;
                }
                IdTagInfo result = info != null ? info : new IdTagInfo(AuthorizationStatus.INVALID);
                // parentIdTag rule: a different idTag of the same group stops the transaction
                if (result.parentIdTag() != null) {
                    for (int i = 1; i < connectors.length; i++) {
                        TxRecord tx = connectors[i].tx;
                        if (tx != null && result.parentIdTag().equals(tx.parentIdTag) && (connectorHint == 0 || connectorHint == i)) {
                            connectors[i].stopTransaction(Reason.LOCAL, idTag);
                            return;
                        }
                    }
                }
                if (result.status() != AuthorizationStatus.ACCEPTED) {
                    LOG.info("[{}] idTag {} not authorized: {}", id, idTag, result.status().value());
                    return;
                }
                Connector target = pickConnector(connectorHint, idTag, result.parentIdTag());
                if (target == null) {
                    LOG.info("[{}] idTag {} authorized but no connector can start", id, idTag);
                    return;
                }
                target.begin(new Authorized(idTag, result, null, null));
            }
        });
    }

    /**
     * {@link Authorizer#authorize}, called with the lock held while running; a failure of the local lookups (the store)
     * is logged and the idTag is not authorized: no exception reaches the driver or handler thread.
     */
    private CompletionStage<IdTagInfo> authorizeSafely(String idTag) {
        try {
            return authorizer.authorize(idTag);
        } catch (RuntimeException e) {
            LOG.warn("[{}] authorizing idTag {} failed, not authorized: {}", id, idTag, e.toString());
            return CompletableFuture.completedFuture(new IdTagInfo(AuthorizationStatus.INVALID));
        }
    }

    private Connector pickConnector(int hint, String idTag, String parent) {
        if (hint > 0) {
            Connector c = hint < connectors.length ? connectors[hint] : null;
            return c != null && c.canStart(idTag, parent) ? c : null;
        }
        Connector plugged = null;
        Connector free = null;
        Connector finished = null;
        for (int i = 1; i < connectors.length; i++) {
            Connector c = connectors[i];
            if (!c.canStart(idTag, parent)) {
                continue; // also another user's Finishing connector (canStart: F2 only for the stopped session's user)
            }
            if (c.finishing) {
                // F2 restart (EV still plugged in): the idTag of the stopped session first; one of its group only
                // when no other connector can take it
                if (idTag.equalsIgnoreCase(c.finishedIdTag)) {
                    return c;
                }
                if (finished == null) {
                    finished = c;
                }
            } else if (c.pilot.vehicleConnected()) {
                if (plugged == null) {
                    plugged = c; // plugged in first
                }
            } else if (free == null) {
                free = c;
            }
        }
        return plugged != null ? plugged : free != null ? free : finished;
    }

    /** An idTag authorized to start, waiting for (or just given) a vehicle. */
    record Authorized(String idTag, IdTagInfo info, ChargingProfile profile, Integer reservationId) {
    }

    // =====================================================================================================
    // metering
    // =====================================================================================================

    /** Schedules the next clock-aligned sample (ClockAlignedDataInterval), see {@link MeterSampler}. */
    private void scheduleClockAligned() {
        meterSampler.scheduleClockAligned();
    }

    // =====================================================================================================
    // Station API
    // =====================================================================================================

    @Override
    public String chargePointId() {
        return id;
    }

    @Override
    public Instant now() {
        return svc.clock().instant().plus(clockOffset);
    }

    @Override
    public int connectorCount() {
        return settings.connectors();
    }

    @Override
    public synchronized ConnectorState connector(int connectorId) {
        if (connectorId < 0 || connectorId > settings.connectors()) {
            throw new IllegalArgumentException("no connector " + connectorId + " (1.." + settings.connectors() + ")");
        }
        if (!running || connectors.length == 0) {
            return new ConnectorState(connectorId, ChargePointStatus.UNAVAILABLE, ChargePointErrorCode.NO_ERROR, null, null, null, false);
        }
        Connector c = connectors[connectorId];
        Connector.Status s = c.compute();
        TxRecord tx = c.tx;
        return new ConnectorState(connectorId, s.status(), s.errorCode(), s.vendorErrorCode(),
                tx == null ? null : tx.transactionId, tx == null ? null : tx.idTag,
                connectorId == 0 ? cpOperative : cpOperative && c.operativeWanted);
    }

    @Override
    public synchronized ConfigurationSnapshot configuration(Collection<String> keys) {
        requireRunning();
        return config.snapshot(keys);
    }

    @Override
    public synchronized ConfigurationStatus changeConfiguration(String key, String value) {
        if (!running) {
            return ConfigurationStatus.REJECTED;
        }
        return config.change(key, value);
    }

    @Override
    public synchronized AvailabilityStatus changeAvailability(int connectorId, AvailabilityType type) {
        if (!running || connectorId < 0 || connectorId > settings.connectors() || type == null) {
            return AvailabilityStatus.REJECTED;
        }
        boolean op = type == AvailabilityType.OPERATIVE;
        String value = op ? "Operative" : "Inoperative";
        boolean scheduled = false;
        Map<String, String> changes = new LinkedHashMap<>();
        if (connectorId == 0) {
            changes.put("0", value);
            for (int i = 1; i < connectors.length; i++) {
                changes.put(Integer.toString(i), value);
            }
        } else {
            changes.put(Integer.toString(connectorId), value);
            if (op && !cpOperative) {
                changes.put("0", "Operative");
            }
        }
        availability.putAll(changes);
        if (changes.containsKey("0")) {
            cpOperative = "Operative".equals(changes.get("0"));
        }
        for (int i = 1; i < connectors.length; i++) {
            if (changes.containsKey(Integer.toString(i))) {
                Connector c = connectors[i];
                c.operativeWanted = op;
                if (c.tx != null && !op) {
                    scheduled = true;
                } else {
                    c.applyEnabled();
                }
                c.evaluate();
            }
        }
        connectors[0].evaluate();
        LOG.info("[{}] ChangeAvailability {} {}: {}", id, connectorId, type.value(), scheduled ? "Scheduled" : "Accepted");
        return scheduled ? AvailabilityStatus.SCHEDULED : AvailabilityStatus.ACCEPTED;
    }

    @Override
    public RemoteStartStopStatus remoteStart(String idTag, Integer connectorId, ChargingProfile chargingProfile) {
        long gen;
        Connector target;
        boolean authorizeFirst;
        CompletionStage<IdTagInfo> authorization;
        synchronized (this) {
            if (!running || idTag == null || idTag.isEmpty()) {
                return RemoteStartStopStatus.REJECTED;
            }
            if (chargingProfile != null && chargingProfile.chargingProfilePurpose() != ChargingProfilePurposeType.TX_PROFILE) {
                LOG.info("[{}] RemoteStart with a {} charging profile: Rejected (only TxProfile, OCPP 1.6 5.11)", id,
                        chargingProfile.chargingProfilePurpose().value());
                return RemoteStartStopStatus.REJECTED;
            }
            if (connectorId != null && (connectorId <= 0 || connectorId > settings.connectors())) {
                LOG.info("[{}] RemoteStart on connector {}: Rejected", id, connectorId);
                return RemoteStartStopStatus.REJECTED;
            }
            String knownParent = authorizer.localParent(idTag);
            target = connectorId != null ? connectors[connectorId] : pickConnector(0, idTag, knownParent);
            boolean learnParent = false;
            if (target == null || !target.canStart(idTag, knownParent)) {
                // reserved for a parentIdTag: Authorize tells the parent of idTag, then canStart is checked again
                Connector candidate = knownParent == null ? parentReservedConnector(connectorId, idTag) : null;
                if (candidate == null) {
                    LOG.info("[{}] RemoteStart for {} on connector {}: Rejected (not available)", id, idTag, connectorId);
                    return RemoteStartStopStatus.REJECTED;
                }
                target = candidate;
                learnParent = true;
            }
            authorizeFirst = learnParent || config.boolValue(ConfigurationRegistry.AUTHORIZE_REMOTE_TX_REQUESTS, true);
            gen = generation;
            if (!authorizeFirst) {
                target.begin(new Authorized(idTag, new IdTagInfo(null, knownParent, AuthorizationStatus.ACCEPTED),
                        chargingProfile, null));
                return RemoteStartStopStatus.ACCEPTED;
            }
            target.authorizing = true;
            target.evaluate();
            authorization = authorizeSafely(idTag);
        }
        Connector c = target;
        authorization.whenComplete((info, err) -> {
            synchronized (this) {
                if (gen != generation || !running) {
                    return;
                }
                c.authorizing = false;
                if (info != null && info.status() == AuthorizationStatus.ACCEPTED && c.canStart(idTag, info.parentIdTag())) {
                    c.begin(new Authorized(idTag, info, chargingProfile, null));
                } else {
                    LOG.info("[{}] remote start for {} not authorized: {}", id, idTag, info == null ? err : info.status().value());
                    c.evaluate();
                }
            }
        });
        return RemoteStartStopStatus.ACCEPTED;
    }

    /**
     * A connector ({@code connectorId}, or any when null) that {@code idTag} could use if its parentIdTag turned out
     * to be the one its reservation (or the charge point reservation) names; or null.
     */
    private Connector parentReservedConnector(Integer connectorId, String idTag) {
        for (int i = 1; i < connectors.length; i++) {
            if (connectorId != null && connectorId != i) {
                continue;
            }
            Connector c = connectors[i];
            String parent = c.reservationParent();
            if (parent != null && c.canStart(idTag, parent)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public synchronized RemoteStartStopStatus remoteStop(int transactionId) {
        if (running) {
            for (int i = 1; i < connectors.length; i++) {
                TxRecord tx = connectors[i].tx;
                if (tx != null && tx.transactionId != null && tx.transactionId == transactionId) {
                    connectors[i].stopTransaction(Reason.REMOTE, null);
                    return RemoteStartStopStatus.ACCEPTED;
                }
            }
        }
        LOG.info("[{}] RemoteStop {}: no such transaction, Rejected", id, transactionId);
        return RemoteStartStopStatus.REJECTED;
    }

    @Override
    public synchronized ResetStatus reset(ResetType type) {
        if (!running || type == null) {
            return ResetStatus.REJECTED;
        }
        Reason reason = type == ResetType.HARD ? Reason.HARD_RESET : Reason.SOFT_RESET;
        for (int i = 1; i < connectors.length; i++) {
            if (connectors[i].tx != null) {
                connectors[i].stopTransaction(reason, null);
            }
        }
        long gen = generation;
        long deadline = System.nanoTime() + settings.callTimeout().toNanos();
        LOG.info("[{}] {} reset: transactions stopped, restarting once the queue is flushed", id, type.value());
        svc.scheduler().schedule(() -> resetWhenFlushed(gen, type, deadline), 50, TimeUnit.MILLISECONDS);
        return ResetStatus.ACCEPTED;
    }

    private void resetWhenFlushed(long gen, ResetType type, long deadline) {
        SystemDriver sys;
        int retries;
        synchronized (this) {
            if (gen != generation || !running) {
                return;
            }
            if (canSend() && txQueue.size() > 0 && System.nanoTime() < deadline) {
                svc.scheduler().schedule(() -> resetWhenFlushed(gen, type, deadline), 100, TimeUnit.MILLISECONDS);
                return;
            }
            ServiceSet.Entry<SystemDriver> e = svc.systems().best(this::forThisStation);
            sys = e == null ? null : e.service();
            retries = Math.min(MAX_RESET_RETRIES, Math.max(0, config.intValue(ConfigurationRegistry.RESET_RETRIES, 1)));
        }
        long stopped = stopGeneration();
        if (type == ResetType.HARD && sys != null) {
            hardReset(stopped, sys, 1, retries);
        } else {
            restartAfterReset(stopped);
        }
    }

    /**
     * Attempt {@code attempt} (1 = the first) of {@code SystemDriver.reset(HARD)} while the station is stopped for a
     * Hard reset. A driver that throws is retried up to {@code retries} (ResetRetries) times, each after
     * {@code resetRetryDelaySeconds} on the scheduler; after a success, or when every attempt failed, the station starts
     * again (connect, boot, fresh statuses).
     */
    private void hardReset(long stopped, SystemDriver sys, int attempt, int retries) {
        try {
            sys.reset(ResetKind.HARD);
        } catch (RuntimeException e) {
            int attempts = retries + 1;
            if (attempt < attempts) {
                LOG.warn("[{}] SystemDriver.reset(HARD) failed (attempt {} of {}), retrying in {} s", id, attempt, attempts,
                        settings.resetRetryDelay().toSeconds(), e);
                svc.scheduler().schedule(() -> retryHardReset(stopped, attempt + 1, retries),
                        settings.resetRetryDelay().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            LOG.error("[{}] Hard reset failed: SystemDriver.reset(HARD) failed on all {} attempt(s) (1 + {} retries, key "
                    + "ResetRetries, at most {}); the charge point was NOT rebooted and the station starts again without it. "
                    + "Check the controller and its driver {}, then send Reset again", id, attempts, retries, MAX_RESET_RETRIES,
                    sys.getClass().getName(), e);
        }
        restartAfterReset(stopped);
    }

    /** The next attempt of {@link #hardReset}, with the SystemDriver bound now; abandoned when the station was started or stopped meanwhile. */
    private void retryHardReset(long stopped, int attempt, int retries) {
        SystemDriver sys;
        synchronized (this) {
            if (running || generation != stopped) {
                LOG.info("[{}] Hard reset attempt {} abandoned: the station was started or stopped meanwhile", id, attempt);
                return;
            }
            ServiceSet.Entry<SystemDriver> e = svc.systems().best(this::forThisStation);
            sys = e == null ? null : e.service();
        }
        if (sys == null) {
            LOG.error("[{}] Hard reset failed: no SystemDriver for attempt {}; the charge point was NOT rebooted and the station "
                    + "starts again without it", id, attempt);
            restartAfterReset(stopped);
            return;
        }
        hardReset(stopped, sys, attempt, retries);
    }

    /** Starts the station again after a reset, unless it was started or stopped meanwhile (component deactivated). */
    private void restartAfterReset(long stopped) {
        synchronized (this) {
            if (running || generation != stopped) {
                LOG.info("[{}] no restart after the reset: the station was started or stopped meanwhile", id);
                return;
            }
            try {
                start(); // under the same lock as the check: a deactivate (stop) cannot land in between
            } catch (RuntimeException e) {
                LOG.error("[{}] restart after reset failed", id, e);
            }
        }
    }

    @Override
    public synchronized UnlockStatus unlock(int connectorId) {
        if (!running || connectorId <= 0 || connectorId > settings.connectors()) {
            return UnlockStatus.NOT_SUPPORTED;
        }
        Connector c = connectors[connectorId];
        if (c.lock == null || (c.caps != null && c.caps.fixedCable())) {
            return UnlockStatus.NOT_SUPPORTED;
        }
        if (c.tx != null) {
            c.stopTransaction(Reason.UNLOCK_COMMAND, null);
        }
        return switch (c.unlockCable()) {
            case UNLOCKED -> UnlockStatus.UNLOCKED;
            case UNLOCK_FAILED -> UnlockStatus.UNLOCK_FAILED;
            case NOT_SUPPORTED -> UnlockStatus.NOT_SUPPORTED;
        };
    }

    @Override
    public synchronized boolean clearAuthorizationCache() {
        if (!running || !authorizer.cacheEnabled()) {
            return false;
        }
        authorizer.clearCache();
        return true;
    }

    @Override
    public synchronized int localListVersion() {
        requireRunning();
        return authorizer.localListVersion();
    }

    @Override
    public synchronized UpdateStatus sendLocalList(int listVersion, UpdateType updateType, List<AuthorizationData> entries) {
        if (!running || updateType == null) {
            return UpdateStatus.FAILED;
        }
        return authorizer.sendLocalList(listVersion, updateType, entries);
    }

    @Override
    public synchronized ReservationStatus reserve(Reservation r) {
        Objects.requireNonNull(r, "reservation");
        if (!running) {
            return ReservationStatus.REJECTED;
        }
        return reservationBook.reserve(r);
    }

    @Override
    public synchronized CancelReservationStatus cancelReservation(int reservationId) {
        if (running && reservationBook.cancelReservation(reservationId)) {
            return CancelReservationStatus.ACCEPTED;
        }
        return CancelReservationStatus.REJECTED;
    }

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException("station " + id + " is not running");
        }
    }

    @Override
    public synchronized StationStatus status() {
        List<ConnectorState> cs = new ArrayList<>();
        for (int i = 0; i <= settings.connectors(); i++) {
            cs.add(connector(i));
        }
        List<StationStatus.Transaction> txs = new ArrayList<>();
        if (running) {
            for (int i = 1; i < connectors.length; i++) {
                Connector c = connectors[i];
                TxRecord t = c.tx;
                if (t != null) {
                    txs.add(new StationStatus.Transaction(i, t.transactionId, t.idTag, t.start, t.meterStart,
                            (int) Math.round(Math.max(t.lastWh, c.lastWh))));
                }
            }
        }
        return new StationStatus(id, running && online() && !linkBroken, running ? registration : null,
                running ? txQueue.size() : 0, cs, txs, bootCount);
    }

    @Override
    public ChargingLimits chargingLimits() {
        return limitsState.view();
    }

    /** Whether limits are held now because the smart charging profile went away (tests, diagnostics). */
    synchronized boolean holdingLimits() {
        return limitsState.holdingLimits();
    }

    @Override
    public ProfileState profileState(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be blank");
        }
        return new StoredProfileState(namespace);
    }

    /** The store map of a profile namespace in the running generation; throws when the station is not running. */
    private DurableMap profileMap(String namespace) {
        requireRunning();
        return profileMaps.computeIfAbsent(namespace, n -> store.map("profile." + n));
    }

    /**
     * {@link ProfileState} over the store map {@code profile.<namespace>}. Resolves the map on every call, so a handle
     * kept across a Reset (store closed and reopened) keeps working; throws {@link IllegalStateException} while the
     * station is stopped.
     */
    private final class StoredProfileState implements ProfileState {
        private final String namespace;

        StoredProfileState(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public Optional<String> get(String key) {
            Objects.requireNonNull(key, "key");
            synchronized (StationRuntime.this) {
                return profileMap(namespace).get(key);
            }
        }

        @Override
        public void put(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            synchronized (StationRuntime.this) {
                profileMap(namespace).put(key, value);
            }
        }

        @Override
        public boolean remove(String key) {
            Objects.requireNonNull(key, "key");
            synchronized (StationRuntime.this) {
                return profileMap(namespace).remove(key);
            }
        }

        @Override
        public Map<String, String> snapshot() {
            synchronized (StationRuntime.this) {
                return profileMap(namespace).snapshot();
            }
        }

        @Override
        public String toString() {
            return "ProfileState[" + id + "/" + namespace + "]";
        }
    }

    @Override
    public synchronized TriggerMessageStatus trigger(MessageTrigger message, Integer connectorId) {
        if (!running || message == null) {
            return TriggerMessageStatus.REJECTED;
        }
        if (connectorId != null && (connectorId < 0 || connectorId > settings.connectors())) {
            LOG.info("[{}] TriggerMessage {} for connector {}: Rejected (no such connector)", id, message.value(), connectorId);
            return TriggerMessageStatus.REJECTED;
        }
        long gen = generation;
        svc.scheduler().schedule(() -> triggered(gen, message, connectorId), TRIGGER_DELAY_MS, TimeUnit.MILLISECONDS);
        LOG.info("[{}] TriggerMessage {}{}: Accepted", id, message.value(), connectorId == null ? "" : " for connector " + connectorId);
        return TriggerMessageStatus.ACCEPTED;
    }

    /** Sends a triggered message (after the TriggerMessage reply). */
    private synchronized void triggered(long gen, MessageTrigger message, Integer connectorId) {
        if (gen != generation || !running) {
            return;
        }
        switch (message) {
            case BOOT_NOTIFICATION -> {
                if (online() && !bootInFlight) {
                    ServiceSet.Entry<SystemDriver> sys = svc.systems().best(this::forThisStation);
                    sendBoot(bootRequest(sys == null ? null : sys.service())); // the answer is handled like any boot's
                } else {
                    LOG.info("[{}] triggered BootNotification not sent: {}", id, online() ? "one is in flight" : "offline");
                }
            }
            case DIAGNOSTICS_STATUS_NOTIFICATION -> {
                DiagnosticsStatus ds = jobStatus("diagnosticsStatus", DiagnosticsStatus::fromValue, DiagnosticsStatus.IDLE);
                sendTriggered(new DiagnosticsStatusNotificationRequest(ds));
            }
            case FIRMWARE_STATUS_NOTIFICATION -> {
                FirmwareStatus fs = jobStatus("firmwareStatus", FirmwareStatus::fromValue, FirmwareStatus.IDLE);
                sendTriggered(new FirmwareStatusNotificationRequest(fs));
            }
            case HEARTBEAT -> heartbeat(gen);
            case METER_VALUES -> {
                for (int i = 1; i < connectors.length; i++) {
                    if (connectorId == null || connectorId == 0 || connectorId == i) {
                        connectors[i].sampleTriggered();
                    }
                }
            }
            case STATUS_NOTIFICATION -> {
                for (Connector c : connectors) {
                    if (connectorId == null || connectorId == c.id) {
                        c.reportNow();
                    }
                }
            }
        }
    }

    /**
     * The status of a running firmware / diagnostics job as the firmware profile keeps it in
     * {@code profileState("firmware")} (wire value under {@code key}, removed when the job ends); {@code idle} without
     * a job or for a value that is not a status.
     */
    private <T> T jobStatus(String key, Function<String, T> parse, T idle) {
        String v = profileMap("firmware").get(key).orElse(null);
        if (v == null) {
            return idle;
        }
        T status = parse.apply(v);
        if (status == null) {
            LOG.warn("[{}] profileState(firmware) {}=\"{}\" is not a status: Idle reported", id, key, v);
            return idle;
        }
        return status;
    }

    private void sendTriggered(Request<?> request) {
        if (!canSend()) {
            LOG.info("[{}] triggered {} not sent: not connected or not accepted", id, request.action().wireName());
            return;
        }
        session.call(request, settings.callTimeout()).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debug("[{}] triggered {} not delivered: {}", id, request.action().wireName(), e.toString());
            }
        });
    }

    // ---- diagnostics (tests, logs)

    /** A one-line summary for operators. */
    public synchronized String summary() {
        if (!running) {
            return id + ": stopped";
        }
        return id + ": " + (online() ? "connected" : "offline") + ", registration "
                + (registration == null ? "none" : registration.value()) + ", queue " + txQueue.size()
                + ", connectors " + settings.connectors() + ", handlers " + dispatcher.actions().size()
                + ", profiles [" + supportedProfiles() + "]";
    }

    /** The queued transactional messages (action and size), oldest first. */
    public synchronized List<String> queueSummary() {
        List<String> out = new ArrayList<>();
        if (running) {
            txQueue.summarize(out);
        }
        return out;
    }

    /** For tests: whether a failed transaction message waits for its scheduled retry. */
    synchronized boolean queueRetryPending() {
        return running && txQueue.retryPending();
    }

    /** What the authorization cache holds for {@code idTag} now (expiry applied), or null. */
    synchronized IdTagInfo cachedAuthorization(String idTag) {
        return running ? authorizer.peekCached(idTag) : null;
    }

    /** The registration state now (null before the first answer). */
    synchronized RegistrationStatus registration() {
        return registration;
    }

    // =====================================================================================================
    // helpers
    // =====================================================================================================

    static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void notifyListeners(java.util.function.Consumer<TransactionListener> call) {
        if (svc.transactionListeners() == null) {
            return;
        }
        for (ServiceSet.Entry<TransactionListener> e : svc.transactionListeners().all()) {
            svc.scheduler().execute(() -> {
                try {
                    call.accept(e.service());
                } catch (RuntimeException ex) {
                    LOG.error("[{}] TransactionListener {} failed", id, e.service(), ex);
                }
            });
        }
    }

    private StopTransactionRequest queueStop(TxRecord tx, Reason reason, String stopIdTag, double meterStopWh, MeterValue endSample) {
        // StopTxnSampledData (Transaction.Begin, Sample.Periodic) and StopTxnAlignedData (Sample.Clock) in
        // chronological order, Transaction.End last
        List<MeterValue> data = new ArrayList<>();
        for (String json : tx.sampled) {
            data.add(codec.decodePayload(MeterValue.class, json));
        }
        for (String json : tx.aligned) {
            data.add(codec.decodePayload(MeterValue.class, json));
        }
        data.sort(Comparator.comparing(MeterValue::timestamp));
        if (endSample != null) {
            data.add(endSample);
        }
        StopTransactionRequest req = new StopTransactionRequest(stopIdTag, (int) Math.round(meterStopWh), now(),
                tx.transactionId == null ? 0 : tx.transactionId, reason, data.isEmpty() ? null : data);
        txQueue.enqueue(req, tx.transactionId == null ? tx.ref : null);
        return req;
    }

    // =====================================================================================================
    // the handle of the extracted parts (Connector, TransactionQueue, Authorizer, Reservations, ChargingLimitsState,
    // MeterSampler)
    // =====================================================================================================

    /**
     * The runtime as its {@link Connector}s, its {@link TransactionQueue}, its {@link Authorizer}, its
     * {@link Reservations}, its {@link ChargingLimitsState} and its {@link MeterSampler} see it; called with the
     * runtime's monitor held.
     */
    private final class Handle implements Connector.Host, TransactionQueue.Host, Authorizer.Host, Reservations.Host,
            ChargingLimitsState.Host, MeterSampler.Host {
        @Override
        public Object lock() {
            return StationRuntime.this;
        }

        @Override
        public Station station() {
            return StationRuntime.this;
        }

        @Override
        public String stationId() {
            return id;
        }

        @Override
        public StationSettings settings() {
            return settings;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return svc.scheduler();
        }

        @Override
        public Clock clock() {
            return svc.clock();
        }

        @Override
        public OcppCodec codec() {
            return codec;
        }

        @Override
        public long generation() {
            return generation;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public ConfigurationRegistry config() {
            return config;
        }

        @Override
        public boolean cpOperative() {
            return cpOperative;
        }

        @Override
        public boolean onBackup() {
            return onBackup;
        }

        @Override
        public Reservation cpReservation() {
            return reservationBook.cpReservation();
        }

        @Override
        public Connector[] connectors() {
            return connectors;
        }

        @Override
        public long nextTransactionRef() {
            return store.nextSequence("tx");
        }

        @Override
        public DurableMap transactions() {
            return transactions;
        }

        @Override
        public long enqueue(Request<?> request, Long ref) {
            return txQueue.enqueue(request, ref);
        }

        @Override
        public void pump() {
            txQueue.pump();
        }

        @Override
        public StopTransactionRequest queueStop(TxRecord tx, Reason reason, String stopIdTag, double meterStopWh,
                                                MeterValue endSample) {
            return StationRuntime.this.queueStop(tx, reason, stopIdTag, meterStopWh, endSample);
        }

        @Override
        public boolean cancelReservation(int reservationId) {
            return reservationBook.cancelReservation(reservationId);
        }

        @Override
        public Instant now() {
            return StationRuntime.this.now();
        }

        @Override
        public boolean canSend() {
            return StationRuntime.this.canSend();
        }

        @Override
        public void callNow(Request<?> request) {
            session.call(request, settings.callTimeout());
        }

        @Override
        public void sendTriggered(Request<?> request) {
            StationRuntime.this.sendTriggered(request);
        }

        @Override
        public void sendStatus(StatusNotificationRequest request, boolean force) {
            StationRuntime.this.sendStatus(request, force);
        }

        @Override
        public ChargingLimit limitInForce(int connectorId) {
            return limitsState.limitInForce(connectorId);
        }

        @Override
        public void safely(String what, Runnable r) {
            StationRuntime.this.safely(what, r);
        }

        @Override
        public RpcSession session() {
            return session;
        }

        @Override
        public void queueDrained() {
            backlog = false;
            flushPendingStatus();
            flushPendingOther();
        }

        @Override
        public void connectionBroken() {
            linkBroken = true; // resumed after the next connect
        }

        @Override
        public void onTransactionalResult(QueuedMessage msg, Response resp) {
            StationRuntime.this.onTransactionalResult(msg, resp);
        }

        @Override
        public void notifyListeners(java.util.function.Consumer<TransactionListener> call) {
            StationRuntime.this.notifyListeners(call);
        }
    }

    /** The power sink of one SystemDriver attachment; ignored once replaced or after a restart. */
    private final class PowerSinkImpl implements PowerSink {
        private final long gen;
        /** Whether this sink was told mainsLost (guarded by the runtime's monitor). */
        private boolean lostReported;

        PowerSinkImpl(long gen) {
            this.gen = gen;
        }

        private boolean current() {
            return gen == generation && running && powerSink == this;
        }

        @Override
        public void mainsLost(Duration backupTime) {
            synchronized (StationRuntime.this) {
                if (current()) {
                    lostReported = true;
                    onMainsLost(backupTime);
                }
            }
        }

        @Override
        public void mainsRestored() {
            synchronized (StationRuntime.this) {
                if (current()) {
                    onMainsRestored();
                }
            }
        }
    }
}
