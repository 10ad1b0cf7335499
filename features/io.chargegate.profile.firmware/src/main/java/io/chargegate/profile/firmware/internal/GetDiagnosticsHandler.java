package io.chargegate.profile.firmware.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@code GetDiagnostics}: the station's {@code SystemDriver} collects the file for the requested window, the answer
 * names it (no {@code fileName} when there is no driver or nothing was collected), and the upload with its
 * DiagnosticsStatusNotifications follows on {@link FirmwareService}'s scheduler. The collection runs on a thread of
 * its own, so the answer comes when the archive exists without blocking the station's threads.
 */
@Component(service = ActionHandler.class)
public final class GetDiagnosticsHandler implements ActionHandler<GetDiagnosticsRequest, GetDiagnosticsResponse> {
    private final FirmwareService service;

    /** Creates the handler on the firmware service. */
    @Activate
    public GetDiagnosticsHandler(@Reference FirmwareService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public Action action() {
        return Action.GET_DIAGNOSTICS;
    }

    @Override
    public CompletionStage<GetDiagnosticsResponse> handle(Station station, GetDiagnosticsRequest request) {
        return service.getDiagnosticsAsync(station, request).thenApply(GetDiagnosticsResponse::new);
    }
}
