package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.types.FirmwareStatus;

/**
 * OCPP 1.6 {@code FirmwareStatusNotification.req}: the charge point reports the progress of a firmware update.
 */
public record FirmwareStatusNotificationRequest(
        @Required FirmwareStatus status) implements Request<FirmwareStatusNotificationResponse> {

    @Override
    public Action action() {
        return Action.FIRMWARE_STATUS_NOTIFICATION;
    }
}
