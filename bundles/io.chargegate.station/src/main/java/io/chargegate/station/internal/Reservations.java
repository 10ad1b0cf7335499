package io.chargegate.station.internal;

import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.station.api.Reservation;
import io.chargegate.store.DurableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static io.chargegate.station.internal.StationRuntime.cancel;

/**
 * The reservations of a {@link StationRuntime} (ReserveNow, CancelReservation): the reservation of the charge point as
 * a whole (connector 0) kept here, those of connectors 1..n on their {@link Connector} ({@code reservation},
 * {@code reservationTimer}), each with the timer that ends it at its expiry date, persisted in the store map
 * {@code reservations} and restored at every start. It reaches the runtime only through {@link Host}.
 *
 * <h2>Locking</h2>
 * Guarded by the runtime's monitor ({@link Host#lock()}, the {@link StationRuntime} instance): every method is called
 * with it held; an expiry timer takes it first and checks the generation it was scheduled in.
 */
final class Reservations {
    // log lines keep the runtime's logger name (operators and tests grep them)
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);

    /**
     * What reservations need from their runtime. Implemented by the runtime; every method is called with the runtime's
     * monitor held and reads the runtime's current state (the store, configuration and connectors change on restart).
     */
    interface Host {
        /** The monitor guarding the runtime (the runtime itself). */
        Object lock();

        /** The charge point identity. */
        String stationId();

        StationSettings settings();

        ScheduledExecutorService scheduler();

        /** The current generation (one per {@link StationRuntime#start()}). */
        long generation();

        boolean running();

        ConfigurationRegistry config();

        /** The charge point as a whole is Operative. */
        boolean cpOperative();

        /** All connectors by id, 0 included. */
        Connector[] connectors();

        /** The time on the CSMS clock. */
        Instant now();
    }

    private final Host host;
    /** The charge point identity (log lines). */
    private final String id;

    // ---- state, guarded by the runtime's monitor
    /** The store map of the current start: reservation id -> connector|idTag|parentIdTag|expiryDate. */
    private DurableMap reservations;
    private Reservation cpReservation;
    private ScheduledFuture<?> cpReservationTimer;

    /**
     * @param host the runtime these belong to
     */
    Reservations(Host host) {
        this.host = host;
        this.id = host.stationId();
    }

    /**
     * Uses the store map of a start and places every persisted reservation again (the connectors are new); expired
     * ones, unreadable ones and ones for a connector that no longer exists are removed.
     */
    void restore(DurableMap reservations) {
        this.reservations = reservations;
        int n = host.settings().connectors();
        Instant now = host.now();
        cpReservation = null;
        for (Map.Entry<String, String> e : reservations.snapshot().entrySet()) {
            Reservation r = decodeReservation(Integer.parseInt(e.getKey()), e.getValue());
            if (r == null || !r.expiryDate().isAfter(now) || r.connectorId() > n) {
                reservations.remove(e.getKey());
                continue;
            }
            placeReservation(r);
        }
    }

    /** The reservation of connector 0 (any connector), or null. */
    Reservation cpReservation() {
        return cpReservation;
    }

    /** Cancels the expiry timer of the charge point reservation (a stop; connectors cancel their own). */
    void cancelTimer() {
        cancel(cpReservationTimer);
    }

    /**
     * ReserveNow, on a running station: accepted, or why not. A reservation with the same id is replaced (moved when
     * it names another connector).
     */
    ReservationStatus reserve(Reservation r) {
        if (r.connectorId() > host.settings().connectors() || !r.expiryDate().isAfter(host.now())) {
            return ReservationStatus.REJECTED;
        }
        Connector[] connectors = host.connectors();
        // the checks treat a reservation with the same id as absent; a refused request leaves it as it was
        int rid = r.reservationId();
        if (r.connectorId() == 0) {
            if (!host.config().boolValue("ReserveConnectorZeroSupported", false)) {
                return ReservationStatus.REJECTED;
            }
            if (!host.cpOperative()) {
                return ReservationStatus.UNAVAILABLE;
            }
            if (cpReservation != null && cpReservation.reservationId() != rid) {
                return ReservationStatus.OCCUPIED;
            }
            // no connector Available: Faulted when all are faulted, Unavailable when all are faulted or unavailable
            // (none in use), else Occupied
            boolean anyFree = false;
            boolean allFaulted = true;
            boolean noneInUse = true;
            for (int i = 1; i < connectors.length; i++) {
                ChargePointStatus cs = connectors[i].statusIgnoring(rid);
                anyFree |= cs == ChargePointStatus.AVAILABLE;
                allFaulted &= cs == ChargePointStatus.FAULTED;
                noneInUse &= cs == ChargePointStatus.FAULTED || cs == ChargePointStatus.UNAVAILABLE;
            }
            if (!anyFree) {
                return allFaulted ? ReservationStatus.FAULTED
                        : noneInUse ? ReservationStatus.UNAVAILABLE : ReservationStatus.OCCUPIED;
            }
        } else {
            Connector c = connectors[r.connectorId()];
            switch (c.statusIgnoring(rid)) {
                case FAULTED -> {
                    return ReservationStatus.FAULTED;
                }
                case UNAVAILABLE -> {
                    return ReservationStatus.UNAVAILABLE;
                }
                case AVAILABLE -> {
                }
                default -> {
                    return ReservationStatus.OCCUPIED;
                }
            }
        }
        Connector previous = detachReservation(rid);
        reservations.put(Integer.toString(rid), encodeReservation(r));
        placeReservation(r);
        if (previous != null && previous.id != r.connectorId()) {
            previous.evaluate();
        }
        LOG.info("[{}] reservation {} on connector {} for {} until {}", id, r.reservationId(), r.connectorId(), r.idTag(), r.expiryDate());
        return ReservationStatus.ACCEPTED;
    }

    /**
     * Removes the reservation with that id (from the store too) and reports the new status of the connector it was on;
     * false when none had that id.
     */
    boolean cancelReservation(int reservationId) {
        boolean found = cpReservation != null && cpReservation.reservationId() == reservationId;
        Connector c = detachReservation(reservationId);
        if (c != null) {
            c.evaluate();
            found = true;
        }
        if (found) {
            reservations.remove(Integer.toString(reservationId));
        }
        return found;
    }

    /**
     * Takes the reservation with that id off the charge point or its connector (timer cancelled) without touching the
     * store or reporting a status; returns the connector it was on, or null (none, or the charge point's).
     */
    private Connector detachReservation(int reservationId) {
        Connector[] connectors = host.connectors();
        if (cpReservation != null && cpReservation.reservationId() == reservationId) {
            cpReservation = null;
            cancel(cpReservationTimer);
            cpReservationTimer = null;
        }
        for (int i = 1; i < connectors.length; i++) {
            Connector c = connectors[i];
            if (c.reservation != null && c.reservation.reservationId() == reservationId) {
                c.reservation = null;
                cancel(c.reservationTimer);
                c.reservationTimer = null;
                return c;
            }
        }
        return null;
    }

    private void placeReservation(Reservation r) {
        long gen = host.generation();
        long delay = Math.max(1, Duration.between(host.now(), r.expiryDate()).toMillis());
        ScheduledFuture<?> timer = host.scheduler().schedule(() -> {
            synchronized (host.lock()) {
                if (gen == host.generation() && host.running()) {
                    LOG.info("[{}] reservation {} expired", id, r.reservationId());
                    cancelReservation(r.reservationId());
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
        if (r.connectorId() == 0) {
            cpReservation = r;
            cpReservationTimer = timer;
        } else {
            Connector c = host.connectors()[r.connectorId()];
            c.reservation = r;
            c.reservationTimer = timer;
            c.evaluate();
        }
    }

    private static String encodeReservation(Reservation r) {
        return r.connectorId() + "|" + r.idTag() + "|" + (r.parentIdTag() == null ? "" : r.parentIdTag()) + "|" + r.expiryDate();
    }

    private Reservation decodeReservation(int reservationId, String s) {
        try {
            String[] p = s.split("\\|", -1);
            return new Reservation(reservationId, Integer.parseInt(p[0]), p[1], p[2].isEmpty() ? null : p[2], Instant.parse(p[3]));
        } catch (RuntimeException e) {
            LOG.warn("[{}] unreadable reservation {} dropped", id, reservationId);
            return null;
        }
    }
}
