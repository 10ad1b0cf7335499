package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.AvailabilityType;

/**
 * OCPP 1.6 {@code ChangeAvailability.req}: the central system makes a connector or the whole charge point operative
 * or inoperative.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 */
public record ChangeAvailabilityRequest(
        @Required int connectorId,
        @Required AvailabilityType type) implements Request<ChangeAvailabilityResponse> {

    @Override
    public Action action() {
        return Action.CHANGE_AVAILABILITY;
    }
}
