package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.RecurrencyKindType;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_DEFAULT_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_PROFILE;

/** Terse builders for charging profiles in tests. */
final class Profiles {
    /** Monday 2024-01-01 00:00 UTC. */
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private Profiles() {
    }

    static ChargingSchedulePeriod p(int start, double limit) {
        return new ChargingSchedulePeriod(start, limit);
    }

    static ChargingSchedulePeriod p(int start, double limit, int phases) {
        return new ChargingSchedulePeriod(start, limit, phases);
    }

    static ChargingSchedule schedule(ChargingRateUnitType unit, Instant start, Integer duration,
                                     ChargingSchedulePeriod... periods) {
        return new ChargingSchedule(duration, start, unit, List.of(periods), null);
    }

    static ChargingProfile absolute(int id, int stack, ChargingProfilePurposeType purpose, Instant start,
                                    Integer duration, ChargingSchedulePeriod... periods) {
        return absolute(id, stack, purpose, ChargingRateUnitType.A, start, duration, periods);
    }

    static ChargingProfile absolute(int id, int stack, ChargingProfilePurposeType purpose, ChargingRateUnitType unit,
                                    Instant start, Integer duration, ChargingSchedulePeriod... periods) {
        return new ChargingProfile(id, stack, purpose, ChargingProfileKindType.ABSOLUTE,
                schedule(unit, start, duration, periods));
    }

    static ChargingProfile relative(int id, int stack, ChargingProfilePurposeType purpose, Integer duration,
                                    ChargingSchedulePeriod... periods) {
        return new ChargingProfile(id, stack, purpose, ChargingProfileKindType.RELATIVE,
                schedule(ChargingRateUnitType.A, null, duration, periods));
    }

    static ChargingProfile recurring(int id, int stack, ChargingProfilePurposeType purpose, RecurrencyKindType kind,
                                     Instant start, Integer duration, ChargingSchedulePeriod... periods) {
        return new ChargingProfile(id, stack, purpose, ChargingProfileKindType.RECURRING,
                schedule(ChargingRateUnitType.A, start, duration, periods)).withRecurrencyKind(kind);
    }

    static InstalledProfile on(int connectorId, ChargingProfile profile) {
        return new InstalledProfile(connectorId, profile);
    }

    static ChargingProfile txDefault(int id, int stack, ChargingSchedulePeriod... periods) {
        return absolute(id, stack, TX_DEFAULT_PROFILE, T0, null, periods);
    }

    static ChargingProfile cpMax(int id, int stack, ChargingSchedulePeriod... periods) {
        return absolute(id, stack, CHARGE_POINT_MAX_PROFILE, T0, null, periods);
    }

    static ChargingProfile txProfile(int id, int stack, ChargingSchedulePeriod... periods) {
        return relative(id, stack, TX_PROFILE, null, periods);
    }

    /** "0:16.0 600:10.0/1": startPeriod:limit, "/phases" when numberPhases is set. */
    static String fmt(ChargingSchedule s) {
        return s.chargingSchedulePeriod().stream()
                .map(p -> p.startPeriod() + ":" + p.limit() + (p.numberPhases() == null ? "" : "/" + p.numberPhases()))
                .collect(Collectors.joining(" "));
    }
}
