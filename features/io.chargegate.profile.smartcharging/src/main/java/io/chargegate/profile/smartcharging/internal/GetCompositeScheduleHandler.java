package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GetCompositeSchedule}: the schedule that results from the installed profiles for a connector (0 = the
 * charge point), from now for the requested duration (see {@link ScheduleEngine}); {@code Rejected} for an unknown
 * connector or when no profile limits any instant of the window.
 */
@Component(service = ActionHandler.class)
public final class GetCompositeScheduleHandler
        implements ActionHandler<GetCompositeScheduleRequest, GetCompositeScheduleResponse> {
    private final SmartChargingService service;

    /** Creates the handler over the profile's core component. */
    @Activate
    public GetCompositeScheduleHandler(@Reference SmartChargingService service) {
        this.service = service;
    }

    @Override
    public Action action() {
        return Action.GET_COMPOSITE_SCHEDULE;
    }

    @Override
    public CompletionStage<GetCompositeScheduleResponse> handle(Station station, GetCompositeScheduleRequest request) {
        return CompletableFuture.completedFuture(service.of(station).composite(request));
    }
}
