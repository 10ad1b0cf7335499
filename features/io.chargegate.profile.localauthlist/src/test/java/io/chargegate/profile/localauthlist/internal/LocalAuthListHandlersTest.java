package io.chargegate.profile.localauthlist.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.GetLocalListVersionRequest;
import io.chargegate.ocpp.model.messages.GetLocalListVersionResponse;
import io.chargegate.ocpp.model.messages.SendLocalListRequest;
import io.chargegate.ocpp.model.messages.SendLocalListResponse;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every LocalAuthListManagement handler: request -> the right Station call -> the right response. */
class LocalAuthListHandlersTest {

    private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED);
    private static final IdTagInfo BLOCKED =
            new IdTagInfo(Instant.parse("2030-01-01T00:00:00Z"), "PARENT", AuthorizationStatus.BLOCKED);

    private final FakeStation station = new FakeStation();

    /** Runs the handler and returns the response of the stage, which must already be complete. */
    private static <Q extends Request<R>, R extends Response> R call(ActionHandler<Q, R> handler, Station station,
                                                                     Q request) {
        CompletionStage<R> stage = handler.handle(station, request);
        CompletableFuture<R> future = stage.toCompletableFuture();
        assertTrue(future.isDone(), "a synchronous LocalAuthListManagement handler returns a completed stage");
        return future.join();
    }

    private void assertCalls(FakeStation.Call... expected) {
        assertEquals(Arrays.asList(expected), station.calls());
    }

    // ---- which actions, which keys ----

    @Test
    void handlersCoverExactlyTheCsmsInitiatedLocalListActions() {
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT
                        && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(EnumSet.of(Action.GET_LOCAL_LIST_VERSION, Action.SEND_LOCAL_LIST), expected);
        assertEquals(Action.GET_LOCAL_LIST_VERSION, new GetLocalListVersionHandler().action());
        assertEquals(Action.SEND_LOCAL_LIST, new SendLocalListHandler().action());
    }

    @Test
    void profileAnnouncesLocalAuthListManagementWithItsThreeKeys() {
        LocalAuthListProfile profile = new LocalAuthListProfile();
        assertEquals(FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT, profile.profile());
        Map<String, ConfigurationKey> keys = profile.configurationKeys().stream()
                .collect(Collectors.toMap(ConfigurationKey::name, Function.identity()));
        assertEquals(Set.of("LocalAuthListEnabled", "LocalAuthListMaxLength", "SendLocalListMaxLength"), keys.keySet());

        ConfigurationKey enabled = keys.get("LocalAuthListEnabled");
        assertFalse(enabled.readonly());
        assertEquals("true", enabled.defaultValue());
        assertNull(enabled.validator().apply("false"));
        assertNull(enabled.validator().apply("TRUE"));
        assertNotNull(enabled.validator().apply("1"));

        ConfigurationKey listMax = keys.get("LocalAuthListMaxLength");
        assertTrue(listMax.readonly());
        assertEquals("1000", listMax.defaultValue());
        ConfigurationKey sendMax = keys.get("SendLocalListMaxLength");
        assertTrue(sendMax.readonly());
        assertEquals("100", sendMax.defaultValue());
        assertTrue(Integer.parseInt(sendMax.defaultValue()) <= Integer.parseInt(listMax.defaultValue()),
                "one update cannot be longer than the list");
        keys.values().forEach(k -> assertFalse(k.rebootRequired(), k.name()));
    }

    // ---- GetLocalListVersion ----

    private static final FakeStation.Call READ_ENABLED =
            FakeStation.Call.of("configuration", List.of("LocalAuthListEnabled"));

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 42, Integer.MAX_VALUE})
    void getLocalListVersionAnswersTheStationsVersionWhileTheListIsEnabled(int version) {
        station.versionResult = version;
        assertEquals(new GetLocalListVersionResponse(version),
                call(new GetLocalListVersionHandler(), station, new GetLocalListVersionRequest()));
        assertCalls(READ_ENABLED, FakeStation.Call.of("localListVersion"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", " true "})
    void getLocalListVersionReadsEnabledIgnoringCaseAndBlanks(String enabled) {
        station.listEnabledValue = enabled;
        station.versionResult = 3;
        assertEquals(3, call(new GetLocalListVersionHandler(), station, new GetLocalListVersionRequest())
                .listVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", ""})
    void getLocalListVersionIsMinusOneWhileTheListIsDisabled(String disabled) {
        // TC_042_1: LocalAuthListEnabled=false -> listVersion -1, whatever version the station holds
        station.listEnabledValue = disabled;
        station.versionResult = 7;
        assertEquals(new GetLocalListVersionResponse(-1),
                call(new GetLocalListVersionHandler(), station, new GetLocalListVersionRequest()));
        assertCalls(READ_ENABLED);
    }

    @Test
    void getLocalListVersionIsMinusOneWhileTheKeyIsUnknown() {
        // the runtime does not authorize from the list while the key is unknown either
        station.listEnabledValue = null;
        station.versionResult = 7;
        assertEquals(-1, call(new GetLocalListVersionHandler(), station, new GetLocalListVersionRequest())
                .listVersion());
    }

    @Test
    void getLocalListVersionStationFailurePropagatesForInternalError() {
        IllegalStateException boom = new IllegalStateException("station CP-TEST is not running");
        station.failure = boom;
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> new GetLocalListVersionHandler().handle(station, new GetLocalListVersionRequest())));
    }

    // ---- SendLocalList ----

    @ParameterizedTest
    @EnumSource(UpdateStatus.class)
    void sendLocalListFullPassesVersionTypeAndEntriesAndAnswersTheStationsStatus(UpdateStatus status) {
        station.updateResult = status;
        List<AuthorizationData> entries =
                List.of(new AuthorizationData("TAG-1", ACCEPTED), new AuthorizationData("TAG-2", BLOCKED));
        SendLocalListResponse response = call(new SendLocalListHandler(), station,
                new SendLocalListRequest(3, entries, UpdateType.FULL));
        assertEquals(new SendLocalListResponse(status), response);
        assertCalls(READ_ENABLED, FakeStation.Call.of("sendLocalList", 3, UpdateType.FULL, entries));
    }

    @ParameterizedTest
    @EnumSource(UpdateStatus.class)
    void sendLocalListDifferentialPassesEntriesWithoutIdTagInfoForRemoval(UpdateStatus status) {
        station.updateResult = status;
        List<AuthorizationData> entries =
                List.of(new AuthorizationData("TAG-1", ACCEPTED), new AuthorizationData("GONE"));
        assertEquals(new SendLocalListResponse(status), call(new SendLocalListHandler(), station,
                new SendLocalListRequest(4, entries, UpdateType.DIFFERENTIAL)));
        assertCalls(READ_ENABLED, FakeStation.Call.of("sendLocalList", 4, UpdateType.DIFFERENTIAL, entries));
    }

    @ParameterizedTest
    @EnumSource(UpdateType.class)
    void sendLocalListWithoutAListPassesAnEmptyOne(UpdateType type) {
        assertEquals(new SendLocalListResponse(UpdateStatus.ACCEPTED), call(new SendLocalListHandler(), station,
                new SendLocalListRequest(5, null, type)));
        assertCalls(READ_ENABLED, FakeStation.Call.of("sendLocalList", 5, type, List.of()));
    }

    @Test
    void sendLocalListFullWithAnEntryWithoutIdTagInfoIsAnOccurenceConstraintViolation() {
        List<AuthorizationData> entries =
                List.of(new AuthorizationData("TAG-1", ACCEPTED), new AuthorizationData("NO-INFO"));
        OcppException e = assertThrows(OcppException.class, () -> new SendLocalListHandler()
                .handle(station, new SendLocalListRequest(6, entries, UpdateType.FULL)));
        assertEquals(ErrorCode.OccurenceConstraintViolation, e.code());
        assertTrue(e.description().contains("NO-INFO"), e.description());
        assertCalls();
    }

    @ParameterizedTest
    @EnumSource(UpdateType.class)
    void sendLocalListIsNotSupportedWhileTheListIsDisabled(UpdateType type) {
        // TC_043_1: LocalAuthListEnabled=false -> NotSupported, and the station's list is not touched
        station.listEnabledValue = "false";
        assertEquals(new SendLocalListResponse(UpdateStatus.NOT_SUPPORTED), call(new SendLocalListHandler(), station,
                new SendLocalListRequest(2, List.of(new AuthorizationData("TAG-1", ACCEPTED)), type)));
        assertCalls(READ_ENABLED);
    }

    @Test
    void sendLocalListIsNotSupportedWhileTheKeyIsUnknown() {
        station.listEnabledValue = null;
        assertEquals(UpdateStatus.NOT_SUPPORTED, call(new SendLocalListHandler(), station,
                new SendLocalListRequest(2, null, UpdateType.FULL)).status());
        assertCalls(READ_ENABLED);
    }

    @Test
    void sendLocalListNullStatusIsAnError() {
        station.updateResult = null;
        NullPointerException e = assertThrows(NullPointerException.class, () -> new SendLocalListHandler()
                .handle(station, new SendLocalListRequest(1, List.of(), UpdateType.FULL)));
        assertTrue(e.getMessage().contains("Station.sendLocalList"), e.getMessage());
    }

    @Test
    void sendLocalListStationFailurePropagates() {
        IllegalStateException boom = new IllegalStateException("store broke");
        station.failure = boom;
        assertSame(boom, assertThrows(IllegalStateException.class, () -> new SendLocalListHandler()
                .handle(station, new SendLocalListRequest(1, List.of(), UpdateType.DIFFERENTIAL))));
    }
}
