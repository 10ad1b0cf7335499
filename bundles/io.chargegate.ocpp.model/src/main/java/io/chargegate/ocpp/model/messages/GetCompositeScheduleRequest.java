package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;

/**
 * OCPP 1.6 {@code GetCompositeSchedule.req}: the central system asks for the schedule that results from all active
 * charging profiles.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param duration length of the requested schedule in seconds
 */
public record GetCompositeScheduleRequest(
        @Required int connectorId,
        @Required int duration,
        ChargingRateUnitType chargingRateUnit) implements Request<GetCompositeScheduleResponse> {

    /** Creates the request with its required properties only. */
    public GetCompositeScheduleRequest(int connectorId, int duration) {
        this(connectorId, duration, null);
    }

    /** A copy with {@code chargingRateUnit} replaced. */
    public GetCompositeScheduleRequest withChargingRateUnit(ChargingRateUnitType chargingRateUnit) {
        return new GetCompositeScheduleRequest(connectorId, duration, chargingRateUnit);
    }

    @Override
    public Action action() {
        return Action.GET_COMPOSITE_SCHEDULE;
    }
}
