package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.messages.ClearChargingProfileRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleResponse;
import io.chargegate.ocpp.model.messages.SetChargingProfileRequest;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileStatus;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ClearChargingProfileStatus;

/**
 * The profile bundle as the runtime sees it, without OSGi: the core component bound to one {@link FakeStation},
 * the three handler components over it, and a {@link ManualTimer} on the station's clock.
 */
final class Harness {
    final FakeStation station;
    final ManualTimer timer;
    final Settings settings;
    SmartChargingService service;
    SetChargingProfileHandler setHandler;
    ClearChargingProfileHandler clearHandler;
    GetCompositeScheduleHandler compositeHandler;

    Harness(FakeStation station, Settings settings) {
        this.station = station;
        this.timer = new ManualTimer(station);
        this.settings = settings;
        activate();
    }

    /** Activates the components as SCR would (constructors, bind the station), and runs the start task. */
    void activate() {
        service = new SmartChargingService(settings, timer);
        setHandler = new SetChargingProfileHandler(service);
        clearHandler = new ClearChargingProfileHandler(service);
        compositeHandler = new GetCompositeScheduleHandler(service);
        service.addStation(station);
        timer.runDue();
    }

    /** Deactivates the core component as SCR would (unbind, then @Deactivate). */
    void deactivate() {
        service.removeStation(station);
        service.deactivate();
    }

    ChargingProfileStatus set(int connectorId, ChargingProfile profile) {
        return setHandler.handle(station, new SetChargingProfileRequest(connectorId, profile))
                .toCompletableFuture().join().status();
    }

    ClearChargingProfileStatus clear(ClearChargingProfileRequest request) {
        return clearHandler.handle(station, request).toCompletableFuture().join().status();
    }

    GetCompositeScheduleResponse composite(int connectorId, int duration, ChargingRateUnitType unit) {
        return compositeHandler.handle(station, new GetCompositeScheduleRequest(connectorId, duration, unit))
                .toCompletableFuture().join();
    }

    /** The runtime starting a transaction and then telling its listeners (as StationRuntime does). */
    void startTransaction(int connectorId, Integer transactionId, ChargingProfile remoteStartProfile) {
        station.startTransaction(connectorId, transactionId);
        service.transactionStarted(station, connectorId, "TAG" + connectorId, remoteStartProfile);
    }

    void stopTransaction(int connectorId, Integer transactionId) {
        station.stopTransaction(connectorId);
        service.transactionStopped(station, connectorId, transactionId);
    }

    /** The limit value last set on a connector, or null when none (or the station default) is set. */
    Double limit(int connectorId) {
        var l = station.limit(connectorId);
        return l == null ? null : l.value();
    }
}
