package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.TriggerMessageRequest;
import io.chargegate.ocpp.model.messages.TriggerMessageResponse;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TriggerMessage handler: request -> Station.trigger with the right arguments -> the right response. */
class RemoteTriggerHandlersTest {

    private final FakeStation station = new FakeStation();
    private final TriggerMessageHandler handler = new TriggerMessageHandler();

    private TriggerMessageResponse call(TriggerMessageRequest request) {
        CompletableFuture<TriggerMessageResponse> future = handler.handle(station, request).toCompletableFuture();
        assertTrue(future.isDone(), "a synchronous RemoteTrigger handler returns a completed stage");
        return future.join();
    }

    private void assertCalls(FakeStation.Call... expected) {
        assertEquals(Arrays.asList(expected), station.calls());
    }

    @Test
    void handlerCoversExactlyTheCsmsInitiatedRemoteTriggerActions() {
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == FeatureProfile.REMOTE_TRIGGER
                        && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(EnumSet.of(Action.TRIGGER_MESSAGE), expected);
        assertEquals(Action.TRIGGER_MESSAGE, handler.action());
    }

    @Test
    void profileAnnouncesRemoteTriggerWithoutKeys() {
        RemoteTriggerProfile profile = new RemoteTriggerProfile();
        assertEquals(FeatureProfile.REMOTE_TRIGGER, profile.profile());
        assertEquals(List.of(), profile.configurationKeys());
    }

    @ParameterizedTest
    @EnumSource(MessageTrigger.class)
    void everyTriggerIsPassedWithItsConnector(MessageTrigger message) {
        assertEquals(new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED),
                call(new TriggerMessageRequest(message, 2)));
        assertCalls(FakeStation.Call.of("trigger", message, 2));
    }

    @ParameterizedTest
    @EnumSource(MessageTrigger.class)
    void absentConnectorIsPassedAsNull(MessageTrigger message) {
        call(new TriggerMessageRequest(message, null));
        assertCalls(FakeStation.Call.of("trigger", message, null));
    }

    @ParameterizedTest
    @EnumSource(TriggerMessageStatus.class)
    void theStationsStatusIsTheAnswer(TriggerMessageStatus status) {
        station.triggerResult = status;
        assertEquals(new TriggerMessageResponse(status),
                call(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 1)));
    }

    @Test
    void connectorZeroAndUnknownConnectorsAreLeftToTheStation() {
        // TC_055: the runtime knows which connectors exist and answers Rejected; the handler passes them through
        station.triggerResult = TriggerMessageStatus.REJECTED;
        assertEquals(TriggerMessageStatus.REJECTED,
                call(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 99)).status());
        assertEquals(TriggerMessageStatus.REJECTED,
                call(new TriggerMessageRequest(MessageTrigger.METER_VALUES, -1)).status());
        station.triggerResult = TriggerMessageStatus.ACCEPTED;
        assertEquals(TriggerMessageStatus.ACCEPTED,
                call(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 0)).status());
        assertCalls(FakeStation.Call.of("trigger", MessageTrigger.STATUS_NOTIFICATION, 99),
                FakeStation.Call.of("trigger", MessageTrigger.METER_VALUES, -1),
                FakeStation.Call.of("trigger", MessageTrigger.STATUS_NOTIFICATION, 0));
    }

    @Test
    void nullStatusIsAnError() {
        station.triggerResult = null;
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> handler.handle(station, new TriggerMessageRequest(MessageTrigger.HEARTBEAT, null)));
        assertTrue(e.getMessage().contains("Station.trigger"), e.getMessage());
    }

    @Test
    void stationFailurePropagatesForInternalError() {
        UnsupportedOperationException boom = new UnsupportedOperationException("trigger() not implemented");
        station.failure = boom;
        assertSame(boom, assertThrows(UnsupportedOperationException.class,
                () -> handler.handle(station, new TriggerMessageRequest(MessageTrigger.HEARTBEAT, null))));
    }
}
