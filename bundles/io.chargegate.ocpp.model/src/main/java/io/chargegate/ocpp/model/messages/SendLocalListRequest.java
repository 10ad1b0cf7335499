package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.UpdateType;

import java.util.List;

/**
 * OCPP 1.6 {@code SendLocalList.req}: the central system sends (a change to) the local authorization list.
 *
 * @param localAuthorizationList the entries; for Differential an entry without idTagInfo removes the identifier
 */
public record SendLocalListRequest(
        @Required int listVersion,
        List<AuthorizationData> localAuthorizationList,
        @Required UpdateType updateType) implements Request<SendLocalListResponse> {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public SendLocalListRequest {
        localAuthorizationList = localAuthorizationList == null ? null : List.copyOf(localAuthorizationList);
    }

    /** Creates the request with its required properties only. */
    public SendLocalListRequest(int listVersion, UpdateType updateType) {
        this(listVersion, null, updateType);
    }

    /** A copy with {@code localAuthorizationList} replaced. */
    public SendLocalListRequest withLocalAuthorizationList(List<AuthorizationData> localAuthorizationList) {
        return new SendLocalListRequest(listVersion, localAuthorizationList, updateType);
    }

    @Override
    public Action action() {
        return Action.SEND_LOCAL_LIST;
    }
}
