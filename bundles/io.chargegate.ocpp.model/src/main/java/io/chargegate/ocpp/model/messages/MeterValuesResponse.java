package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 {@code MeterValues.conf}: the answer to {@link MeterValuesRequest}.
 */
public record MeterValuesResponse() implements Response {
}
