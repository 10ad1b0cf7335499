package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_DEFAULT_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingRateUnitType.A;
import static io.chargegate.ocpp.model.types.ChargingRateUnitType.W;
import static io.chargegate.ocpp.model.types.RecurrencyKindType.DAILY;
import static io.chargegate.ocpp.model.types.RecurrencyKindType.WEEKLY;
import static io.chargegate.profile.smartcharging.internal.Profiles.T0;
import static io.chargegate.profile.smartcharging.internal.Profiles.absolute;
import static io.chargegate.profile.smartcharging.internal.Profiles.cpMax;
import static io.chargegate.profile.smartcharging.internal.Profiles.fmt;
import static io.chargegate.profile.smartcharging.internal.Profiles.on;
import static io.chargegate.profile.smartcharging.internal.Profiles.p;
import static io.chargegate.profile.smartcharging.internal.Profiles.recurring;
import static io.chargegate.profile.smartcharging.internal.Profiles.relative;
import static io.chargegate.profile.smartcharging.internal.Profiles.txDefault;
import static io.chargegate.profile.smartcharging.internal.Profiles.txProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Composite schedules of the pure engine, table-driven (230 V, 32 A where no profile limits). */
class ScheduleEngineTest {

    private static final ScheduleEngine ENGINE = new ScheduleEngine(230.0);
    private static final double DEFAULT_A = 32.0;

    /**
     * One composite schedule case.
     *
     * @param txStart  start of the connector's transaction (null: none)
     * @param expected {@link Profiles#fmt} of the periods, or null when the engine must report none (Rejected)
     */
    record Case(String name, List<InstalledProfile> profiles, int connector, Instant txStart, Instant start,
                int duration, ChargingRateUnitType unit, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("single absolute TxDefault on connector 0 applies to connector 1",
                        List.of(on(0, txDefault(1, 0, p(0, 16), p(600, 10)))), 1, null, T0, 1200, null,
                        "0:16.0 600:10.0"),
                new Case("window starting inside a period: offsets relative to the window",
                        List.of(on(0, txDefault(1, 0, p(0, 16), p(600, 10)))), 1, null, at(300), 1200, null,
                        "0:16.0 300:10.0"),
                new Case("change at the window end is outside the window",
                        List.of(on(0, txDefault(1, 0, p(0, 16), p(600, 10)))), 1, null, T0, 600, null, "0:16.0"),
                new Case("stacking: the higher level wins while its schedule runs, then the lower continues",
                        List.of(on(0, txDefault(1, 0, p(0, 16))),
                                on(0, absolute(2, 1, TX_DEFAULT_PROFILE, T0, 600, p(0, 8)))),
                        1, null, T0, 1200, null, "0:8.0 600:16.0"),
                new Case("stacking: a higher level valid from later takes over then",
                        List.of(on(0, txDefault(1, 0, p(0, 16))),
                                on(0, txDefault(2, 1, p(0, 8)).withValidFrom(at(300)))),
                        1, null, T0, 1200, null, "0:16.0 300:8.0"),
                new Case("stacking: a lower level never beats a higher one",
                        List.of(on(0, txDefault(1, 5, p(0, 20))), on(0, txDefault(2, 1, p(0, 6)))),
                        1, null, T0, 600, null, "0:20.0"),
                new Case("validTo inside the window: afterwards no profile limits (default reported)",
                        List.of(on(0, txDefault(1, 0, p(0, 16)).withValidTo(at(900)))),
                        1, null, T0, 1200, null, "0:16.0 900:32.0"),
                new Case("validTo at the window start: the profile no longer limits",
                        List.of(on(0, txDefault(1, 0, p(0, 16)).withValidTo(T0))),
                        1, null, T0, 1200, null, null),
                new Case("validFrom at the window end: not inside the window",
                        List.of(on(0, txDefault(1, 0, p(0, 16)).withValidFrom(at(1200)))),
                        1, null, T0, 1200, null, null),
                new Case("validFrom one second before the window end",
                        List.of(on(0, txDefault(1, 0, p(0, 16)).withValidFrom(at(1199)))),
                        1, null, T0, 1200, null, "0:32.0 1199:16.0"),
                new Case("absolute schedule starting inside the window",
                        List.of(on(0, absolute(1, 0, TX_DEFAULT_PROFILE, at(600), null, p(0, 10)))),
                        1, null, T0, 1200, null, "0:32.0 600:10.0"),
                new Case("ChargePointMax caps TxDefault",
                        List.of(on(0, cpMax(1, 0, p(0, 20), p(600, 10))), on(0, txDefault(2, 0, p(0, 16)))),
                        1, null, T0, 1200, null, "0:16.0 600:10.0"),
                new Case("TxProfile overrides TxDefault (also upwards), TxDefault again after it ends",
                        List.of(on(0, txDefault(1, 0, p(0, 16))),
                                on(1, relative(2, 0, TX_PROFILE, 600, p(0, 6), p(400, 20)))),
                        1, at(-300), T0, 1200, null, "0:6.0 100:20.0 300:16.0"),
                new Case("TxProfile capped by ChargePointMax",
                        List.of(on(0, cpMax(1, 0, p(0, 10))), on(1, txProfile(2, 0, p(0, 20)))),
                        1, T0, T0, 600, null, "0:10.0"),
                new Case("a connector's TxProfile does not limit another connector",
                        List.of(on(0, txDefault(1, 0, p(0, 16))), on(1, txProfile(2, 0, p(0, 6)))),
                        2, T0, T0, 600, null, "0:16.0"),
                new Case("relative TxDefault anchored at the transaction start",
                        List.of(on(0, relative(1, 0, TX_DEFAULT_PROFILE, null, p(0, 10), p(1800, 20)))),
                        1, at(-600), T0, 3600, null, "0:10.0 1200:20.0"),
                new Case("relative TxDefault without a transaction: as if one started now",
                        List.of(on(0, relative(1, 0, TX_DEFAULT_PROFILE, null, p(0, 10), p(1800, 20)))),
                        1, null, T0, 3600, null, "0:10.0 1800:20.0"),
                new Case("relative with duration: ends inside the window",
                        List.of(on(0, relative(1, 0, TX_DEFAULT_PROFILE, 900, p(0, 10)))),
                        1, at(-600), T0, 3600, null, "0:10.0 300:32.0"),
                new Case("daily recurring across midnight (22:00 start, 00:00 change)",
                        List.of(on(0, recurring(1, 0, TX_DEFAULT_PROFILE, DAILY, at(-7200), null,
                                p(0, 10), p(7200, 16)))),
                        1, null, at(-3600), 10800, null, "0:10.0 3600:16.0"),
                new Case("daily recurring: the next recurrence starts at 22:00",
                        List.of(on(0, recurring(1, 0, TX_DEFAULT_PROFILE, DAILY, at(-7200), null,
                                p(0, 10), p(7200, 16)))),
                        1, null, at(86400 - 3 * 3600), 7200, null, "0:16.0 3600:10.0"),
                new Case("daily recurring with duration (22:00-06:00) over an absolute base",
                        List.of(on(0, txDefault(1, 0, p(0, 16))),
                                on(0, recurring(2, 1, TX_DEFAULT_PROFILE, DAILY, at(-7200), 8 * 3600, p(0, 6)))),
                        1, null, at(5 * 3600), 7200, null, "0:6.0 3600:16.0"),
                new Case("daily recurring many days after its anchor",
                        List.of(on(0, recurring(1, 0, TX_DEFAULT_PROFILE, DAILY, T0, null, p(0, 6), p(43200, 12)))),
                        1, null, at(100 * 86400 + 43000), 400, null, "0:6.0 200:12.0"),
                new Case("recurring not active before its startSchedule",
                        List.of(on(0, txDefault(1, 0, p(0, 16))),
                                on(0, recurring(2, 1, TX_DEFAULT_PROFILE, DAILY, at(3600), null, p(0, 10)))),
                        1, null, T0, 7200, null, "0:16.0 3600:10.0"),
                new Case("weekly recurring across the week boundary (Sunday 23:00 -> Monday 00:00)",
                        List.of(on(0, recurring(1, 0, TX_DEFAULT_PROFILE, WEEKLY, T0, null,
                                p(0, 16), p(6 * 86400 + 23 * 3600, 8)))),
                        1, null, at(6 * 86400 + 22 * 3600), 10800, null, "0:16.0 3600:8.0 7200:16.0"),
                new Case("weekly recurring two weeks later",
                        List.of(on(0, recurring(1, 0, TX_DEFAULT_PROFILE, WEEKLY, T0, null,
                                p(0, 16), p(2 * 86400, 8)))),
                        1, null, at(14 * 86400 + 2 * 86400 - 60), 120, null, "0:16.0 60:8.0"),
                new Case("unit conversion A -> W (3 phases by default)",
                        List.of(on(0, txDefault(1, 0, p(0, 16)))), 1, null, T0, 600, W, "0:11040.0"),
                new Case("unit conversion A -> W with numberPhases 1",
                        List.of(on(0, txDefault(1, 0, p(0, 16, 1)))), 1, null, T0, 600, W, "0:3680.0/1"),
                new Case("unit conversion W -> A",
                        List.of(on(0, absolute(1, 0, TX_DEFAULT_PROFILE, W, T0, null, p(0, 11040), p(60, 3680, 1)))),
                        1, null, T0, 600, A, "0:16.0 60:16.0/1"),
                new Case("W profile reported in W when no unit is requested",
                        List.of(on(0, absolute(1, 0, TX_DEFAULT_PROFILE, W, T0, null, p(0, 7400)))),
                        1, null, T0, 600, null, "0:7400.0"),
                new Case("mixed units compared as power, reported in A, rounded down to 0.1",
                        List.of(on(0, absolute(1, 0, CHARGE_POINT_MAX_PROFILE, W, T0, null, p(0, 11000))),
                                on(0, txDefault(2, 0, p(0, 16)))),
                        1, null, T0, 600, null, "0:15.9"),
                new Case("1-phase 16 A is less power than 3-phase 10 A",
                        List.of(on(0, cpMax(1, 0, p(0, 10))), on(0, txDefault(2, 0, p(0, 16, 1)))),
                        1, null, T0, 600, A, "0:16.0/1"),
                new Case("adjacent equal periods are merged",
                        List.of(on(0, txDefault(1, 0, p(0, 16))),
                                on(0, absolute(2, 1, TX_DEFAULT_PROFILE, T0, 600, p(0, 16), p(300, 16)))),
                        1, null, T0, 1200, null, "0:16.0"),
                new Case("connector 0: ChargePointMax with the TxDefault of connector 0 only",
                        List.of(on(0, cpMax(1, 0, p(0, 20))), on(0, txDefault(2, 0, p(0, 16), p(600, 25))),
                                on(1, txDefault(3, 3, p(0, 6)))),
                        0, null, T0, 1200, null, "0:16.0 600:20.0"),
                new Case("connector 0 with only ChargePointMax",
                        List.of(on(0, cpMax(1, 0, p(0, 20)))), 0, null, T0, 600, null, "0:20.0"),
                new Case("connector TxDefault beats connector 0 TxDefault at the same stack level",
                        List.of(on(0, txDefault(1, 0, p(0, 16))), on(1, txDefault(2, 0, p(0, 10)))),
                        1, null, T0, 600, null, "0:10.0"),
                new Case("connector 0 TxDefault at a higher level beats the connector's",
                        List.of(on(0, txDefault(1, 2, p(0, 16))), on(1, txDefault(2, 0, p(0, 10)))),
                        1, null, T0, 600, null, "0:16.0"),
                new Case("connector-specific TxDefault does not limit other connectors",
                        List.of(on(0, txDefault(1, 0, p(0, 16))), on(1, txDefault(2, 0, p(0, 10)))),
                        2, null, T0, 600, null, "0:16.0"),
                new Case("no profile at all", List.of(), 1, null, T0, 600, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compositeSchedule(Case c) {
        long start = ScheduleEngine.seconds(c.start());
        TxInfo tx = c.txStart() == null ? null : new TxInfo(1, ScheduleEngine.seconds(c.txStart()));
        Optional<ChargingSchedule> s = ENGINE.composite(c.profiles(),
                new ScheduleEngine.Context(c.connector(), start, tx), start, c.duration(), c.unit(), DEFAULT_A);
        if (c.expected() == null) {
            assertTrue(s.isEmpty(), () -> "expected no schedule, got " + fmt(s.get()));
            return;
        }
        assertTrue(s.isPresent(), "expected a schedule");
        assertEquals(c.expected(), fmt(s.get()));
        assertEquals(c.duration(), s.get().duration());
        assertEquals(c.start(), s.get().startSchedule());
    }

    @Test
    void compositeUnitIsTheRequestedOneElseTheSharedOneElseA() {
        long t = ScheduleEngine.seconds(T0);
        var ctx = new ScheduleEngine.Context(1, t, null);
        var w = List.of(on(0, absolute(1, 0, TX_DEFAULT_PROFILE, W, T0, null, p(0, 7400))));
        assertEquals(W, ENGINE.composite(w, ctx, t, 60, null, DEFAULT_A).orElseThrow().chargingRateUnit());
        assertEquals(A, ENGINE.composite(w, ctx, t, 60, A, DEFAULT_A).orElseThrow().chargingRateUnit());
        var mixed = List.of(w.get(0), on(0, cpMax(2, 0, p(0, 32))));
        assertEquals(A, ENGINE.composite(mixed, ctx, t, 60, null, DEFAULT_A).orElseThrow().chargingRateUnit());
    }

    @Test
    void zeroDurationHasNoSchedule() {
        long t = ScheduleEngine.seconds(T0);
        assertTrue(ENGINE.composite(List.of(on(0, txDefault(1, 0, p(0, 16)))), new ScheduleEngine.Context(1, t, null),
                t, 0, null, DEFAULT_A).isEmpty());
    }

    @Test
    void limitAtKeepsTheWinningPeriodsUnitAndPhases() {
        long t = ScheduleEngine.seconds(T0);
        var profiles = List.of(on(0, absolute(1, 0, CHARGE_POINT_MAX_PROFILE, W, T0, null, p(0, 3000, 1))),
                on(0, txDefault(2, 0, p(0, 16))));
        Rate r = ENGINE.limitAt(profiles, new ScheduleEngine.Context(1, t, null), t);
        assertEquals(new Rate(3000, W, 1), r);
        assertNull(ENGINE.limitAt(List.of(), new ScheduleEngine.Context(1, t, null), t));
    }

    @Test
    void nextChangeFindsTheNextBoundaryOrTheHorizon() {
        long t = ScheduleEngine.seconds(T0);
        var profiles = List.of(on(0, txDefault(1, 0, p(0, 16), p(600, 10))));
        var ctx = new ScheduleEngine.Context(1, t, null);
        assertEquals(t + 600, ENGINE.nextChange(profiles, ctx, t, 3600));
        assertEquals(t + 600 + 3600, ENGINE.nextChange(profiles, ctx, t + 600, 3600));
        // a relative profile of a connector without a transaction moves with "now": only validity bounds count
        var rel = List.of(on(0, relative(2, 0, TX_DEFAULT_PROFILE, null, p(0, 10), p(60, 20))
                .withValidTo(at(1800))));
        assertEquals(t + 1800, ENGINE.nextChange(rel, ctx, t, 3600));
        var withTx = new ScheduleEngine.Context(1, t, new TxInfo(7, t - 30));
        assertEquals(t + 30, ENGINE.nextChange(rel, withTx, t, 3600));
    }

    @Test
    void longWindowsOverDailyRecurrenceStayExact() {
        long t = ScheduleEngine.seconds(T0);
        var profiles = List.of(on(0, recurring(1, 0, TX_DEFAULT_PROFILE, DAILY, T0, null, p(0, 6), p(43200, 12))));
        ChargingSchedule s = ENGINE.composite(profiles, new ScheduleEngine.Context(1, t, null), t,
                (int) Duration.ofDays(30).toSeconds(), null, DEFAULT_A).orElseThrow();
        assertEquals(60, s.chargingSchedulePeriod().size());
        assertEquals(29 * 86400 + 43200, s.chargingSchedulePeriod().get(59).startPeriod());
        assertEquals(12.0, s.chargingSchedulePeriod().get(59).limit());
    }

    @Test
    void floorTenthNeverRoundsUp() {
        assertEquals(15.9, ScheduleEngine.floorTenth(11000 / 690.0));
        assertEquals(16.0, ScheduleEngine.floorTenth(16.0));
        assertEquals(7.3, ScheduleEngine.floorTenth(7.35));
        assertEquals(0.0, ScheduleEngine.floorTenth(0.0));
    }
}
