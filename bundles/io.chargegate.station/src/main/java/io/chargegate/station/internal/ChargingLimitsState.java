package io.chargegate.station.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.EvseCapabilities;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.station.api.ChargingLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static io.chargegate.station.internal.StationRuntime.cancel;

/**
 * The charging limits of a {@link StationRuntime}: the limits set through {@link StationRuntime#chargingLimits()} (the
 * smart charging profile sets them) by connector, the limit in force on a connector (the one set, else the default,
 * else the hardware maximum), and what happens when the smart charging profile goes away: every limit it set is held
 * for {@code smartChargingHoldSeconds}, then replaced by {@code smartChargingFallbackLimitAmperes} unless lower
 * (ARCHITECTURE.md, hot swap). Kept across {@link StationRuntime#stop()}/{@link StationRuntime#start()} (a Reset), not
 * persisted. A connector's EVSE driver gets its limit through {@link Connector#pushLimit()}. It reaches the runtime only
 * through {@link Host}.
 *
 * <h2>Locking</h2>
 * Guarded by the runtime's monitor ({@link Host#lock()}, the {@link StationRuntime} instance): the runtime calls with
 * it held; {@link #applyLimit} and {@link #limitInForce} (also called through {@link #view()} from any thread),
 * {@link #holdingLimits} and the hold timer take it first. Nothing here takes another lock.
 */
final class ChargingLimitsState {
    // log lines keep the runtime's logger name (operators and tests grep them)
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);

    /**
     * What the charging limits need from their runtime. Implemented by the runtime; every method is called with the
     * runtime's monitor held and reads the runtime's current state (the connectors change on restart).
     */
    interface Host {
        /** The monitor guarding the runtime (the runtime itself). */
        Object lock();

        /** The charge point identity. */
        String stationId();

        StationSettings settings();

        ScheduledExecutorService scheduler();

        /** The local clock (the hold deadline is on it, not on the CSMS clock). */
        Clock clock();

        boolean running();

        /** All connectors by id, 0 included (none before the first start). */
        Connector[] connectors();
    }

    private final Host host;
    /** The charge point identity (log lines). */
    private final String id;
    private final StationSettings settings;

    // ---- state, guarded by the runtime's monitor
    /**
     * Limits set through {@link #applyLimit} by connector id; kept across {@link StationRuntime#stop()}/
     * {@link StationRuntime#start()} (a Reset), not persisted. A connector without one runs at the default limit.
     */
    private final Map<Integer, ChargingLimit> limits = new HashMap<>();
    private final ChargingLimits limitsView = new LimitsView();
    /** Whether a SMART_CHARGING FeatureProfileProvider was registered at the last look (kept across restarts). */
    private boolean smartChargingPresent;
    /** Connectors whose limit, set by the smart charging profile that went away, is held now; kept across restarts. */
    private final TreeSet<Integer> heldLimits = new TreeSet<>();
    /** When the hold ends (local clock). */
    private Instant holdDeadline;
    private ScheduledFuture<?> holdTask;

    /**
     * @param host the runtime these belong to
     */
    ChargingLimitsState(Host host) {
        this.host = host;
        this.id = host.stationId();
        this.settings = host.settings();
    }

    /** {@link ChargingLimits} in OCPP units, the runtime's {@link StationRuntime#chargingLimits()}. */
    ChargingLimits view() {
        return limitsView;
    }

    /** Whether a SMART_CHARGING FeatureProfileProvider is registered now: starts or ends a hold when that changed. */
    void smartChargingPresent(boolean sc) {
        if (sc != smartChargingPresent) {
            smartChargingPresent = sc;
            if (sc) {
                smartChargingBack();
            } else {
                smartChargingGone();
            }
        }
    }

    /** At a start: a hold that was running when the station stopped (Reset) goes on. */
    void resumeHold() {
        if (!heldLimits.isEmpty() && !smartChargingPresent) {
            scheduleHold();
        }
    }

    /** Cancels the hold timer (a stop; the held limits stay). */
    void cancelHold() {
        cancel(holdTask);
        holdTask = null;
    }

    /**
     * Sets the limit of a connector (null: back to the default) and passes the limit now in force to its EVSE driver
     * when one is bound; a driver bound later gets it when attached.
     *
     * @throws IllegalArgumentException for a connector outside 1..n
     */
    void applyLimit(int connectorId, ChargingLimit limit) {
        synchronized (host.lock()) {
            if (connectorId < 1 || connectorId > settings.connectors()) {
                throw new IllegalArgumentException("no connector " + connectorId + " (1.." + settings.connectors() + ")");
            }
            heldLimits.remove(connectorId); // a limit set now replaces a held one
            if (limit == null) {
                limits.remove(connectorId);
            } else {
                limits.put(connectorId, limit);
            }
            Connector[] connectors = host.connectors();
            if (host.running() && connectorId < connectors.length) {
                connectors[connectorId].pushLimit();
            }
        }
    }

    /**
     * The limit in force on a connector: the one set, else {@code defaultLimitAmperes} (capped at the hardware
     * maximum), else the hardware maximum; null when neither a default nor the capabilities are known.
     */
    ChargingLimit limitInForce(int connectorId) {
        synchronized (host.lock()) {
            ChargingLimit set = limits.get(connectorId);
            if (set != null) {
                return set;
            }
            Connector[] connectors = host.connectors();
            EvseCapabilities caps = host.running() && connectorId < connectors.length ? connectors[connectorId].caps : null;
            double def = settings.defaultLimitAmperes();
            if (def > 0) {
                return ChargingLimit.amperes(caps == null ? def : Math.min(def, caps.maxCurrent()));
            }
            return caps == null ? null : ChargingLimit.amperes(caps.maxCurrent());
        }
    }

    /** {@link ChargingLimits} in OCPP units over {@link #applyLimit} / {@link #limitInForce}. */
    private final class LimitsView implements ChargingLimits {
        @Override
        public void setLimit(int connectorId, Limit limit) {
            applyLimit(connectorId, limit == null ? null : new ChargingLimit(limit.value(),
                    limit.unit() == ChargingRateUnitType.W ? ChargingLimit.Unit.WATT : ChargingLimit.Unit.AMPERE, limit.phases()));
        }

        @Override
        public Limit limit(int connectorId) {
            if (connectorId < 1 || connectorId > settings.connectors()) {
                throw new IllegalArgumentException("no connector " + connectorId + " (1.." + settings.connectors() + ")");
            }
            ChargingLimit l = limitInForce(connectorId);
            return l == null ? null : new Limit(l.value(),
                    l.unit() == ChargingLimit.Unit.WATT ? ChargingRateUnitType.W : ChargingRateUnitType.A, l.phases());
        }
    }

    // ---- smart charging source gone: hold, then fall back (ARCHITECTURE.md, hot swap)

    /** The smart charging profile went away: every limit it set is held for smartChargingHoldSeconds. */
    private void smartChargingGone() {
        heldLimits.clear();
        heldLimits.addAll(limits.keySet());
        if (heldLimits.isEmpty()) {
            return;
        }
        Duration hold = settings.smartChargingHold();
        boolean forever = settings.smartChargingFallbackLimitAmperes() <= 0;
        for (int c : heldLimits) {
            LOG.warn("[{}] connector {}: smart charging source gone, holding {} {}", id, c, describe(limits.get(c)),
                    forever ? "indefinitely" : "for " + hold.toSeconds() + " s");
        }
        holdDeadline = host.clock().instant().plus(hold);
        scheduleHold();
    }

    private void scheduleHold() {
        cancel(holdTask);
        holdTask = null;
        if (settings.smartChargingFallbackLimitAmperes() <= 0) {
            return; // hold indefinitely
        }
        long delay = Math.max(0, Duration.between(host.clock().instant(), holdDeadline).toMillis());
        holdTask = host.scheduler().schedule(this::holdExpired, delay, TimeUnit.MILLISECONDS);
    }

    /** The hold is over: each held limit is replaced by the fallback limit, unless the held one is lower. */
    private void holdExpired() {
        synchronized (host.lock()) {
            holdTask = null;
            if (smartChargingPresent || heldLimits.isEmpty()) {
                return;
            }
            Connector[] connectors = host.connectors();
            for (int c : heldLimits) {
                ChargingLimit held = limits.get(c);
                if (held == null) {
                    continue;
                }
                ChargingLimit fallback = fallbackFor(c, held);
                limits.put(c, fallback);
                LOG.warn("[{}] connector {}: smart charging hold over, limit {} -> {}", id, c, describe(held), describe(fallback));
                if (host.running() && c < connectors.length) {
                    connectors[c].pushLimit();
                }
            }
            heldLimits.clear();
        }
    }

    /** smartChargingFallbackLimitAmperes capped at the hardware maximum; the held limit itself when that is lower. */
    private ChargingLimit fallbackFor(int connectorId, ChargingLimit held) {
        Connector[] connectors = host.connectors();
        EvseCapabilities caps = connectorId < connectors.length ? connectors[connectorId].caps : null;
        double fallbackA = settings.smartChargingFallbackLimitAmperes();
        if (caps != null) {
            fallbackA = Math.min(fallbackA, caps.maxCurrent());
        }
        double heldA = held.value();
        if (held.unit() == ChargingLimit.Unit.WATT) {
            int phases = held.phases() != null ? held.phases() : caps != null ? caps.phases() : 3;
            double volts = caps != null ? caps.nominalVoltage() : settings.nominalVoltage();
            heldA = held.value() / (phases * volts);
        }
        return heldA <= fallbackA ? held : ChargingLimit.amperes(fallbackA);
    }

    /** The smart charging profile is back: no fallback; the held / fallback limits stay until it sets its own. */
    private void smartChargingBack() {
        cancel(holdTask);
        holdTask = null;
        if (!heldLimits.isEmpty()) {
            LOG.info("[{}] smart charging source back: hold of connector(s) {} ended", id, heldLimits);
        }
        heldLimits.clear();
    }

    /** Whether limits are held now because the smart charging profile went away (tests, diagnostics). */
    boolean holdingLimits() {
        synchronized (host.lock()) {
            return !heldLimits.isEmpty();
        }
    }

    private static String describe(ChargingLimit l) {
        return l == null ? "none" : Metering.format(l.value()) + (l.unit() == ChargingLimit.Unit.WATT ? " W" : " A")
                + (l.phases() == null ? "" : " on " + l.phases() + " phase(s)");
    }
}
