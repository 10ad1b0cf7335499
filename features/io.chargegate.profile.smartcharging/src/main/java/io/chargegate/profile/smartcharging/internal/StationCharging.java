package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.messages.ClearChargingProfileRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleResponse;
import io.chargegate.ocpp.model.messages.SetChargingProfileRequest;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingProfileStatus;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ClearChargingProfileStatus;
import io.chargegate.ocpp.model.types.GetCompositeScheduleStatus;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import io.chargegate.station.api.ChargingLimits;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * The smart charging state and behaviour of one station: the installed profiles (kept in the station's
 * {@code ProfileState} namespace {@value #NAMESPACE}, one entry {@code profile.<chargingProfileId>} holding the
 * {@link SetChargingProfileRequest} JSON that installed it), the SetChargingProfile / ClearChargingProfile /
 * GetCompositeSchedule operations, and the application of each connector's limit through
 * {@link Station#chargingLimits()}: now, at every change the profiles make, and on every install, clear,
 * transaction start and stop. No OSGi here; time is {@link Station#now()} and delays go through a {@link Timer}.
 * Thread-safe (every operation holds this object's lock).
 */
final class StationCharging {
    /** The station's profile state namespace. */
    static final String NAMESPACE = "smartcharging";
    /** Key prefix of an installed profile. */
    static final String KEY_PREFIX = "profile.";
    /** Longest sleep between two evaluations (they also catch up with CSMS clock corrections). */
    static final long HORIZON_SECONDS = 3600;
    /** Delay before retrying after a failed evaluation. */
    static final long RETRY_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(StationCharging.class);

    /** Runs tasks later; the returned action cancels the task. */
    @FunctionalInterface
    interface Timer {
        Runnable schedule(Runnable task, long delayMillis);
    }

    private final Station station;
    private final Settings settings;
    private final ScheduleEngine engine;
    private final Timer timer;
    private final OcppCodec codec = OcppCodec.strict();
    private final ProfileBook book = new ProfileBook();
    /** Transaction starts seen through TransactionListener (used when Station.status() cannot tell). */
    private final Map<Integer, Long> txStarts = new HashMap<>();
    /** The limit last set per connector (a null value: set back to the station default). */
    private final Map<Integer, ChargingLimits.Limit> applied = new HashMap<>();
    private KeyValueStore store;
    private Runnable cancelTimer;
    private boolean loaded;
    private boolean closed;

    StationCharging(Station station, Settings settings, Timer timer) {
        this.station = Objects.requireNonNull(station, "station");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = new ScheduleEngine(settings.nominalVoltage());
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /** The station served. */
    Station station() {
        return station;
    }

    /** Loads the stored profiles (once), drops TxProfiles whose transaction has ended, applies the limits. */
    synchronized void start() {
        ensureLoaded();
        apply();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            store = KeyValueStore.of(station.profileState(NAMESPACE));
        } catch (UnsupportedOperationException e) {
            LOG.warn("[{}] the station keeps no profile state: charging profiles are held in memory only and are "
                    + "lost when this bundle restarts", station.chargePointId());
            store = KeyValueStore.inMemory();
        }
        for (Map.Entry<String, String> e : store.snapshot().entrySet()) {
            if (!e.getKey().startsWith(KEY_PREFIX)) {
                continue;
            }
            try {
                SetChargingProfileRequest r = codec.decodePayload(SetChargingProfileRequest.class, e.getValue());
                book.put(new InstalledProfile(r.connectorId(), r.csChargingProfiles()));
            } catch (RuntimeException ex) {
                LOG.warn("[{}] dropping unreadable stored charging profile {}: {}", station.chargePointId(),
                        e.getKey(), ex.toString());
                store.remove(e.getKey());
            }
        }
        LOG.info("[{}] {} charging profile(s) loaded", station.chargePointId(), book.size());
    }

    /** The installed profiles (for tests and diagnostics). */
    synchronized Collection<InstalledProfile> profiles() {
        ensureLoaded();
        return book.all();
    }

    /** SetChargingProfile. */
    synchronized ChargingProfileStatus set(int connectorId, ChargingProfile profile) {
        ensureLoaded();
        long now = ScheduleEngine.seconds(station.now());
        TxInfo tx = transactions(now).get(connectorId);
        String why = ProfileRules.rejection(connectorId, profile, settings, station.connectorCount(), tx, false, now);
        if (why != null) {
            LOG.info("[{}] SetChargingProfile {} on connector {}: Rejected ({})", station.chargePointId(),
                    profile.chargingProfileId(), connectorId, why);
            return ChargingProfileStatus.REJECTED;
        }
        if (!install(new InstalledProfile(connectorId, profile))) {
            return ChargingProfileStatus.REJECTED;
        }
        apply();
        return ChargingProfileStatus.ACCEPTED;
    }

    /** Installs a checked profile, replacing what it replaces; false when MaxChargingProfilesInstalled forbids. */
    private boolean install(InstalledProfile profile) {
        List<InstalledProfile> replaced = book.replacedBy(profile);
        if (book.size() - replaced.size() + 1 > settings.maxInstalled()) {
            LOG.info("[{}] charging profile {} Rejected: {} profiles installed (MaxChargingProfilesInstalled {})",
                    station.chargePointId(), profile.id(), book.size(), settings.maxInstalled());
            return false;
        }
        // the new profile is durable first: a crash in between leaves a superset, which load tolerates
        store.put(KEY_PREFIX + profile.id(),
                codec.encodePayload(new SetChargingProfileRequest(profile.connectorId(), profile.profile())));
        for (InstalledProfile old : replaced) {
            if (old.id() != profile.id()) {
                store.remove(KEY_PREFIX + old.id());
            }
            book.remove(old.id());
        }
        book.put(profile);
        LOG.info("[{}] charging profile {} ({}, stack level {}) installed on connector {}{}", station.chargePointId(),
                profile.id(), profile.purpose().value(), profile.stackLevel(), profile.connectorId(),
                replaced.isEmpty() ? "" : ", replacing " + replaced.stream().map(InstalledProfile::id).toList());
        return true;
    }

    private void uninstall(InstalledProfile profile) {
        store.remove(KEY_PREFIX + profile.id());
        book.remove(profile.id());
    }

    /** ClearChargingProfile: every criterion given must match; Unknown when nothing matched. */
    synchronized ClearChargingProfileStatus clear(ClearChargingProfileRequest request) {
        ensureLoaded();
        List<InstalledProfile> matches = book.matching(request.id(), request.connectorId(),
                request.chargingProfilePurpose(), request.stackLevel());
        if (matches.isEmpty()) {
            return ClearChargingProfileStatus.UNKNOWN;
        }
        matches.forEach(this::uninstall);
        LOG.info("[{}] charging profile(s) {} cleared", station.chargePointId(),
                matches.stream().map(InstalledProfile::id).toList());
        apply();
        return ClearChargingProfileStatus.ACCEPTED;
    }

    /** GetCompositeSchedule: Rejected for an unknown connector, a unit not allowed, or when no profile limits. */
    synchronized GetCompositeScheduleResponse composite(GetCompositeScheduleRequest request) {
        ensureLoaded();
        int connectorId = request.connectorId();
        if (connectorId < 0 || connectorId > station.connectorCount()
                || (request.chargingRateUnit() != null && !settings.allowedUnits().contains(request.chargingRateUnit()))) {
            return new GetCompositeScheduleResponse(GetCompositeScheduleStatus.REJECTED);
        }
        long start = ScheduleEngine.seconds(station.now());
        TxInfo tx = connectorId == 0 ? null : transactions(start).get(connectorId);
        Optional<ChargingSchedule> schedule = engine.composite(book.all(),
                new ScheduleEngine.Context(connectorId, start, tx), start, request.duration(),
                request.chargingRateUnit(), settings.compositeDefaultLimitAmperes());
        if (schedule.isEmpty()) {
            return new GetCompositeScheduleResponse(GetCompositeScheduleStatus.REJECTED);
        }
        return new GetCompositeScheduleResponse(GetCompositeScheduleStatus.ACCEPTED, connectorId,
                Instant.ofEpochSecond(start), schedule.get());
    }

    /** A transaction started: remember its start, install the RemoteStartTransaction TxProfile, apply. */
    synchronized void transactionStarted(int connectorId, ChargingProfile profile) {
        ensureLoaded();
        long now = ScheduleEngine.seconds(station.now());
        txStarts.put(connectorId, now);
        if (profile != null) {
            if (profile.chargingProfilePurpose() != ChargingProfilePurposeType.TX_PROFILE) {
                LOG.warn("[{}] RemoteStartTransaction charging profile {} ignored: purpose {} is not TxProfile",
                        station.chargePointId(), profile.chargingProfileId(),
                        profile.chargingProfilePurpose() == null ? null : profile.chargingProfilePurpose().value());
            } else {
                TxInfo tx = transactions(now).get(connectorId);
                String why = ProfileRules.rejection(connectorId, profile, settings, station.connectorCount(), tx,
                        true, now);
                if (why != null) {
                    LOG.warn("[{}] RemoteStartTransaction charging profile {} on connector {} not installed: {}",
                            station.chargePointId(), profile.chargingProfileId(), connectorId, why);
                } else {
                    install(new InstalledProfile(connectorId, profile));
                }
            }
        }
        apply();
    }

    /** A transaction ended: its TxProfiles end with it. */
    synchronized void transactionStopped(int connectorId) {
        ensureLoaded();
        txStarts.remove(connectorId);
        List<InstalledProfile> ended = book.txProfiles(connectorId);
        ended.forEach(this::uninstall);
        if (!ended.isEmpty()) {
            LOG.info("[{}] TxProfile(s) {} ended with the transaction on connector {}", station.chargePointId(),
                    ended.stream().map(InstalledProfile::id).toList(), connectorId);
        }
        apply();
    }

    /**
     * Sets each connector's limit in force now (when it differs from what was last set), drops TxProfiles whose
     * transaction is gone, and schedules the next evaluation at the next change (at most {@link #HORIZON_SECONDS}
     * ahead).
     */
    synchronized void apply() {
        if (closed) {
            return;
        }
        ensureLoaded();
        long delay;
        try {
            Instant nowInstant = station.now();
            long now = ScheduleEngine.seconds(nowInstant);
            Map<Integer, TxInfo> txs = transactions(now);
            prune(txs);
            Collection<InstalledProfile> all = book.all();
            long next = now + HORIZON_SECONDS;
            ChargingLimits limits = station.chargingLimits();
            for (int c = 1; c <= station.connectorCount(); c++) {
                ScheduleEngine.Context ctx = new ScheduleEngine.Context(c, now, txs.get(c));
                Rate rate = engine.limitAt(all, ctx, now);
                ChargingLimits.Limit limit = rate == null ? null : rate.toLimit();
                if (!applied.containsKey(c) || !Objects.equals(applied.get(c), limit)) {
                    try {
                        limits.setLimit(c, limit);
                        applied.put(c, limit);
                        LOG.info("[{}] connector {}: limit {}", station.chargePointId(), c,
                                limit == null ? "station default" : limit.value() + " " + limit.unit().value()
                                        + (limit.phases() == null ? "" : " (" + limit.phases() + " phases)"));
                    } catch (RuntimeException e) {
                        LOG.warn("[{}] connector {}: setting limit {} failed", station.chargePointId(), c, limit, e);
                    }
                }
                next = Math.min(next, engine.nextChange(all, ctx, now, HORIZON_SECONDS));
            }
            delay = Math.max(0, next * 1000 - nowInstant.toEpochMilli());
        } catch (RuntimeException e) {
            LOG.warn("[{}] applying charging limits failed; retrying in {} ms", station.chargePointId(), RETRY_MILLIS,
                    e);
            delay = RETRY_MILLIS;
        }
        reschedule(delay);
    }

    private void reschedule(long delayMillis) {
        if (cancelTimer != null) {
            cancelTimer.run();
        }
        try {
            cancelTimer = timer.schedule(this::apply, delayMillis);
        } catch (RejectedExecutionException e) {
            cancelTimer = null; // shutting down
        }
    }

    /** TxProfiles live only as long as their transaction (also across a restart of this bundle). */
    private void prune(Map<Integer, TxInfo> txs) {
        List<InstalledProfile> gone = new ArrayList<>();
        for (InstalledProfile p : book.all()) {
            if (p.purpose() != ChargingProfilePurposeType.TX_PROFILE) {
                continue;
            }
            TxInfo tx = txs.get(p.connectorId());
            Integer wanted = p.profile().transactionId();
            if (tx == null || (wanted != null && tx.transactionId() != null && !wanted.equals(tx.transactionId()))) {
                gone.add(p);
            }
        }
        gone.forEach(this::uninstall);
        if (!gone.isEmpty()) {
            LOG.info("[{}] TxProfile(s) {} removed: their transaction has ended", station.chargePointId(),
                    gone.stream().map(InstalledProfile::id).toList());
        }
    }

    /** The transactions running now, by connector (start from Station.status(), else as seen, else now). */
    private Map<Integer, TxInfo> transactions(long now) {
        Map<Integer, Instant> started = new HashMap<>();
        try {
            for (StationStatus.Transaction t : station.status().transactions()) {
                if (t.started() != null) {
                    started.put(t.connectorId(), t.started());
                }
            }
        } catch (UnsupportedOperationException e) {
            // an older runtime: fall back to the starts seen through TransactionListener
        }
        Map<Integer, TxInfo> result = new HashMap<>();
        for (int c = 1; c <= station.connectorCount(); c++) {
            ConnectorState state = station.connector(c);
            if (state == null || !state.hasTransaction()) {
                continue;
            }
            Instant s = started.get(c);
            long start = s != null ? ScheduleEngine.seconds(s) : txStarts.getOrDefault(c, now);
            result.put(c, new TxInfo(state.transactionId(), start));
        }
        return result;
    }

    /** Stops the timer; the limits set stay in force (the runtime holds them). */
    synchronized void close() {
        closed = true;
        if (cancelTimer != null) {
            cancelTimer.run();
            cancelTimer = null;
        }
    }
}
