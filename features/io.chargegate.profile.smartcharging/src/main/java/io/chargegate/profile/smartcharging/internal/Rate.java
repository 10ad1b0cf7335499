package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.station.api.ChargingLimits;

import java.util.Objects;

/**
 * A charging rate as a schedule period states it: a value in amperes (per phase) or watts, and the number of phases
 * (null: not stated, counted as 3).
 *
 * @param value  the limit in {@code unit}
 * @param unit   A or W
 * @param phases 1..3, or null when the period does not state it
 */
record Rate(double value, ChargingRateUnitType unit, Integer phases) {
    /** Phases assumed when a period does not state them (OCPP 1.6: "absent means 3"). */
    static final int DEFAULT_PHASES = 3;

    Rate {
        Objects.requireNonNull(unit, "unit");
    }

    /** The phases used for A/W conversion. */
    int effectivePhases() {
        return phases == null ? DEFAULT_PHASES : phases;
    }

    /** The power in watts at {@code voltage} volts per phase. */
    double watts(double voltage) {
        return unit == ChargingRateUnitType.W ? value : value * voltage * effectivePhases();
    }

    /** The current per phase in amperes at {@code voltage} volts per phase. */
    double amperes(double voltage) {
        return unit == ChargingRateUnitType.A ? value : value / (voltage * effectivePhases());
    }

    /** The value in {@code target} units. */
    double in(ChargingRateUnitType target, double voltage) {
        return target == ChargingRateUnitType.W ? watts(voltage) : amperes(voltage);
    }

    /** The lower of two rates, compared as power; {@code a} when equal; the other when one is null. */
    static Rate min(Rate a, Rate b, double voltage) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.watts(voltage) < a.watts(voltage) ? b : a;
    }

    /** This rate as a station API limit. */
    ChargingLimits.Limit toLimit() {
        return new ChargingLimits.Limit(value, unit, phases);
    }
}
