package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

/**
 * One sampled value with its context, measurand, phase, location and unit.
 *
 * @param value the value as a number string, or signed data when format is SignedData
 */
public record SampledValue(
        @Required String value,
        ReadingContext context,
        ValueFormat format,
        Measurand measurand,
        Phase phase,
        Location location,
        UnitOfMeasure unit) implements Payload {

    /** Creates the value with its required properties only. */
    public SampledValue(String value) {
        this(value, null, null, null, null, null, null);
    }

    /** A copy with {@code context} replaced. */
    public SampledValue withContext(ReadingContext context) {
        return new SampledValue(value, context, format, measurand, phase, location, unit);
    }

    /** A copy with {@code format} replaced. */
    public SampledValue withFormat(ValueFormat format) {
        return new SampledValue(value, context, format, measurand, phase, location, unit);
    }

    /** A copy with {@code measurand} replaced. */
    public SampledValue withMeasurand(Measurand measurand) {
        return new SampledValue(value, context, format, measurand, phase, location, unit);
    }

    /** A copy with {@code phase} replaced. */
    public SampledValue withPhase(Phase phase) {
        return new SampledValue(value, context, format, measurand, phase, location, unit);
    }

    /** A copy with {@code location} replaced. */
    public SampledValue withLocation(Location location) {
        return new SampledValue(value, context, format, measurand, phase, location, unit);
    }

    /** A copy with {@code unit} replaced. */
    public SampledValue withUnit(UnitOfMeasure unit) {
        return new SampledValue(value, context, format, measurand, phase, location, unit);
    }
}
