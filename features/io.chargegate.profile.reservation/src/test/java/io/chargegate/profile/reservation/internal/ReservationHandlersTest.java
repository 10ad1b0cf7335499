package io.chargegate.profile.reservation.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.CancelReservationResponse;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.ReserveNowResponse;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Reservation handler: request -> the right Station call with the right arguments -> the right response. */
class ReservationHandlersTest {

    private static final Instant EXPIRY = Instant.parse("2030-01-02T03:04:05Z");

    private final FakeStation station = new FakeStation();

    /** Runs the handler and returns the response of the stage, which must already be complete. */
    private static <Q extends Request<R>, R extends Response> R call(ActionHandler<Q, R> handler, Station station,
                                                                     Q request) {
        CompletionStage<R> stage = handler.handle(station, request);
        CompletableFuture<R> future = stage.toCompletableFuture();
        assertTrue(future.isDone(), "a synchronous Reservation handler returns a completed stage");
        return future.join();
    }

    private void assertCalls(FakeStation.Call... expected) {
        assertEquals(Arrays.asList(expected), station.calls());
    }

    // ---- which actions, which keys ----

    @Test
    void handlersCoverExactlyTheCsmsInitiatedReservationActions() {
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == FeatureProfile.RESERVATION
                        && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(EnumSet.of(Action.RESERVE_NOW, Action.CANCEL_RESERVATION), expected);
        assertEquals(Action.RESERVE_NOW, new ReserveNowHandler().action());
        assertEquals(Action.CANCEL_RESERVATION, new CancelReservationHandler().action());
    }

    @Test
    void profileAnnouncesReservationWithReserveConnectorZeroSupported() {
        ReservationProfile profile = new ReservationProfile();
        assertEquals(FeatureProfile.RESERVATION, profile.profile());
        List<ConfigurationKey> keys = profile.configurationKeys();
        assertEquals(1, keys.size());
        ConfigurationKey key = keys.get(0);
        assertEquals("ReserveConnectorZeroSupported", key.name());
        assertFalse(key.readonly());
        assertEquals("false", key.defaultValue());
        assertFalse(key.rebootRequired());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "TRUE", "False"})
    void reserveConnectorZeroSupportedAcceptsBooleans(String value) {
        assertNull(new ReservationProfile().configurationKeys().get(0).validator().apply(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "truee"})
    void reserveConnectorZeroSupportedRejectsOtherValues(String value) {
        assertNotNull(new ReservationProfile().configurationKeys().get(0).validator().apply(value));
    }

    // ---- ReserveNow ----

    @ParameterizedTest
    @EnumSource(ReservationStatus.class)
    void reserveNowPassesTheReservationAndReturnsTheStationsStatus(ReservationStatus status) {
        station.reserveResult = status;
        ReserveNowResponse response = call(new ReserveNowHandler(), station,
                new ReserveNowRequest(2, EXPIRY, "TAG-1", "PARENT-1", 42));
        assertEquals(new ReserveNowResponse(status), response);
        assertCalls(FakeStation.Call.of("reserve", new Reservation(42, 2, "TAG-1", "PARENT-1", EXPIRY)));
    }

    @Test
    void reserveNowWithoutParentIdTag() {
        call(new ReserveNowHandler(), station, new ReserveNowRequest(1, EXPIRY, "TAG-1", 7));
        assertCalls(FakeStation.Call.of("reserve", new Reservation(7, 1, "TAG-1", null, EXPIRY)));
    }

    @ParameterizedTest
    @EnumSource(value = ReservationStatus.class, names = {"ACCEPTED", "REJECTED"})
    void reserveNowForConnectorZeroLeavesTheZeroRuleToTheStation(ReservationStatus status) {
        // the runtime reads ReserveConnectorZeroSupported; the handler neither reads nor second-guesses it
        station.reserveResult = status;
        assertEquals(new ReserveNowResponse(status), call(new ReserveNowHandler(), station,
                new ReserveNowRequest(0, EXPIRY, "TAG-0", 9)));
        assertCalls(FakeStation.Call.of("reserve", new Reservation(9, 0, "TAG-0", null, EXPIRY)));
    }

    @Test
    void reserveNowForANegativeConnectorIsRejectedWithoutAskingTheStation() {
        assertEquals(new ReserveNowResponse(ReservationStatus.REJECTED),
                call(new ReserveNowHandler(), station, new ReserveNowRequest(-1, EXPIRY, "TAG-1", 3)));
        assertCalls();
    }

    @Test
    void reserveNowStationFailurePropagatesForInternalError() {
        IllegalStateException boom = new IllegalStateException("store broke");
        station.failure = boom;
        assertSame(boom, assertThrows(IllegalStateException.class, () -> new ReserveNowHandler()
                .handle(station, new ReserveNowRequest(1, EXPIRY, "TAG-1", 3))));
    }

    @Test
    void reserveNowNullStatusIsAnError() {
        station.reserveResult = null;
        NullPointerException e = assertThrows(NullPointerException.class, () -> new ReserveNowHandler()
                .handle(station, new ReserveNowRequest(1, EXPIRY, "TAG-1", 3)));
        assertTrue(e.getMessage().contains("Station.reserve"), e.getMessage());
    }

    // ---- CancelReservation ----

    @ParameterizedTest
    @EnumSource(CancelReservationStatus.class)
    void cancelReservationPassesTheIdAndReturnsTheStationsStatus(CancelReservationStatus status) {
        station.cancelResult = status;
        assertEquals(new CancelReservationResponse(status),
                call(new CancelReservationHandler(), station, new CancelReservationRequest(42)));
        assertCalls(FakeStation.Call.of("cancelReservation", 42));
    }

    @Test
    void cancelReservationNullStatusIsAnError() {
        station.cancelResult = null;
        assertThrows(NullPointerException.class,
                () -> new CancelReservationHandler().handle(station, new CancelReservationRequest(1)));
    }

    @Test
    void cancelReservationStationFailurePropagates() {
        IllegalStateException boom = new IllegalStateException("not running");
        station.failure = boom;
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> new CancelReservationHandler().handle(station, new CancelReservationRequest(1))));
    }
}
