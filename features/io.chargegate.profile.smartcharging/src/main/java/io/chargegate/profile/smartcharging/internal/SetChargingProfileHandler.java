package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.SetChargingProfileRequest;
import io.chargegate.ocpp.model.messages.SetChargingProfileResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code SetChargingProfile}: checks and installs the profile (see {@link ProfileRules} for every Rejected case),
 * replacing a profile with the same id or the same stack level and purpose on the same connector, and applies the
 * resulting limits at once.
 */
@Component(service = ActionHandler.class)
public final class SetChargingProfileHandler
        implements ActionHandler<SetChargingProfileRequest, SetChargingProfileResponse> {
    private final SmartChargingService service;

    /** Creates the handler over the profile's core component. */
    @Activate
    public SetChargingProfileHandler(@Reference SmartChargingService service) {
        this.service = service;
    }

    @Override
    public Action action() {
        return Action.SET_CHARGING_PROFILE;
    }

    @Override
    public CompletionStage<SetChargingProfileResponse> handle(Station station, SetChargingProfileRequest request) {
        return CompletableFuture.completedFuture(new SetChargingProfileResponse(
                service.of(station).set(request.connectorId(), request.csChargingProfiles())));
    }
}
