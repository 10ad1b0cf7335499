package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.DataTransferStatus;

/**
 * OCPP 1.6 {@code DataTransfer.conf}: the answer to {@link DataTransferRequest}.
 *
 * @param data free-form vendor data
 */
public record DataTransferResponse(
        @Required DataTransferStatus status,
        String data) implements Response {

    /** Creates the response with its required properties only. */
    public DataTransferResponse(DataTransferStatus status) {
        this(status, null);
    }

    /** A copy with {@code data} replaced. */
    public DataTransferResponse withData(String data) {
        return new DataTransferResponse(status, data);
    }
}
