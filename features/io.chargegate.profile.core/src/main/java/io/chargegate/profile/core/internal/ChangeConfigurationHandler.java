package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ChangeConfiguration}: {@link Station#changeConfiguration(String, String)} with the request's key and value;
 * its status is the answer (the runtime validates the value and decides {@code Accepted}, {@code Rejected},
 * {@code RebootRequired} or {@code NotSupported}).
 */
@Component(service = ActionHandler.class)
public final class ChangeConfigurationHandler
        extends SynchronousActionHandler<ChangeConfigurationRequest, ChangeConfigurationResponse> {

    /** Creates the handler (no dependencies). */
    public ChangeConfigurationHandler() {
        super(Action.CHANGE_CONFIGURATION);
    }

    @Override
    protected ChangeConfigurationResponse respond(Station station, ChangeConfigurationRequest request) {
        return new ChangeConfigurationResponse(
                result(station.changeConfiguration(request.key(), request.value()), "changeConfiguration"));
    }
}
