package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.MultipleOf;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

/**
 * One period of a charging schedule: the limit that applies from its start offset on.
 *
 * @param startPeriod start of the period in seconds from the start of the schedule
 * @param limit the limit in the schedule unit (A or W), one decimal at most
 * @param numberPhases number of phases to charge on; absent means 3
 */
public record ChargingSchedulePeriod(
        @Required int startPeriod,
        @Required @MultipleOf(0.1) double limit,
        Integer numberPhases) implements Payload {

    /** Creates the value with its required properties only. */
    public ChargingSchedulePeriod(int startPeriod, double limit) {
        this(startPeriod, limit, null);
    }

    /** A copy with {@code numberPhases} replaced. */
    public ChargingSchedulePeriod withNumberPhases(Integer numberPhases) {
        return new ChargingSchedulePeriod(startPeriod, limit, numberPhases);
    }
}
