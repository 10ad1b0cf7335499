package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

/**
 * One entry of the local authorization list: an identifier and, unless removed, its authorization information.
 */
public record AuthorizationData(
        @Required @MaxLength(20) String idTag,
        IdTagInfo idTagInfo) implements Payload {

    /** Creates the value with its required properties only. */
    public AuthorizationData(String idTag) {
        this(idTag, null);
    }

    /** A copy with {@code idTagInfo} replaced. */
    public AuthorizationData withIdTagInfo(IdTagInfo idTagInfo) {
        return new AuthorizationData(idTag, idTagInfo);
    }
}
