package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.MultipleOf;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;
import java.util.List;

/**
 * A charging schedule: limits over time in amperes or watts.
 *
 * @param duration length of the schedule in seconds; absent means open-ended
 * @param startSchedule absolute start of the schedule (for kinds Absolute and Recurring)
 * @param minChargingRate minimum efficient charging rate of the EV, in the schedule unit
 */
public record ChargingSchedule(
        Integer duration,
        Instant startSchedule,
        @Required ChargingRateUnitType chargingRateUnit,
        @Required List<ChargingSchedulePeriod> chargingSchedulePeriod,
        @MultipleOf(0.1) Double minChargingRate) implements Payload {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public ChargingSchedule {
        chargingSchedulePeriod = chargingSchedulePeriod == null ? null : List.copyOf(chargingSchedulePeriod);
    }

    /** Creates the value with its required properties only. */
    public ChargingSchedule(
            ChargingRateUnitType chargingRateUnit, List<ChargingSchedulePeriod> chargingSchedulePeriod) {
        this(null, null, chargingRateUnit, chargingSchedulePeriod, null);
    }

    /** A copy with {@code duration} replaced. */
    public ChargingSchedule withDuration(Integer duration) {
        return new ChargingSchedule(duration, startSchedule, chargingRateUnit, chargingSchedulePeriod, minChargingRate);
    }

    /** A copy with {@code startSchedule} replaced. */
    public ChargingSchedule withStartSchedule(Instant startSchedule) {
        return new ChargingSchedule(duration, startSchedule, chargingRateUnit, chargingSchedulePeriod, minChargingRate);
    }

    /** A copy with {@code minChargingRate} replaced. */
    public ChargingSchedule withMinChargingRate(Double minChargingRate) {
        return new ChargingSchedule(duration, startSchedule, chargingRateUnit, chargingSchedulePeriod, minChargingRate);
    }
}
