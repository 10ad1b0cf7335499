package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * Authorization information about an identifier (IdTagInfo).
 *
 * @param expiryDate when the identifier expires, if it is to be cached
 * @param parentIdTag the parent identifier (group) of the identifier
 */
public record IdTagInfo(
        Instant expiryDate,
        @MaxLength(20) String parentIdTag,
        @Required AuthorizationStatus status) implements Payload {

    /** Creates the value with its required properties only. */
    public IdTagInfo(AuthorizationStatus status) {
        this(null, null, status);
    }

    /** A copy with {@code expiryDate} replaced. */
    public IdTagInfo withExpiryDate(Instant expiryDate) {
        return new IdTagInfo(expiryDate, parentIdTag, status);
    }

    /** A copy with {@code parentIdTag} replaced. */
    public IdTagInfo withParentIdTag(String parentIdTag) {
        return new IdTagInfo(expiryDate, parentIdTag, status);
    }
}
