package io.chargegate.profile.core.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityRequest;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityResponse;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationResponse;
import io.chargegate.ocpp.model.messages.ClearCacheRequest;
import io.chargegate.ocpp.model.messages.ClearCacheResponse;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionResponse;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.messages.ResetResponse;
import io.chargegate.ocpp.model.messages.UnlockConnectorRequest;
import io.chargegate.ocpp.model.messages.UnlockConnectorResponse;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.ClearCacheStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Core handler: request -> the right Station call with the right arguments -> the right response. */
class CoreHandlersTest {

    private final FakeStation station = new FakeStation();

    /** Runs the handler and returns the response of the stage, which must already be complete. */
    private static <Q extends Request<R>, R extends Response> R call(ActionHandler<Q, R> handler, Station station,
                                                                     Q request) {
        CompletionStage<R> stage = handler.handle(station, request);
        CompletableFuture<R> future = stage.toCompletableFuture();
        assertTrue(future.isDone(), "a synchronous Core handler returns a completed stage");
        return future.join();
    }

    private void assertCalls(FakeStation.Call... expected) {
        assertEquals(Arrays.asList(expected), station.calls());
    }

    // ---- which actions ----

    static List<ActionHandler<?, ?>> allHandlers() {
        return List.of(new ChangeAvailabilityHandler(), new ChangeConfigurationHandler(), new ClearCacheHandler(),
                new DataTransferRouter(), new GetConfigurationHandler(), new RemoteStartTransactionHandler(),
                new RemoteStopTransactionHandler(), new ResetHandler(), new UnlockConnectorHandler());
    }

    @Test
    void handlersCoverExactlyTheCsmsInitiatedCoreActions() {
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == FeatureProfile.CORE && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        List<Action> handled = allHandlers().stream().map(ActionHandler::action).collect(Collectors.toList());
        assertEquals(9, expected.size());
        assertEquals(handled.size(), Set.copyOf(handled).size(), "one handler per action: " + handled);
        assertEquals(expected, EnumSet.copyOf(handled));
    }

    @Test
    void coreProfileAnnouncesCoreWithoutKeys() {
        CoreProfile profile = new CoreProfile();
        assertEquals(FeatureProfile.CORE, profile.profile());
        assertEquals(List.of(), profile.configurationKeys());
    }

    // ---- ChangeAvailability ----

    @ParameterizedTest
    @EnumSource(AvailabilityStatus.class)
    void changeAvailabilityPassesConnectorAndTypeAndReturnsStatus(AvailabilityStatus status) {
        station.availabilityResult = status;
        ChangeAvailabilityResponse response = call(new ChangeAvailabilityHandler(), station,
                new ChangeAvailabilityRequest(2, AvailabilityType.INOPERATIVE));
        assertEquals(new ChangeAvailabilityResponse(status), response);
        assertCalls(FakeStation.Call.of("changeAvailability", 2, AvailabilityType.INOPERATIVE));
    }

    @Test
    void changeAvailabilityOfWholeChargePoint() {
        call(new ChangeAvailabilityHandler(), station, new ChangeAvailabilityRequest(0, AvailabilityType.OPERATIVE));
        assertCalls(FakeStation.Call.of("changeAvailability", 0, AvailabilityType.OPERATIVE));
    }

    // ---- ChangeConfiguration ----

    @ParameterizedTest
    @EnumSource(ConfigurationStatus.class)
    void changeConfigurationPassesKeyAndValueAndReturnsStatus(ConfigurationStatus status) {
        station.configurationResult = status;
        ChangeConfigurationResponse response = call(new ChangeConfigurationHandler(), station,
                new ChangeConfigurationRequest("HeartbeatInterval", "300"));
        assertEquals(new ChangeConfigurationResponse(status), response);
        assertCalls(FakeStation.Call.of("changeConfiguration", "HeartbeatInterval", "300"));
    }

    // ---- ClearCache ----

    @Test
    void clearCacheAcceptedWhenStationClearedIt() {
        station.cacheEnabled = true;
        assertEquals(new ClearCacheResponse(ClearCacheStatus.ACCEPTED),
                call(new ClearCacheHandler(), station, new ClearCacheRequest()));
        assertCalls(FakeStation.Call.of("clearAuthorizationCache"));
    }

    @Test
    void clearCacheRejectedWhenCacheDisabled() {
        station.cacheEnabled = false;
        assertEquals(new ClearCacheResponse(ClearCacheStatus.REJECTED),
                call(new ClearCacheHandler(), station, new ClearCacheRequest()));
        assertCalls(FakeStation.Call.of("clearAuthorizationCache"));
    }

    // ---- GetConfiguration ----

    @Test
    void getConfigurationWithoutKeysAsksForAll() {
        List<KeyValue> all = List.of(new KeyValue("HeartbeatInterval", false, "300"),
                new KeyValue("NumberOfConnectors", true, "2"));
        station.snapshotResult = new Station.ConfigurationSnapshot(all, List.of());
        GetConfigurationResponse response = call(new GetConfigurationHandler(), station, new GetConfigurationRequest());
        assertEquals(all, response.configurationKey());
        assertNull(response.unknownKey(), "no unknown keys: unknownKey left out");
        assertCalls(FakeStation.Call.of("configuration", List.of()));
    }

    @Test
    void getConfigurationWithEmptyKeyListAsksForAll() {
        call(new GetConfigurationHandler(), station, new GetConfigurationRequest(List.of()));
        assertCalls(FakeStation.Call.of("configuration", List.of()));
    }

    @Test
    void getConfigurationWithKeysReportsKnownAndUnknown() {
        KeyValue heartbeat = new KeyValue("HeartbeatInterval", false, "300");
        station.snapshotResult = new Station.ConfigurationSnapshot(List.of(heartbeat), List.of("NoSuchKey"));
        GetConfigurationResponse response = call(new GetConfigurationHandler(), station,
                new GetConfigurationRequest(List.of("HeartbeatInterval", "NoSuchKey")));
        assertEquals(new GetConfigurationResponse(List.of(heartbeat), List.of("NoSuchKey")), response);
        assertCalls(FakeStation.Call.of("configuration", List.of("HeartbeatInterval", "NoSuchKey")));
    }

    @Test
    void getConfigurationWithOnlyUnknownKeysHasEmptyConfigurationKey() {
        station.snapshotResult = new Station.ConfigurationSnapshot(List.of(), List.of("Foo", "Bar"));
        GetConfigurationResponse response = call(new GetConfigurationHandler(), station,
                new GetConfigurationRequest(List.of("Foo", "Bar")));
        assertEquals(new GetConfigurationResponse(List.of(), List.of("Foo", "Bar")), response);
    }

    // ---- RemoteStartTransaction ----

    private static ChargingProfile txProfile() {
        return new ChargingProfile(7, 0, ChargingProfilePurposeType.TX_PROFILE, ChargingProfileKindType.RELATIVE,
                new ChargingSchedule(ChargingRateUnitType.A, List.of(new ChargingSchedulePeriod(0, 16.0))));
    }

    @ParameterizedTest
    @EnumSource(RemoteStartStopStatus.class)
    void remoteStartPassesIdTagConnectorAndProfile(RemoteStartStopStatus status) {
        station.remoteStartResult = status;
        ChargingProfile profile = txProfile();
        RemoteStartTransactionResponse response = call(new RemoteStartTransactionHandler(), station,
                new RemoteStartTransactionRequest(1, "TAG-42", profile));
        assertEquals(new RemoteStartTransactionResponse(status), response);
        assertCalls(FakeStation.Call.of("remoteStart", "TAG-42", 1, profile));
    }

    @Test
    void remoteStartWithoutConnectorOrProfilePassesNulls() {
        call(new RemoteStartTransactionHandler(), station, new RemoteStartTransactionRequest("TAG-1"));
        assertCalls(FakeStation.Call.of("remoteStart", "TAG-1", null, null));
    }

    // ---- RemoteStopTransaction ----

    @ParameterizedTest
    @EnumSource(RemoteStartStopStatus.class)
    void remoteStopPassesTransactionId(RemoteStartStopStatus status) {
        station.remoteStopResult = status;
        RemoteStopTransactionResponse response = call(new RemoteStopTransactionHandler(), station,
                new RemoteStopTransactionRequest(12345));
        assertEquals(new RemoteStopTransactionResponse(status), response);
        assertCalls(FakeStation.Call.of("remoteStop", 12345));
    }

    // ---- Reset ----

    @ParameterizedTest
    @EnumSource(ResetType.class)
    void resetPassesType(ResetType type) {
        station.resetResult = ResetStatus.ACCEPTED;
        assertEquals(new ResetResponse(ResetStatus.ACCEPTED), call(new ResetHandler(), station, new ResetRequest(type)));
        assertCalls(FakeStation.Call.of("reset", type));
    }

    @Test
    void resetRejected() {
        station.resetResult = ResetStatus.REJECTED;
        assertEquals(new ResetResponse(ResetStatus.REJECTED),
                call(new ResetHandler(), station, new ResetRequest(ResetType.HARD)));
    }

    // ---- UnlockConnector ----

    @ParameterizedTest
    @EnumSource(UnlockStatus.class)
    void unlockPassesConnectorAndReturnsStatus(UnlockStatus status) {
        station.unlockResult = status;
        assertEquals(new UnlockConnectorResponse(status),
                call(new UnlockConnectorHandler(), station, new UnlockConnectorRequest(3)));
        assertCalls(FakeStation.Call.of("unlock", 3));
    }

    // ---- failures reach the dispatcher (which answers InternalError) ----

    @Test
    void stationFailurePropagates() {
        IllegalStateException boom = new IllegalStateException("store closed");
        station.failure = boom;
        assertSame(boom, assertThrows(IllegalStateException.class, () -> new ResetHandler()
                .handle(station, new ResetRequest(ResetType.SOFT))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeAvailability", "changeConfiguration", "remoteStart", "remoteStop", "reset",
            "unlock", "configuration"})
    void nullStationResultIsAnErrorNamingTheMethod(String method) {
        station.availabilityResult = null;
        station.configurationResult = null;
        station.remoteStartResult = null;
        station.remoteStopResult = null;
        station.resetResult = null;
        station.unlockResult = null;
        station.snapshotResult = null;
        Runnable handlerCall = switch (method) {
            case "changeAvailability" -> () -> new ChangeAvailabilityHandler()
                    .handle(station, new ChangeAvailabilityRequest(1, AvailabilityType.OPERATIVE));
            case "changeConfiguration" -> () -> new ChangeConfigurationHandler()
                    .handle(station, new ChangeConfigurationRequest("K", "V"));
            case "remoteStart" -> () -> new RemoteStartTransactionHandler()
                    .handle(station, new RemoteStartTransactionRequest("T"));
            case "remoteStop" -> () -> new RemoteStopTransactionHandler()
                    .handle(station, new RemoteStopTransactionRequest(1));
            case "reset" -> () -> new ResetHandler().handle(station, new ResetRequest(ResetType.SOFT));
            case "unlock" -> () -> new UnlockConnectorHandler().handle(station, new UnlockConnectorRequest(1));
            case "configuration" -> () -> new GetConfigurationHandler().handle(station, new GetConfigurationRequest());
            default -> throw new IllegalArgumentException(method);
        };
        NullPointerException e = assertThrows(NullPointerException.class, handlerCall::run);
        assertEquals("Station." + method + " returned null", e.getMessage());
    }
}
