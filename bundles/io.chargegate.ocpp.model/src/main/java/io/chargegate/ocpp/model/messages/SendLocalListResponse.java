package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.UpdateStatus;

/**
 * OCPP 1.6 {@code SendLocalList.conf}: the answer to {@link SendLocalListRequest}.
 */
public record SendLocalListResponse(
        @Required UpdateStatus status) implements Response {
}
