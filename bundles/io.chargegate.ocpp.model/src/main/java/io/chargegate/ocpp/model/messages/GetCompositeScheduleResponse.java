package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.GetCompositeScheduleStatus;

import java.time.Instant;

/**
 * OCPP 1.6 {@code GetCompositeSchedule.conf}: the answer to {@link GetCompositeScheduleRequest}.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param scheduleStart the start of the composite schedule
 */
public record GetCompositeScheduleResponse(
        @Required GetCompositeScheduleStatus status,
        Integer connectorId,
        Instant scheduleStart,
        ChargingSchedule chargingSchedule) implements Response {

    /** Creates the response with its required properties only. */
    public GetCompositeScheduleResponse(GetCompositeScheduleStatus status) {
        this(status, null, null, null);
    }

    /** A copy with {@code connectorId} replaced. */
    public GetCompositeScheduleResponse withConnectorId(Integer connectorId) {
        return new GetCompositeScheduleResponse(status, connectorId, scheduleStart, chargingSchedule);
    }

    /** A copy with {@code scheduleStart} replaced. */
    public GetCompositeScheduleResponse withScheduleStart(Instant scheduleStart) {
        return new GetCompositeScheduleResponse(status, connectorId, scheduleStart, chargingSchedule);
    }

    /** A copy with {@code chargingSchedule} replaced. */
    public GetCompositeScheduleResponse withChargingSchedule(ChargingSchedule chargingSchedule) {
        return new GetCompositeScheduleResponse(status, connectorId, scheduleStart, chargingSchedule);
    }
}
