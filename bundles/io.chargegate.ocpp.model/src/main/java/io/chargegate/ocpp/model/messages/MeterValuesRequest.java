package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MinItems;
import io.chargegate.ocpp.model.PathConstraint;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.MeterValue;

import java.util.List;

/**
 * OCPP 1.6 {@code MeterValues.req}: the charge point sends sampled meter values.
 *
 * @param connectorId connector id; 0 means the charge point as a whole
 * @param meterValue the samples, at least one, each with at least one sampled value
 */
@PathConstraint(path = "meterValue.sampledValue", minItems = 1)
public record MeterValuesRequest(
        @Required int connectorId,
        Integer transactionId,
        @Required @MinItems(1) List<MeterValue> meterValue) implements Request<MeterValuesResponse> {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public MeterValuesRequest {
        meterValue = meterValue == null ? null : List.copyOf(meterValue);
    }

    /** Creates the request with its required properties only. */
    public MeterValuesRequest(int connectorId, List<MeterValue> meterValue) {
        this(connectorId, null, meterValue);
    }

    /** A copy with {@code transactionId} replaced. */
    public MeterValuesRequest withTransactionId(Integer transactionId) {
        return new MeterValuesRequest(connectorId, transactionId, meterValue);
    }

    @Override
    public Action action() {
        return Action.METER_VALUES;
    }
}
