package io.chargegate.profile.localauthlist.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.GetLocalListVersionRequest;
import io.chargegate.ocpp.model.messages.GetLocalListVersionResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GetLocalListVersion}: {@link Station#localListVersion()} is the answer (0 when the list is empty or was
 * never sent) while {@code LocalAuthListEnabled} is true; -1 ("the charge point does not support local
 * authorization lists", OCPP 1.6 §5.10; what the compliance test TC_042_1 expects with
 * {@code LocalAuthListEnabled=false}) while it is not. The key is read as the runtime reads it when it authorizes:
 * only the value {@code true} (any case) enables the list, an unknown key does not. Without this bundle the
 * dispatcher answers the CALL with {@code NotSupported}.
 */
@Component(service = ActionHandler.class)
public final class GetLocalListVersionHandler
        extends SynchronousActionHandler<GetLocalListVersionRequest, GetLocalListVersionResponse> {

    /** The version that tells the CSMS the local list is not supported (here: not enabled). */
    static final int NOT_SUPPORTED = -1;

    /** Creates the handler (no dependencies). */
    public GetLocalListVersionHandler() {
        super(Action.GET_LOCAL_LIST_VERSION);
    }

    @Override
    protected GetLocalListVersionResponse respond(Station station, GetLocalListVersionRequest request) {
        if (!LocalAuthListProfile.listEnabled(station)) {
            return new GetLocalListVersionResponse(NOT_SUPPORTED);
        }
        return new GetLocalListVersionResponse(station.localListVersion());
    }
}
