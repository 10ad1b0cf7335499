package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.ResetType;

/**
 * OCPP 1.6 {@code Reset.req}: the central system asks the charge point to reboot.
 */
public record ResetRequest(
        @Required ResetType type) implements Request<ResetResponse> {

    @Override
    public Action action() {
        return Action.RESET;
    }
}
