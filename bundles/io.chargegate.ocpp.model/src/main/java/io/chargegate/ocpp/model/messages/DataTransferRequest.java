package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 {@code DataTransfer.req}: vendor-specific data exchange, sent by either side.
 *
 * @param vendorId identifies the vendor-specific implementation
 * @param data free-form vendor data
 */
public record DataTransferRequest(
        @Required @MaxLength(255) String vendorId,
        @MaxLength(50) String messageId,
        String data) implements Request<DataTransferResponse> {

    /** Creates the request with its required properties only. */
    public DataTransferRequest(String vendorId) {
        this(vendorId, null, null);
    }

    /** A copy with {@code messageId} replaced. */
    public DataTransferRequest withMessageId(String messageId) {
        return new DataTransferRequest(vendorId, messageId, data);
    }

    /** A copy with {@code data} replaced. */
    public DataTransferRequest withData(String data) {
        return new DataTransferRequest(vendorId, messageId, data);
    }

    @Override
    public Action action() {
        return Action.DATA_TRANSFER;
    }
}
