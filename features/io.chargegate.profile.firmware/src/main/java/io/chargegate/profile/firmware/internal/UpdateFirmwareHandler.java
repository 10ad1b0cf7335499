package io.chargegate.profile.firmware.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code UpdateFirmware}: stores the job in the station's store and answers at once (the empty response); the
 * download, installation and FirmwareStatusNotifications follow on {@link FirmwareService}'s scheduler.
 */
@Component(service = ActionHandler.class)
public final class UpdateFirmwareHandler implements ActionHandler<UpdateFirmwareRequest, UpdateFirmwareResponse> {
    private final FirmwareService service;

    /** Creates the handler on the firmware service. */
    @Activate
    public UpdateFirmwareHandler(@Reference FirmwareService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public Action action() {
        return Action.UPDATE_FIRMWARE;
    }

    @Override
    public CompletionStage<UpdateFirmwareResponse> handle(Station station, UpdateFirmwareRequest request) {
        service.updateFirmware(station, request);
        return CompletableFuture.completedFuture(new UpdateFirmwareResponse());
    }
}
