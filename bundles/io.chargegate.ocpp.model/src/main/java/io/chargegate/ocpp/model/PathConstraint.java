package io.chargegate.ocpp.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A schema rule that holds only inside one message, for a datatype that several messages share.
 *
 * <p>The OCPP 1.6 schemas repeat their nested datatypes inline per message, and a few copies differ:
 * {@code MeterValues.req} requires at least one {@code sampledValue} per {@code meterValue}, while
 * {@code StopTransaction.req} does not, and its {@code unit} enumeration lacks {@code "Hertz"}. The model
 * keeps one shared record per datatype (with the most permissive rule) and states the stricter rule on the
 * root payload record with this annotation.
 *
 * <p>{@link #path()} is a sequence of record component names joined by {@code '.'}, starting at the
 * annotated record; lists are transparent (a segment after a {@code List} component names a component of
 * every element). Example: {@code "transactionData.sampledValue.unit"} on {@code StopTransactionRequest}
 * means the {@code unit} of every sampled value of every transaction data entry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PathConstraints.class)
public @interface PathConstraint {
    /** Record component names from the annotated record to the constrained component, joined by {@code '.'}. */
    String path();

    /** Minimum number of elements of the list component at {@link #path()}; {@code -1} (default) for none. */
    int minItems() default -1;

    /** Wire values of the enum component at {@link #path()} that are not allowed here (default: none). */
    String[] excludedValues() default {};
}
