package io.chargegate.station.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.ConnectorLockDriver;
import io.chargegate.hardware.api.EvseCapabilities;
import io.chargegate.hardware.api.EvseDriver;
import io.chargegate.hardware.api.EvseSink;
import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.MeterDriver;
import io.chargegate.hardware.api.MeterReading;
import io.chargegate.hardware.api.PilotState;
import io.chargegate.hardware.api.UnlockResult;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.TransactionListener;
import io.chargegate.station.internal.StationRuntime.Authorized;
import io.chargegate.store.DurableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.chargegate.station.internal.StationRuntime.cancel;
import static io.chargegate.station.internal.StationRuntime.cut;

/**
 * One connector (0 = the charge point as a whole) of a {@link StationRuntime}: its drivers, the authorization waiting
 * for a vehicle, the running transaction, metering and the status it reports. It reaches the runtime only through
 * {@link Host}.
 *
 * <h2>Locking</h2>
 * Guarded by the runtime's monitor ({@link Host#lock()}, the {@link StationRuntime} instance): every method runs with
 * that monitor held, called from the runtime's {@code synchronized} methods or from a driver callback or timer of this
 * class that takes it first ({@code synchronized (host.lock())}), then checks the generation it was scheduled in. The
 * fields are read and written by the runtime directly, under the same monitor. Nothing here takes another lock.
 */
final class Connector {
    // log lines keep the runtime's logger name (operators and tests grep them)
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);

    /**
     * What a connector needs from its runtime. Implemented by the runtime; every method is called with the runtime's
     * monitor held and reads the runtime's current state (the store, configuration and connectors change on restart).
     */
    interface Host {
        /** The monitor guarding the runtime and its connectors (the runtime itself). */
        Object lock();

        /** The runtime, as the {@link Station} passed to {@link TransactionListener}s. */
        Station station();

        /** The charge point identity. */
        String stationId();

        StationSettings settings();

        ScheduledExecutorService scheduler();

        OcppCodec codec();

        /** The current generation (one per {@link StationRuntime#start()}). */
        long generation();

        boolean running();

        ConfigurationRegistry config();

        /** The charge point as a whole is Operative. */
        boolean cpOperative();

        /** Mains power lost, running on backup power. */
        boolean onBackup();

        /** The reservation of connector 0 (any connector), or null. */
        Reservation cpReservation();

        /** All connectors by id, 0 included. */
        Connector[] connectors();

        /** A new local transaction reference (store sequence {@code tx}). */
        long nextTransactionRef();

        /** The persisted running transactions by connector id. */
        DurableMap transactions();

        /** Appends a message to the durable outbound queue ({@code ref}: the local transaction it waits for). */
        long enqueue(Request<?> request, Long ref);

        /** Sends the head of the durable queue if possible. */
        void pump();

        /** Queues the StopTransaction of {@code tx}. */
        StopTransactionRequest queueStop(TxRecord tx, Reason reason, String stopIdTag, double meterStopWh, MeterValue endSample);

        /** Removes a reservation (used by a transaction); false when none had that id. */
        boolean cancelReservation(int reservationId);

        /** The time on the CSMS clock. */
        Instant now();

        /** Connected and accepted: a message can be sent now. */
        boolean canSend();

        /** Sends a best-effort message at once with the call timeout, ignoring the answer. */
        void callNow(Request<?> request);

        /** Sends a message caused by a TriggerMessage after the trigger's answer. */
        void sendTriggered(Request<?> request);

        /**
         * Sends a StatusNotification now when connected and no transactional message waits ({@code force}: also while
         * one waits), else holds it, latest per connector.
         */
        void sendStatus(StatusNotificationRequest request, boolean force);

        /** The charging limit in force on a connector, or null. */
        ChargingLimit limitInForce(int connectorId);

        /** Runs a driver command, logging instead of throwing. */
        void safely(String what, Runnable r);

        /** Calls every {@link TransactionListener} on the scheduler. */
        void notifyListeners(Consumer<TransactionListener> call);
    }

    /** A connector status with its error codes. */
    record Status(ChargePointStatus status, ChargePointErrorCode errorCode, String vendorErrorCode, String info) {
    }

    private final Host host;
    /** The charge point identity of the runtime (log lines). */
    private final String stationId;
    final int id;
    EvseDriver evse;
    EvseCapabilities caps;
    Sink sink;
    MeterDriver meter;
    ConnectorLockDriver lock;
    PilotState pilot = PilotState.A;
    HardwareFault fault = HardwareFault.NONE;
    boolean lockFailure;
    boolean locked;
    boolean operativeWanted = true;
    boolean finishing;
    boolean authorizing;
    Authorized authorized;
    ScheduledFuture<?> connectionTimer;
    TxRecord tx;
    ScheduledFuture<?> sampleTask;
    ScheduledFuture<?> graceTimer;
    Reservation reservation;
    ScheduledFuture<?> reservationTimer;
    double lastWh = -1;
    MeterReading lastReading;
    /** The last meter read failed: reported as PowerMeterFailure with the current status until a read succeeds. */
    boolean meterFailed;
    String meterFailureInfo;
    Status computed;
    Status reported;
    ScheduledFuture<?> statusTimer;
    /** The idTag of the transaction whose stop left the connector Finishing (F2 restart, {@link StationRuntime#pickConnector}). */
    String finishedIdTag;
    /** The parentIdTag of that transaction (null when unknown): another idTag of the group may restart too. */
    String finishedParent;
    /** The idTag whose read stopped that transaction (null when stopped otherwise) and when: restart hold-off. */
    String stopReadIdTag;
    Instant stoppedAt;
    /**
     * The settle window after power was offered to a transaction (start, driver bound again): while it is open a
     * SuspendedEV is not reported, the EV has not answered the offer yet ({@code evResponseSeconds}).
     */
    boolean settling;
    ScheduledFuture<?> settleTimer;
    long settleSeq;

    /**
     * @param host the runtime this connector belongs to
     * @param id the connector id (0 = the charge point as a whole)
     */
    Connector(Host host, int id) {
        this.host = host;
        this.stationId = host.stationId();
        this.id = id;
    }

    // ---- drivers

    void attach(EvseDriver driver) {
        if (evse != null) {
            EvseDriver old = evse;
            sink = null;
            host.safely("detach EVSE driver of connector " + id, old::detach);
        }
        evse = driver;
        if (driver == null) {
            LOG.warn("[{}] connector {}: EVSE driver gone", stationId, id);
            if (tx != null && !host.settings().driverGrace().isZero()) {
                long gen = host.generation();
                cancel(graceTimer);
                graceTimer = host.scheduler().schedule(() -> graceOver(gen), host.settings().driverGrace().toMillis(), TimeUnit.MILLISECONDS);
            } else if (tx != null) {
                stopTransaction(Reason.OTHER, null);
            }
            evaluate();
            return;
        }
        try {
            caps = driver.capabilities();
        } catch (RuntimeException e) {
            LOG.error("[{}] connector {}: capabilities() failed", stationId, id, e);
            caps = null;
        }
        cancel(graceTimer);
        graceTimer = null;
        Sink s = new Sink(this, host.generation());
        sink = s;
        LOG.info("[{}] connector {}: EVSE driver attached", stationId, id);
        if (tx != null && !tx.suspended) {
            openSettle(); // power is offered again below: the EV answers it like at a start
        }
        host.safely("attach EVSE driver of connector " + id, () -> driver.attach(s));
        applyEnabled();
        pushLimit();
        if (tx != null) {
            power(!tx.suspended);
        }
        evaluate();
    }

    void graceOver(long gen) {
        synchronized (host.lock()) {
            if (gen != host.generation() || !host.running() || evse != null) {
                return;
            }
            graceTimer = null;
            if (tx != null) {
                LOG.warn("[{}] connector {}: no EVSE driver within the grace period, stopping the transaction",
                        stationId, id);
                stopTransaction(Reason.OTHER, null);
            }
            evaluate();
        }
    }

    void shutdown() {
        cancel(connectionTimer);
        cancel(sampleTask);
        cancel(graceTimer);
        cancel(reservationTimer);
        cancel(statusTimer);
        cancel(settleTimer);
        if (evse != null) {
            sink = null;
            host.safely("detach EVSE driver", evse::detach);
            evse = null;
        }
    }

    void applyEnabled() {
        if (evse != null && id > 0) {
            boolean enabled = host.cpOperative() && operativeWanted && !host.onBackup();
            host.safely("setEnabled", () -> evse.setEnabled(enabled));
        }
    }

    /** Passes the limit in force to the EVSE driver, if one is bound. */
    void pushLimit() {
        ChargingLimit l = host.limitInForce(id);
        if (evse != null && l != null && id > 0) {
            EvseDriver d = evse;
            host.safely("applyLimit", () -> d.applyLimit(l));
        }
    }

    void power(boolean on) {
        if (evse != null) {
            host.safely("allowPowerOn", () -> evse.allowPowerOn(on));
        }
    }

    // ---- hardware events

    void onPilot(PilotState state) {
        PilotState before = pilot;
        pilot = state;
        if (settling && state != PilotState.B) {
            closeSettle(); // the EV answered the power offer (C, D), left (A) or reports an error (E, F)
        }
        if (before.vehicleConnected() == state.vehicleConnected()) {
            evaluate();
            return;
        }
        if (state.vehicleConnected()) {
            if (tx == null && authorized != null) {
                Authorized a = authorized;
                clearAuthorization();
                startTransaction(a);
                return;
            }
        } else {
            lockFailure = false;
            if (tx != null) {
                if (host.config().boolValue(ConfigurationRegistry.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT, true)) {
                    stopTransaction(Reason.EV_DISCONNECTED, null);
                    return;
                }
            } else if (finishing && !locked) {
                finishing = false;
            }
        }
        evaluate();
    }

    void onFault(HardwareFault f) {
        fault = f == null ? HardwareFault.NONE : f;
        if (fault.isFault()) {
            LOG.warn("[{}] connector {}: fault {} ({}){}", stationId, id, fault.errorCode().value(),
                    fault.vendorErrorCode(), fault.blocking() ? "" : " (warning)");
        } else {
            LOG.info("[{}] connector {}: fault cleared", stationId, id);
        }
        evaluate();
    }

    void onLocalStop() {
        if (tx != null) {
            stopTransaction(Reason.LOCAL, null);
        } else if (authorized != null) {
            clearAuthorization();
            evaluate();
        }
    }

    // ---- authorization and transactions

    boolean canStart(String idTag, String parent) {
        // Finishing with the EV still plugged in may start again (OCPP 1.6 4.9 F2); once the EV has left (cable
        // still locked) it may not
        if (id == 0 || evse == null || tx != null || authorized != null || authorizing
                || (finishing && (!pilot.vehicleConnected() || !mayRestart(idTag, parent))) || lockFailure
                || fault.blocking() || !host.cpOperative() || !operativeWanted || host.onBackup()) {
            return false;
        }
        if (reservation != null && !reservationMatches(reservation, idTag, parent)) {
            return false;
        }
        if (host.cpReservation() != null && !reservationMatches(host.cpReservation(), idTag, parent)) {
            int free = 0;
            for (int i = 1; i < host.connectors().length; i++) {
                Connector c = host.connectors()[i];
                if (c.tx == null && c.authorized == null && c.evse != null && c.reservation == null) {
                    free++;
                }
            }
            return free > 1; // the last free connector is kept for the charge point reservation
        }
        return true;
    }

    /**
     * Whether {@code idTag} (parentIdTag {@code parent}, null when unknown) may restart charging while Finishing (F2):
     * only the stopped session's idTag or one of its group, never another user's on this EV.
     */
    boolean mayRestart(String idTag, String parent) {
        return idTag.equalsIgnoreCase(finishedIdTag) || (finishedParent != null && finishedParent.equals(parent));
    }

    /** Whether a read of {@code idTag} follows the read of it that stopped the transaction within the restart hold-off. */
    boolean inRestartHoldOff(String idTag) {
        long ms = host.settings().restartHoldOff().toMillis();
        return finishing && ms > 0 && stoppedAt != null && idTag.equalsIgnoreCase(stopReadIdTag)
                && host.now().isBefore(stoppedAt.plusMillis(ms));
    }

    /** The parentIdTag of the reservation that applies here (this connector's, else the charge point's), or null. */
    String reservationParent() {
        Reservation r = reservation != null ? reservation : host.cpReservation();
        return r == null ? null : r.parentIdTag();
    }

    boolean reservationMatches(Reservation r, String idTag, String parent) {
        return r.idTag().equalsIgnoreCase(idTag) || (r.parentIdTag() != null && r.parentIdTag().equals(parent));
    }

    /** An authorized idTag: start at once when a vehicle is connected, else wait ConnectionTimeOut for one. */
    void begin(Authorized a) {
        Integer reservationId = null;
        if (reservation != null && reservationMatches(reservation, a.idTag(), a.info().parentIdTag())) {
            reservationId = reservation.reservationId();
        } else if (host.cpReservation() != null && reservationMatches(host.cpReservation(), a.idTag(), a.info().parentIdTag())) {
            reservationId = host.cpReservation().reservationId();
        }
        Authorized withReservation = new Authorized(a.idTag(), a.info(), a.profile(), reservationId);
        if (pilot.vehicleConnected()) {
            if (finishing) {
                // OCPP 1.6 4.9 F2: the user restarts charging on the stopped session's connector, the EV still
                // plugged in: Preparing, then the new transaction (the cable is locked again as at every start)
                LOG.info("[{}] connector {}: new session for {} while Finishing", stationId, id, a.idTag());
                finishing = false;
                evaluate();
            }
            startTransaction(withReservation);
            return;
        }
        authorized = withReservation;
        int timeout = host.config().intValue(ConfigurationRegistry.CONNECTION_TIME_OUT, 60);
        long gen = host.generation();
        cancel(connectionTimer);
        if (timeout > 0) {
            connectionTimer = host.scheduler().schedule(() -> {
                synchronized (host.lock()) {
                    if (gen == host.generation() && host.running() && authorized == withReservation) {
                        LOG.info("[{}] connector {}: no vehicle within ConnectionTimeOut ({} s), authorization of {} dropped",
                                stationId, id, timeout, withReservation.idTag());
                        clearAuthorization();
                        evaluate();
                    }
                }
            }, timeout, TimeUnit.SECONDS);
        }
        LOG.info("[{}] connector {}: {} authorized, waiting for the vehicle", stationId, id, a.idTag());
        evaluate();
    }

    void clearAuthorization() {
        authorized = null;
        cancel(connectionTimer);
        connectionTimer = null;
    }

    void startTransaction(Authorized a) {
        if (lock != null && caps != null && !caps.fixedCable() && caps.lockable()) {
            boolean ok;
            try {
                ok = lock.lock();
            } catch (RuntimeException e) {
                LOG.error("[{}] connector {}: lock() failed", stationId, id, e);
                ok = false;
            }
            if (!ok) {
                LOG.warn("[{}] connector {}: cable lock failed, no transaction", stationId, id);
                lockFailure = true;
                evaluate();
                return;
            }
            locked = true;
        }
        double wh = readEnergy();
        Instant now = host.now();
        long ref = host.nextTransactionRef();
        TxRecord t = new TxRecord(ref, id, a.idTag(), a.info().parentIdTag(), (int) Math.round(wh), now);
        t.reservationId = a.reservationId();
        List<Measurand> stopSampled = host.config().measurands(ConfigurationRegistry.STOP_TXN_SAMPLED_DATA);
        if (!stopSampled.isEmpty()) {
            MeterValue begin = Metering.meterValue(now, lastReading, wh, stopSampled, ReadingContext.TRANSACTION_BEGIN);
            if (begin != null) {
                t.sampled.add(host.codec().encodePayload(begin));
            }
        }
        // persisted before anything else happens
        host.transactions().put(Integer.toString(id), t.encode());
        StartTransactionRequest req = new StartTransactionRequest(id, a.idTag(), t.meterStart, t.reservationId, now);
        host.enqueue(req, ref);
        tx = t;
        finishing = false;
        if (!pilot.vehicleRequestsEnergy()) {
            openSettle(); // before anything evaluates the status of the transaction: the EV answers power(true) below
        }
        host.pump(); // StartTransaction goes out before the status it causes
        if (a.reservationId() != null) {
            host.cancelReservation(a.reservationId());
        }
        LOG.info("[{}] connector {}: transaction (local {}) started for {}, meterStart {} Wh",
                stationId, id, ref, a.idTag(), t.meterStart);
        power(true);
        scheduleSampling();
        ChargingProfile profile = a.profile();
        host.notifyListeners(l -> l.transactionStarted(host.station(), id, a.idTag(), profile));
        evaluate();
        host.pump();
    }

    void stopTransaction(Reason reason, String stopIdTag) {
        TxRecord t = tx;
        if (t == null) {
            return;
        }
        double wh = readEnergy();
        Instant now = host.now();
        MeterValue end = null;
        List<Measurand> stopSampled = host.config().measurands(ConfigurationRegistry.STOP_TXN_SAMPLED_DATA);
        if (!stopSampled.isEmpty()) {
            end = Metering.meterValue(now, lastReading, wh, stopSampled, ReadingContext.TRANSACTION_END);
        }
        host.queueStop(t, reason, stopIdTag, wh, end);
        host.transactions().remove(Integer.toString(id));
        tx = null;
        finishedIdTag = t.idTag;
        finishedParent = t.parentIdTag;
        stopReadIdTag = stopIdTag;
        stoppedAt = now;
        closeSettle();
        finishing = true; // before anything below re-evaluates the status: no transient status between the two
        host.pump(); // StopTransaction goes out before the status it causes
        cancel(sampleTask);
        sampleTask = null;
        cancel(graceTimer);
        graceTimer = null;
        power(false);
        applyEnabled();
        LOG.info("[{}] connector {}: transaction {} stopped ({}), meterStop {} Wh", stationId, id,
                t.transactionId != null ? t.transactionId : "(local " + t.ref + ")", reason.value(), Math.round(wh));
        Integer txId = t.transactionId;
        host.notifyListeners(l -> l.transactionStopped(host.station(), id, txId));
        finishing = true;
        evaluate();
        boolean unlockNow = reason != Reason.UNLOCK_COMMAND && (reason != Reason.EV_DISCONNECTED
                || host.config().boolValue(ConfigurationRegistry.UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT, true));
        if (unlockNow && locked) {
            unlockCable();
        } else if (!pilot.vehicleConnected() && !locked) {
            finishing = false;
            evaluate();
        }
        host.pump();
    }

    /** Opens the settle window ({@code evResponseSeconds}; 0 = none), replacing one that is open. */
    void openSettle() {
        closeSettle();
        long ms = host.settings().evResponse().toMillis();
        if (ms <= 0) {
            return;
        }
        settling = true;
        long gen = host.generation();
        long seq = ++settleSeq;
        settleTimer = host.scheduler().schedule(() -> {
            synchronized (host.lock()) {
                if (gen == host.generation() && host.running() && settling && seq == settleSeq) {
                    settling = false;
                    settleTimer = null;
                    evaluate(); // a SuspendedEV held back is reported now
                }
            }
        }, ms, TimeUnit.MILLISECONDS);
    }

    void closeSettle() {
        settling = false;
        cancel(settleTimer);
        settleTimer = null;
    }

    UnlockResult unlockCable() {
        if (lock == null) {
            return UnlockResult.NOT_SUPPORTED;
        }
        UnlockResult r;
        try {
            r = lock.unlock();
        } catch (RuntimeException e) {
            LOG.error("[{}] connector {}: unlock() failed", stationId, id, e);
            r = UnlockResult.UNLOCK_FAILED;
        }
        if (r == UnlockResult.UNLOCKED) {
            locked = false;
            if (!pilot.vehicleConnected()) {
                finishing = false;
            }
        }
        evaluate();
        return r;
    }

    // ---- metering

    double readEnergy() {
        if (meter != null) {
            MeterReading r = null;
            RuntimeException failure = null;
            try {
                r = meter.read();
            } catch (RuntimeException e) {
                failure = e;
            }
            if (r != null) {
                lastReading = r;
                if (r.energyImportWh() >= lastWh) {
                    lastWh = r.energyImportWh();
                } else {
                    LOG.warn("[{}] connector {}: meter went backwards ({} < {} Wh); keeping the last reading",
                            stationId, id, r.energyImportWh(), lastWh);
                }
                if (meterFailed) {
                    meterFailed = false;
                    meterFailureInfo = null;
                    LOG.info("[{}] connector {}: meter readable again", stationId, id);
                    evaluate();
                }
            } else if (!meterFailed) {
                // keep lastWh/lastReading: the last good reading stands in (meterStop, samples)
                meterFailed = true;
                meterFailureInfo = failure == null ? "no reading" : failure.getMessage();
                LOG.warn("[{}] connector {}: meter read failed ({}): PowerMeterFailure, keeping the last reading of {} Wh",
                        stationId, id, failure == null ? "null reading" : failure.toString(), lastWh);
                evaluate();
            }
        }
        if (lastWh < 0) {
            lastWh = tx != null ? tx.lastWh : 0;
        }
        if (tx != null && lastWh < tx.lastWh) {
            lastWh = tx.lastWh;
        }
        return lastWh;
    }

    void scheduleSampling() {
        cancel(sampleTask);
        sampleTask = null;
        int interval = host.config().intValue(ConfigurationRegistry.METER_VALUE_SAMPLE_INTERVAL, 0);
        if (tx == null || interval <= 0 || id == 0) {
            return;
        }
        long gen = host.generation();
        sampleTask = host.scheduler().scheduleAtFixedRate(() -> {
            synchronized (host.lock()) {
                if (gen == host.generation() && host.running()) {
                    samplePeriodic();
                }
            }
        }, interval, interval, TimeUnit.SECONDS);
    }

    void samplePeriodic() {
        TxRecord t = tx;
        if (t == null) {
            return;
        }
        double wh = readEnergy();
        Instant now = host.now();
        t.lastWh = wh;
        t.lastTime = now;
        List<Measurand> stopSampled = host.config().measurands(ConfigurationRegistry.STOP_TXN_SAMPLED_DATA);
        if (!stopSampled.isEmpty()) {
            MeterValue mv = Metering.meterValue(now, lastReading, wh, stopSampled, ReadingContext.SAMPLE_PERIODIC);
            if (mv != null) {
                TxRecord.addBounded(t.sampled, host.codec().encodePayload(mv));
            }
        }
        persistTx();
        MeterValue mv = Metering.meterValue(now, lastReading, wh,
                host.config().measurands(ConfigurationRegistry.METER_VALUES_SAMPLED_DATA), ReadingContext.SAMPLE_PERIODIC);
        if (mv != null) {
            MeterValuesRequest req = new MeterValuesRequest(id, t.transactionId, List.of(mv));
            host.enqueue(req, t.transactionId == null ? t.ref : null);
            host.pump();
        }
    }

    /** One clock-aligned sample, stamped with the boundary it belongs to. */
    void sampleClockAligned(Instant now) {
        if (meter == null && tx == null) {
            return;
        }
        double wh = readEnergy();
        MeterValue mv = Metering.meterValue(now, lastReading, wh,
                host.config().measurands(ConfigurationRegistry.METER_VALUES_ALIGNED_DATA), ReadingContext.SAMPLE_CLOCK);
        TxRecord t = tx;
        if (t != null) {
            t.lastWh = wh;
            t.lastTime = now;
            List<Measurand> stopAligned = host.config().measurands(ConfigurationRegistry.STOP_TXN_ALIGNED_DATA);
            if (!stopAligned.isEmpty()) {
                MeterValue sv = Metering.meterValue(now, lastReading, wh, stopAligned, ReadingContext.SAMPLE_CLOCK);
                if (sv != null) {
                    TxRecord.addBounded(t.aligned, host.codec().encodePayload(sv));
                }
            }
            persistTx();
            if (mv != null) {
                host.enqueue(new MeterValuesRequest(id, t.transactionId, List.of(mv)), t.transactionId == null ? t.ref : null);
                host.pump();
            }
        } else if (mv != null && host.canSend()) {
            host.callNow(new MeterValuesRequest(id, null, List.of(mv)));
        }
    }

    /**
     * TriggerMessage MeterValues: a sample of MeterValuesSampledData now, context Trigger; with the transaction's
     * id (transactional, in order after its StartTransaction) when one runs, else sent at once. A connector with
     * neither a meter nor a transaction has nothing to report.
     */
    void sampleTriggered() {
        if (meter == null && tx == null) {
            return;
        }
        double wh = readEnergy();
        MeterValue mv = Metering.meterValue(host.now(), lastReading, wh,
                host.config().measurands(ConfigurationRegistry.METER_VALUES_SAMPLED_DATA), ReadingContext.TRIGGER);
        if (mv == null) {
            return;
        }
        TxRecord t = tx;
        if (t != null) {
            host.enqueue(new MeterValuesRequest(id, t.transactionId, List.of(mv)), t.transactionId == null ? t.ref : null);
            host.pump();
        } else {
            host.sendTriggered(new MeterValuesRequest(id, null, List.of(mv)));
        }
    }

    void persistTx() {
        if (tx != null) {
            host.transactions().put(Integer.toString(id), tx.encode());
        }
    }

    // ---- status

    Status compute() {
        if (id == 0) {
            boolean anyTx = false;
            for (int i = 1; i < host.connectors().length; i++) {
                anyTx |= host.connectors()[i].tx != null;
            }
            return new Status((!host.cpOperative() || host.onBackup()) && !anyTx ? ChargePointStatus.UNAVAILABLE : ChargePointStatus.AVAILABLE,
                    ChargePointErrorCode.NO_ERROR, null, null);
        }
        ChargePointErrorCode error = lockFailure ? ChargePointErrorCode.CONNECTOR_LOCK_FAILURE : fault.errorCode();
        String vendor = lockFailure ? null : fault.vendorErrorCode();
        String info = lockFailure ? null : fault.info();
        if (meterFailed && error == ChargePointErrorCode.NO_ERROR) {
            // not blocking: reported with the current status (OCPP 1.6 StatusNotification, errorCode)
            error = ChargePointErrorCode.POWER_METER_FAILURE;
            info = meterFailureInfo;
        }
        if (evse == null) {
            // also with a transaction kept open for the driver grace period: the CSMS must see that no energy
            // can flow now; the transaction's status comes back when a driver is bound again
            return new Status(ChargePointStatus.UNAVAILABLE, ChargePointErrorCode.NO_ERROR, null, null);
        }
        if (lockFailure || fault.blocking()) {
            return new Status(ChargePointStatus.FAULTED, error, vendor, info);
        }
        ChargePointStatus s;
        if (tx != null) {
            if (tx.suspended) {
                s = ChargePointStatus.SUSPENDED_EVSE;
            } else if (pilot.vehicleRequestsEnergy()) {
                s = ChargePointStatus.CHARGING;
            } else {
                s = ChargePointStatus.SUSPENDED_EV;
            }
        } else if (!host.cpOperative() || !operativeWanted) {
            s = ChargePointStatus.UNAVAILABLE;
        } else if (finishing) {
            // also on backup power: a transaction stopped with reason PowerLoss ends in Finishing (TC_032_1)
            s = ChargePointStatus.FINISHING;
        } else if (host.onBackup()) {
            s = ChargePointStatus.UNAVAILABLE;
        } else if (authorized != null || authorizing) {
            s = ChargePointStatus.PREPARING;
        } else if (reservation != null) {
            s = ChargePointStatus.RESERVED;
        } else if (pilot.vehicleConnected()) {
            s = ChargePointStatus.PREPARING;
        } else {
            s = ChargePointStatus.AVAILABLE;
        }
        return new Status(s, error, vendor, info);
    }

    /** The status this connector would have without the reservation {@code reservationId} (if it holds it). */
    ChargePointStatus statusIgnoring(int reservationId) {
        if (reservation == null || reservation.reservationId() != reservationId) {
            return compute().status();
        }
        Reservation held = reservation;
        reservation = null;
        try {
            return compute().status();
        } finally {
            reservation = held;
        }
    }

    /** Recomputes the status and reports a change once it lasted MinimumStatusDuration. */
    void evaluate() {
        if (!host.running()) {
            return;
        }
        Status now = compute();
        computed = now;
        if (id > 0) {
            host.connectors()[0].evaluate0();
        }
        if (now.equals(reported)) {
            cancel(statusTimer);
            statusTimer = null;
            return;
        }
        if (settling && now.status() == ChargePointStatus.SUSPENDED_EV) {
            // held back: the EV has not answered the power offer yet; reported when the window ends, if still so
            cancel(statusTimer);
            statusTimer = null;
            return;
        }
        int min = host.config().intValue(ConfigurationRegistry.MINIMUM_STATUS_DURATION, 0);
        if (min <= 0) {
            report(now);
            return;
        }
        cancel(statusTimer);
        long gen = host.generation();
        statusTimer = host.scheduler().schedule(() -> {
            synchronized (host.lock()) {
                if (gen == host.generation() && host.running() && now.equals(computed) && !now.equals(reported)) {
                    report(now);
                }
            }
        }, min, TimeUnit.SECONDS);
    }

    private void evaluate0() {
        Status now = compute();
        computed = now;
        if (!now.equals(reported)) {
            report(now);
        }
    }

    void reportNow() {
        cancel(statusTimer);
        statusTimer = null;
        computed = compute();
        report(computed, true);
    }

    private void report(Status s) {
        report(s, false);
    }

    private void report(Status s, boolean force) {
        reported = s;
        StatusNotificationRequest req = new StatusNotificationRequest(id, s.errorCode(), cut(s.info(), 50), s.status(),
                host.now(), null, cut(s.vendorErrorCode(), 50));
        LOG.info("[{}] connector {}: {} ({})", stationId, id, s.status().value(), s.errorCode().value());
        host.sendStatus(req, force);
    }

    /** The sink one EVSE driver attachment reports to; ignored once replaced or after a restart. */
    static final class Sink implements EvseSink {
        private final Connector connector;
        private final long gen;

        Sink(Connector connector, long gen) {
            this.connector = connector;
            this.gen = gen;
        }

        private boolean current() {
            return gen == connector.host.generation() && connector.host.running() && connector.sink == this;
        }

        @Override
        public void pilotStateChanged(PilotState state) {
            synchronized (connector.host.lock()) {
                if (current() && state != null) {
                    connector.onPilot(state);
                }
            }
        }

        @Override
        public void contactorChanged(boolean closed) {
            synchronized (connector.host.lock()) {
                if (current()) {
                    LOG.debug("[{}] connector {}: contactor {}", connector.stationId, connector.id, closed ? "closed" : "open");
                }
            }
        }

        @Override
        public void localStopRequested() {
            synchronized (connector.host.lock()) {
                if (current()) {
                    connector.onLocalStop();
                }
            }
        }

        @Override
        public void faultChanged(HardwareFault fault) {
            synchronized (connector.host.lock()) {
                if (current()) {
                    connector.onFault(fault);
                }
            }
        }
    }
}
