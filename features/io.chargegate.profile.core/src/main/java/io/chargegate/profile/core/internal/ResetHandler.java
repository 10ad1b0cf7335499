package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.messages.ResetResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code Reset}: {@link Station#reset(io.chargegate.ocpp.model.types.ResetType)} with the request's type; its status
 * is the answer. Stopping transactions and restarting after the answer is sent are the runtime's business.
 */
@Component(service = ActionHandler.class)
public final class ResetHandler extends SynchronousActionHandler<ResetRequest, ResetResponse> {

    /** Creates the handler (no dependencies). */
    public ResetHandler() {
        super(Action.RESET);
    }

    @Override
    protected ResetResponse respond(Station station, ResetRequest request) {
        return new ResetResponse(result(station.reset(request.type()), "reset"));
    }
}
