package io.chargegate.ocpp.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's {@code format} of a {@code String} component, for example {@code "uri"}. Components with
 * {@code "format": "date-time"} are {@link java.time.Instant} instead and do not carry this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Format {
    /** The JSON schema format name, for example {@code "uri"}. */
    String value();
}
