package io.chargegate.profile.core.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * {@code GetConfiguration}: {@link Station#configuration(java.util.Collection)} with the requested keys, or with an
 * empty list (= every key known now) when the request names none. The known keys become {@code configurationKey}
 * (always present, possibly empty); the unknown names become {@code unknownKey}, which is left out when there are
 * none. Which keys exist and any {@code GetConfigurationMaxKeys} limit are the runtime's business.
 */
@Component(service = ActionHandler.class)
public final class GetConfigurationHandler
        extends SynchronousActionHandler<GetConfigurationRequest, GetConfigurationResponse> {

    /** Creates the handler (no dependencies). */
    public GetConfigurationHandler() {
        super(Action.GET_CONFIGURATION);
    }

    @Override
    protected GetConfigurationResponse respond(Station station, GetConfigurationRequest request) {
        List<String> keys = request.key() == null ? List.of() : request.key();
        Station.ConfigurationSnapshot snapshot = result(station.configuration(keys), "configuration");
        return new GetConfigurationResponse(snapshot.known(), snapshot.unknown().isEmpty() ? null : snapshot.unknown());
    }
}
