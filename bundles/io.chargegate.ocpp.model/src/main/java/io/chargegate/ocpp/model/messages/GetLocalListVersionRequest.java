package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;

/**
 * OCPP 1.6 {@code GetLocalListVersion.req}: the central system asks for the version of the local authorization list.
 */
public record GetLocalListVersionRequest() implements Request<GetLocalListVersionResponse> {

    @Override
    public Action action() {
        return Action.GET_LOCAL_LIST_VERSION;
    }
}
