package io.chargegate.profile.smartcharging.internal;

import io.chargegate.station.api.ChargingLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_DEFAULT_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingRateUnitType.A;
import static io.chargegate.ocpp.model.types.ChargingRateUnitType.W;
import static io.chargegate.ocpp.model.types.RecurrencyKindType.DAILY;
import static io.chargegate.profile.smartcharging.internal.Profiles.T0;
import static io.chargegate.profile.smartcharging.internal.Profiles.absolute;
import static io.chargegate.profile.smartcharging.internal.Profiles.p;
import static io.chargegate.profile.smartcharging.internal.Profiles.recurring;
import static io.chargegate.profile.smartcharging.internal.Profiles.relative;
import static io.chargegate.profile.smartcharging.internal.Profiles.txDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Limits applied through {@code ChargingLimits.setLimit} at the right instants, driven by a controllable clock
 * (the fake station's) and a manual timer: every assertion is about the station clock, none about real time.
 */
class LimitApplicationTest {

    private FakeStation station;
    private Harness h;

    @BeforeEach
    void setUp() {
        station = new FakeStation("CP-1", 1, T0.plusMillis(250));
        h = new Harness(station, Settings.defaults());
    }

    private static FakeStation.LimitCall call(Instant at, double value) {
        return new FakeStation.LimitCall(at, 1, new ChargingLimits.Limit(value, A, null));
    }

    @Test
    void activationSetsTheDefaultOnceAndNothingMoreWithoutProfiles() {
        assertEquals(List.of(new FakeStation.LimitCall(T0.plusMillis(250), 1, null)), station.limitCalls());
        h.timer.advance(Duration.ofDays(2));
        assertEquals(1, station.limitCalls().size(), "hourly re-evaluations change nothing");
    }

    @Test
    void limitChangesExactlyAtEachPeriodBoundary() {
        h.set(0, txDefault(1, 0, p(0, 16), p(600, 10), p(1500, 0)));
        assertEquals(T0.plusSeconds(600), h.timer.nextDue());
        h.timer.advance(Duration.ofHours(3));
        assertEquals(List.of(call(T0.plusMillis(250), 16), call(T0.plusSeconds(600), 10),
                call(T0.plusSeconds(1500), 0)), station.limitCalls().subList(1, 4));
        assertEquals(4, station.limitCalls().size());
    }

    @Test
    void dailyRecurringProfileSwitchesEveryNightAndMorning() {
        // 6 A from 22:00 to 06:00 over a 16 A base
        h.set(0, txDefault(1, 0, p(0, 16)));
        h.set(0, recurring(2, 1, TX_DEFAULT_PROFILE, DAILY, T0.minusSeconds(7200), 8 * 3600, p(0, 6)));
        assertEquals(6.0, h.limit(1));
        int before = station.limitCalls().size();
        h.timer.advance(Duration.ofDays(3));
        List<FakeStation.LimitCall> calls = station.limitCalls().subList(before, station.limitCalls().size());
        assertEquals(List.of(
                call(T0.plusSeconds(6 * 3600), 16), call(T0.plusSeconds(22 * 3600), 6),
                call(T0.plusSeconds(30 * 3600), 16), call(T0.plusSeconds(46 * 3600), 6),
                call(T0.plusSeconds(54 * 3600), 16), call(T0.plusSeconds(70 * 3600), 6)), calls);
    }

    @Test
    void validFromBeyondTheWakeUpHorizonStillAppliesOnTime() {
        Instant from = T0.plusSeconds(5 * 3600 + 17);
        h.set(0, txDefault(1, 0, p(0, 11)).withValidFrom(from).withValidTo(from.plusSeconds(600)));
        assertNull(h.limit(1));
        h.timer.advance(Duration.ofHours(6));
        List<FakeStation.LimitCall> calls = station.limitCalls();
        assertEquals(List.of(call(from, 11), new FakeStation.LimitCall(from.plusSeconds(600), 1, null)),
                calls.subList(calls.size() - 2, calls.size()));
    }

    @Test
    void relativeTxProfileRunsFromTheTransactionStartAndEndsWithItsDuration() {
        h.set(0, txDefault(1, 0, p(0, 16)));
        h.timer.advance(Duration.ofSeconds(100));
        h.startTransaction(1, 42, null);
        Instant txStart = station.now();
        Instant anchor = txStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the engine counts whole seconds
        h.set(1, relative(2, 0, TX_PROFILE, 300, p(0, 6), p(120, 8)));
        h.timer.advance(Duration.ofSeconds(30));
        h.set(1, relative(3, 1, TX_PROFILE, null, p(0, 7)).withValidFrom(station.now().plusSeconds(1000)));
        h.timer.advance(Duration.ofHours(1));
        List<FakeStation.LimitCall> calls = station.limitCalls();
        int n = calls.size();
        assertEquals(List.of(call(txStart, 6), call(anchor.plusSeconds(120), 8), call(anchor.plusSeconds(300), 16),
                call(anchor.plusSeconds(1030), 7)), calls.subList(n - 4, n));
    }

    @Test
    void transactionEventsReapplyAtOnce() {
        h.set(0, relative(1, 0, TX_DEFAULT_PROFILE, null, p(0, 10), p(600, 20)));
        assertEquals(10.0, h.limit(1), "without a transaction: as if one started now");
        h.timer.advance(Duration.ofSeconds(1000));
        assertEquals(10.0, h.limit(1), "the idle anchor moves with now");
        h.startTransaction(1, 5, null);
        h.timer.advance(Duration.ofSeconds(599));
        assertEquals(10.0, h.limit(1));
        h.timer.advance(Duration.ofSeconds(1));
        assertEquals(20.0, h.limit(1));
        h.stopTransaction(1, 5);
        assertEquals(10.0, h.limit(1));
    }

    @Test
    void wattLimitsArePassedInWattsWithTheirPhases() {
        h.set(0, absolute(1, 0, TX_DEFAULT_PROFILE, W, T0, null, p(0, 3680, 1)));
        assertEquals(new ChargingLimits.Limit(3680, W, 1), station.limit(1));
    }

    @Test
    void noTimerRunsAfterDeactivationAndLimitsAreHeld() {
        h.set(0, txDefault(1, 0, p(0, 16), p(600, 10)));
        h.deactivate();
        int before = station.limitCalls().size();
        h.timer.advance(Duration.ofHours(2));
        assertEquals(before, station.limitCalls().size());
        assertEquals(16.0, h.limit(1), "deactivation does not lift or change the limit");
    }

    @Test
    void reactivationAppliesTheLimitDueNow() {
        h.set(0, txDefault(1, 0, p(0, 16), p(600, 10)));
        h.deactivate();
        station.advance(Duration.ofSeconds(900));
        h.activate();
        assertEquals(10.0, h.limit(1));
        assertEquals(T0.plusMillis(250).plusSeconds(900), station.limitCalls().get(station.limitCalls().size() - 1).at());
    }

    @Test
    void aCsmsClockCorrectionIsCaughtUpAtTheNextWakeUp() {
        h.set(0, txDefault(1, 0, p(0, 16), p(7200, 10)));
        // the CSMS clock jumps 2 h ahead (Heartbeat correction) without a timer firing
        station.advance(Duration.ofHours(2));
        h.timer.runDue();
        assertEquals(10.0, h.limit(1), "the pending wake-up was due on the new clock");
    }
}
