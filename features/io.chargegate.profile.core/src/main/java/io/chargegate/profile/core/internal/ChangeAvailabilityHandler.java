package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityRequest;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ChangeAvailability}: {@link Station#changeAvailability(int, io.chargegate.ocpp.model.types.AvailabilityType)}
 * with the request's connector (0 = the whole charge point) and type; its status is the answer (the runtime decides
 * {@code Accepted}, {@code Rejected} or {@code Scheduled} while a transaction runs).
 */
@Component(service = ActionHandler.class)
public final class ChangeAvailabilityHandler
        extends SynchronousActionHandler<ChangeAvailabilityRequest, ChangeAvailabilityResponse> {

    /** Creates the handler (no dependencies). */
    public ChangeAvailabilityHandler() {
        super(Action.CHANGE_AVAILABILITY);
    }

    @Override
    protected ChangeAvailabilityResponse respond(Station station, ChangeAvailabilityRequest request) {
        return new ChangeAvailabilityResponse(
                result(station.changeAvailability(request.connectorId(), request.type()), "changeAvailability"));
    }
}
