package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.ReservationStatus;

/**
 * OCPP 1.6 {@code ReserveNow.conf}: the answer to {@link ReserveNowRequest}.
 */
public record ReserveNowResponse(
        @Required ReservationStatus status) implements Response {
}
