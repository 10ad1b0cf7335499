package io.chargegate.ocpp.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's {@code maxLength} of a string component (CiStringNType), in characters (code points). On a
 * {@code List<String>} component it applies to every element (the schema puts it on the array items).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxLength {
    /** Maximum number of characters. */
    int value();
}
