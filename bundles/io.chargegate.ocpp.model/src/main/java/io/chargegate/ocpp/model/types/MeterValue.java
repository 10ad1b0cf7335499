package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;
import java.util.List;

/**
 * Sampled values taken at one point in time.
 */
public record MeterValue(
        @Required Instant timestamp,
        @Required List<SampledValue> sampledValue) implements Payload {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public MeterValue {
        sampledValue = sampledValue == null ? null : List.copyOf(sampledValue);
    }
}
