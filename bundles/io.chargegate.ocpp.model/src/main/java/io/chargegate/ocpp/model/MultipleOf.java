package io.chargegate.ocpp.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's {@code multipleOf} of a number component, for example {@code 0.1} on charging schedule
 * limits (one decimal at most).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MultipleOf {
    /** The divisor the value must be an integer multiple of. */
    double value();
}
