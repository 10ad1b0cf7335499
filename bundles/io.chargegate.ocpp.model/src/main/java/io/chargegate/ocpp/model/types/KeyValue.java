package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

/**
 * One configuration key with its value and whether it is read-only.
 *
 * @param readonly whether the key cannot be changed with ChangeConfiguration
 */
public record KeyValue(
        @Required @MaxLength(50) String key,
        @Required boolean readonly,
        @MaxLength(500) String value) implements Payload {

    /** Creates the value with its required properties only. */
    public KeyValue(String key, boolean readonly) {
        this(key, readonly, null);
    }

    /** A copy with {@code value} replaced. */
    public KeyValue withValue(String value) {
        return new KeyValue(key, readonly, value);
    }
}
