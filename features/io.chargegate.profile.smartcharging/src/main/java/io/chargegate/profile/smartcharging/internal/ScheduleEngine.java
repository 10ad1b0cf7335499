package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.RecurrencyKindType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * The schedule arithmetic of OCPP 1.6 smart charging, free of OSGi and of clocks: every method takes the instants it
 * needs, in epoch seconds (sub-second parts are dropped). Rules:
 * <ul>
 * <li><b>Schedule start</b> (anchor): Absolute = {@code startSchedule}; Recurring = the latest
 *     {@code startSchedule + k * 24 h} (Daily) or {@code + k * 7 d} (Weekly), k &ge; 0, at or before the instant
 *     (nothing before {@code startSchedule}; fixed 86 400 s days in UTC, no daylight saving shifts); Relative = the
 *     start of the connector's transaction, or, on a connector without one (and for connector 0), the evaluation
 *     origin ("now"): the schedule a transaction starting now would get.</li>
 * <li>A profile limits an instant t when validFrom &le; t &lt; validTo and 0 &le; t - anchor &lt; duration (duration
 *     absent = open-ended; for Recurring at most one recurrence). The period in force is the last one whose
 *     {@code startPeriod} &le; t - anchor.</li>
 * <li>Per purpose the profile with the highest stack level that limits the instant wins, so a lower level takes
 *     over where a higher one's schedule has ended; at equal levels a TxDefaultProfile of the connector beats one of
 *     connector 0.</li>
 * <li>A connector's limit = min(ChargePointMax, TxProfile if one limits the instant, else TxDefault of the
 *     connector or of connector 0); connector 0's = min(ChargePointMax, TxDefault installed on connector 0). Rates
 *     are compared as power, converting A to W as A &times; nominal voltage &times; phases (period's
 *     {@code numberPhases}, else 3).</li>
 * </ul>
 */
final class ScheduleEngine {
    /** Seconds of a Daily recurrence. */
    static final long DAY = 86_400L;
    /** Seconds of a Weekly recurrence. */
    static final long WEEK = 7 * DAY;

    private final double voltage;

    ScheduleEngine(double nominalVoltage) {
        this.voltage = nominalVoltage;
    }

    /** Volts per phase used for A/W conversion. */
    double voltage() {
        return voltage;
    }

    /**
     * Where and when a connector's limits are evaluated.
     *
     * @param connectorId 0..n
     * @param origin      "now" in epoch seconds (anchor of Relative profiles without a transaction)
     * @param tx          the transaction on the connector, or null
     */
    record Context(int connectorId, long origin, TxInfo tx) {
        long relativeAnchor() {
            return tx != null ? tx.startSecond() : origin;
        }
    }

    /** Epoch seconds of an instant (rounded down). */
    static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }

    private static long recurrence(RecurrencyKindType kind) {
        return kind == RecurrencyKindType.WEEKLY ? WEEK : DAY;
    }

    /** The start of the schedule that applies at {@code t}, or null when it has not started. */
    static Long anchor(ChargingProfile p, long t, long relativeAnchor) {
        ChargingSchedule s = p.chargingSchedule();
        return switch (p.chargingProfileKind()) {
            case ABSOLUTE -> s.startSchedule() == null ? null : seconds(s.startSchedule());
            case RELATIVE -> relativeAnchor;
            case RECURRING -> {
                if (s.startSchedule() == null) {
                    yield null;
                }
                long start = seconds(s.startSchedule());
                if (t < start) {
                    yield null;
                }
                long period = recurrence(p.recurrencyKind());
                yield start + Math.floorDiv(t - start, period) * period;
            }
        };
    }

    /** The length of one run of the schedule in seconds, or null when open-ended. */
    static Long length(ChargingProfile p) {
        Integer duration = p.chargingSchedule().duration();
        if (p.chargingProfileKind() == ChargingProfileKindType.RECURRING) {
            long period = recurrence(p.recurrencyKind());
            return duration == null ? period : Math.min(duration, period);
        }
        return duration == null ? null : duration.longValue();
    }

    /** The rate {@code p} sets at {@code t}, or null when it does not limit that instant. */
    static Rate rateAt(ChargingProfile p, long t, long relativeAnchor) {
        if (p.validFrom() != null && t < seconds(p.validFrom())) {
            return null;
        }
        if (p.validTo() != null && t >= seconds(p.validTo())) {
            return null;
        }
        Long anchor = anchor(p, t, relativeAnchor);
        if (anchor == null) {
            return null;
        }
        long offset = t - anchor;
        Long length = length(p);
        if (offset < 0 || (length != null && offset >= length)) {
            return null;
        }
        List<ChargingSchedulePeriod> periods = p.chargingSchedule().chargingSchedulePeriod();
        int lo = 0;
        int hi = periods.size() - 1;
        int found = -1;
        while (lo <= hi) { // last period with startPeriod <= offset
            int mid = (lo + hi) >>> 1;
            if (periods.get(mid).startPeriod() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return null;
        }
        ChargingSchedulePeriod period = periods.get(found);
        return new Rate(period.limit(), p.chargingSchedule().chargingRateUnit(), period.numberPhases());
    }

    /**
     * Reports every instant in [{@code from}, {@code to}] at which {@code p}'s contribution may change: validFrom,
     * validTo, each period start and the schedule end (of each recurrence). With {@code scheduleBoundaries} false
     * only validFrom/validTo are reported (for a Relative profile anchored at a moving "now").
     */
    static void boundaries(ChargingProfile p, long from, long to, long relativeAnchor, boolean scheduleBoundaries,
                           LongConsumer sink) {
        if (p.validFrom() != null) {
            emit(seconds(p.validFrom()), from, to, sink);
        }
        if (p.validTo() != null) {
            emit(seconds(p.validTo()), from, to, sink);
        }
        if (!scheduleBoundaries) {
            return;
        }
        ChargingSchedule s = p.chargingSchedule();
        Long length = length(p);
        if (p.chargingProfileKind() == ChargingProfileKindType.RECURRING) {
            if (s.startSchedule() == null) {
                return;
            }
            long start = seconds(s.startSchedule());
            long period = recurrence(p.recurrencyKind());
            long first = Math.max(0, Math.floorDiv(from - start, period));
            long last = Math.floorDiv(to - start, period);
            for (long k = first; k <= last; k++) {
                runBoundaries(s, start + k * period, length, from, to, sink);
            }
        } else {
            Long anchor = anchor(p, from, relativeAnchor);
            if (anchor != null) {
                runBoundaries(s, anchor, length, from, to, sink);
            }
        }
    }

    private static void runBoundaries(ChargingSchedule s, long anchor, Long length, long from, long to,
                                      LongConsumer sink) {
        for (ChargingSchedulePeriod period : s.chargingSchedulePeriod()) {
            if (length != null && period.startPeriod() >= length) {
                break;
            }
            emit(anchor + period.startPeriod(), from, to, sink);
        }
        if (length != null) {
            emit(anchor + length, from, to, sink);
        }
    }

    private static void emit(long t, long from, long to, LongConsumer sink) {
        if (t >= from && t <= to) {
            sink.accept(t);
        }
    }

    /** The profiles that can limit {@code connectorId} (see the class comment). */
    static List<InstalledProfile> candidates(Collection<InstalledProfile> all, int connectorId) {
        List<InstalledProfile> result = new ArrayList<>();
        for (InstalledProfile p : all) {
            boolean relevant = switch (p.purpose()) {
                case CHARGE_POINT_MAX_PROFILE -> true;
                case TX_DEFAULT_PROFILE -> p.connectorId() == 0 || p.connectorId() == connectorId;
                case TX_PROFILE -> connectorId != 0 && p.connectorId() == connectorId;
            };
            if (relevant) {
                result.add(p);
            }
        }
        return result;
    }

    /** The winning rate of one purpose at {@code t}, or null when no profile of that purpose limits it. */
    private static Rate winner(List<InstalledProfile> candidates, ChargingProfilePurposeType purpose, long t,
                               long relativeAnchor) {
        InstalledProfile best = null;
        Rate bestRate = null;
        for (InstalledProfile p : candidates) {
            if (p.purpose() != purpose) {
                continue;
            }
            Rate r = rateAt(p.profile(), t, relativeAnchor);
            if (r == null) {
                continue;
            }
            if (best == null || beats(p, best)) {
                best = p;
                bestRate = r;
            }
        }
        return bestRate;
    }

    /** Precedence: higher stack level; then connector-specific over connector 0; then the lower profile id. */
    private static boolean beats(InstalledProfile a, InstalledProfile b) {
        if (a.stackLevel() != b.stackLevel()) {
            return a.stackLevel() > b.stackLevel();
        }
        boolean aSpecific = a.connectorId() != 0;
        boolean bSpecific = b.connectorId() != 0;
        if (aSpecific != bSpecific) {
            return aSpecific;
        }
        return a.id() < b.id();
    }

    /** The limit of the context's connector at {@code t}, or null when no profile limits it. */
    Rate limitAt(Collection<InstalledProfile> all, Context ctx, long t) {
        return limitOf(candidates(all, ctx.connectorId()), ctx, t);
    }

    private Rate limitOf(List<InstalledProfile> candidates, Context ctx, long t) {
        long rel = ctx.relativeAnchor();
        Rate max = winner(candidates, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, t, rel);
        Rate tx = ctx.connectorId() == 0 ? null : winner(candidates, ChargingProfilePurposeType.TX_PROFILE, t, rel);
        Rate other = tx != null ? tx : winner(candidates, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, t, rel);
        return Rate.min(max, other, voltage);
    }

    /**
     * The first instant after {@code now} and at most {@code now + horizon} at which the connector's limit may
     * change; {@code now + horizon} when none is known. Relative profiles of a connector without a transaction are
     * anchored at the moving "now", so only their validity bounds count.
     */
    long nextChange(Collection<InstalledProfile> all, Context ctx, long now, long horizon) {
        long end = now + horizon;
        long[] next = {end};
        for (InstalledProfile p : candidates(all, ctx.connectorId())) {
            boolean moving = p.profile().chargingProfileKind() == ChargingProfileKindType.RELATIVE && ctx.tx() == null;
            boundaries(p.profile(), now + 1, end, ctx.relativeAnchor(), !moving, t -> next[0] = Math.min(next[0], t));
        }
        return next[0];
    }

    /**
     * The composite schedule of a connector from {@code start} for {@code duration} seconds: one period per change
     * of the limit inside the window, adjacent equal periods merged, values rounded down to 0.1 in {@code unit}
     * (null: the unit shared by all relevant profiles, else A). Instants no profile limits get
     * {@code defaultAmperes} (3 phases). Empty when no profile limits any instant of the window.
     */
    Optional<ChargingSchedule> composite(Collection<InstalledProfile> all, Context ctx, long start, int duration,
                                         ChargingRateUnitType unit, double defaultAmperes) {
        if (duration <= 0) {
            return Optional.empty();
        }
        List<InstalledProfile> candidates = candidates(all, ctx.connectorId());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        long end = start + duration;
        TreeSet<Long> points = new TreeSet<>();
        points.add(start);
        for (InstalledProfile p : candidates) {
            boundaries(p.profile(), start, end - 1, ctx.relativeAnchor(), true, points::add);
        }
        ChargingRateUnitType target = unit != null ? unit : sharedUnit(candidates);
        Rate gap = new Rate(defaultAmperes, ChargingRateUnitType.A, null);
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        boolean limited = false;
        ChargingSchedulePeriod last = null;
        for (long t : points) {
            Rate r = limitOf(candidates, ctx, t);
            if (r != null) {
                limited = true;
            } else {
                r = gap;
            }
            double value = floorTenth(r.in(target, voltage));
            if (last != null && last.limit() == value && Objects.equals(last.numberPhases(), r.phases())) {
                continue;
            }
            last = new ChargingSchedulePeriod((int) (t - start), value, r.phases());
            periods.add(last);
        }
        if (!limited) {
            return Optional.empty();
        }
        return Optional.of(new ChargingSchedule(duration, Instant.ofEpochSecond(start), target, periods, null));
    }

    private static ChargingRateUnitType sharedUnit(List<InstalledProfile> candidates) {
        ChargingRateUnitType shared = null;
        for (InstalledProfile p : candidates) {
            ChargingRateUnitType u = p.profile().chargingSchedule().chargingRateUnit();
            if (shared != null && shared != u) {
                return ChargingRateUnitType.A;
            }
            shared = u;
        }
        return shared == null ? ChargingRateUnitType.A : shared;
    }

    /** Rounds down to a multiple of 0.1 (a limit is never reported above what applies). */
    static double floorTenth(double value) {
        return Math.floor(value * 10 + 1e-6) / 10;
    }
}
