package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ClearChargingProfileRequest;
import io.chargegate.ocpp.model.messages.ClearChargingProfileResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code ClearChargingProfile}: removes every installed profile matching all the criteria given (id, connectorId,
 * purpose, stackLevel; none given = every profile) and applies the resulting limits; {@code Unknown} when no
 * profile matched.
 */
@Component(service = ActionHandler.class)
public final class ClearChargingProfileHandler
        implements ActionHandler<ClearChargingProfileRequest, ClearChargingProfileResponse> {
    private final SmartChargingService service;

    /** Creates the handler over the profile's core component. */
    @Activate
    public ClearChargingProfileHandler(@Reference SmartChargingService service) {
        this.service = service;
    }

    @Override
    public Action action() {
        return Action.CLEAR_CHARGING_PROFILE;
    }

    @Override
    public CompletionStage<ClearChargingProfileResponse> handle(Station station, ClearChargingProfileRequest request) {
        return CompletableFuture.completedFuture(new ClearChargingProfileResponse(service.of(station).clear(request)));
    }
}
