package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.TriggerMessageRequest;
import io.chargegate.ocpp.model.messages.TriggerMessageResponse;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.FirmwareStatus;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.ProfileState;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Station.trigger (TriggerMessage, TC_054/TC_055) and Station.profileState. */
class TriggerAndProfileStateTest extends RuntimeTestBase {

    @Test
    void tc054_statusNotificationOfOneConnectorOrOfAll() {
        StationRuntime st = boot(2);
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.STATUS_NOTIFICATION, 1));
        StatusNotificationRequest one = h.csms.next(StatusNotificationRequest.class);
        assertEquals(1, one.connectorId());
        assertEquals(ChargePointStatus.AVAILABLE, one.status());
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.STATUS_NOTIFICATION, null));
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(h.csms.next(StatusNotificationRequest.class).connectorId());
        }
        assertEquals(List.of(0, 1, 2), ids);
    }

    @Test
    void tc055_aConnectorThatDoesNotExistIsRejectedAndNothingIsSent() {
        StationRuntime st = boot(2);
        assertEquals(TriggerMessageStatus.REJECTED, st.trigger(MessageTrigger.STATUS_NOTIFICATION, 3));
        assertEquals(TriggerMessageStatus.REJECTED, st.trigger(MessageTrigger.METER_VALUES, -1));
        assertEquals(TriggerMessageStatus.REJECTED, st.trigger(MessageTrigger.HEARTBEAT, 7));
        h.csms.assertNothing(r -> true, 400);
    }

    @Test
    void tc054_heartbeatDiagnosticsAndFirmwareStatus() {
        StationRuntime st = boot(1);
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.HEARTBEAT, null));
        h.csms.next(HeartbeatRequest.class);
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, null));
        assertEquals(DiagnosticsStatus.IDLE, h.csms.next(DiagnosticsStatusNotificationRequest.class).status());
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.FIRMWARE_STATUS_NOTIFICATION, null));
        assertEquals(FirmwareStatus.IDLE, h.csms.next(FirmwareStatusNotificationRequest.class).status());
    }

    @Test
    void fr3_firmwareAndDiagnosticsStatusOfARunningJobFromTheFirmwareProfileState() {
        StationRuntime st = boot(1);
        ProfileState fw = st.profileState("firmware");
        fw.put("firmwareStatus", "Downloading");
        fw.put("diagnosticsStatus", "Uploading");
        st.trigger(MessageTrigger.FIRMWARE_STATUS_NOTIFICATION, null);
        assertEquals(FirmwareStatus.DOWNLOADING, h.csms.next(FirmwareStatusNotificationRequest.class).status());
        st.trigger(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, null);
        assertEquals(DiagnosticsStatus.UPLOADING, h.csms.next(DiagnosticsStatusNotificationRequest.class).status());
        fw.remove("firmwareStatus");
        fw.put("diagnosticsStatus", "Exploding");
        st.trigger(MessageTrigger.FIRMWARE_STATUS_NOTIFICATION, null);
        assertEquals(FirmwareStatus.IDLE, h.csms.next(FirmwareStatusNotificationRequest.class).status(), "job ended");
        st.trigger(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, null);
        assertEquals(DiagnosticsStatus.IDLE, h.csms.next(DiagnosticsStatusNotificationRequest.class).status(), "not a status");
    }

    @Test
    void tc054_meterValuesWithContextTriggerAndTheTransactionIdWhereOneRuns() {
        StationRuntime st = boot(2);
        startCharging("TAG1");
        Harness.await("transaction id", () -> st.connector(1).transactionId() != null);
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.METER_VALUES, 1));
        MeterValuesRequest tx = h.csms.next(MeterValuesRequest.class);
        assertEquals(1, tx.connectorId());
        assertEquals(100, tx.transactionId());
        assertEquals(ReadingContext.TRIGGER, tx.meterValue().get(0).sampledValue().get(0).context());
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.METER_VALUES, 2));
        MeterValuesRequest idle = h.csms.next(MeterValuesRequest.class);
        assertEquals(2, idle.connectorId());
        assertNull(idle.transactionId());
        assertEquals(ReadingContext.TRIGGER, idle.meterValue().get(0).sampledValue().get(0).context());
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.METER_VALUES, null));
        List<Integer> ids = List.of(h.csms.next(MeterValuesRequest.class).connectorId(),
                h.csms.next(MeterValuesRequest.class).connectorId());
        assertTrue(ids.containsAll(List.of(1, 2)), ids.toString());
    }

    @Test
    void tc054_bootNotificationIsSentAndItsAnswerHandledLikeABoot() {
        StationRuntime st = boot(1);
        h.csms.bootInterval = 42;
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.BOOT_NOTIFICATION, null));
        assertEquals("FakeVendor", h.csms.next(BootNotificationRequest.class).chargePointVendor());
        Harness.await("interval applied", () -> "42".equals(value(st, "HeartbeatInterval")));
    }

    @Test
    void triggerMessageThroughTheDispatcherAnswersFirstThenSends() {
        boot(1);
        h.handlers.add(new ActionHandler<TriggerMessageRequest, TriggerMessageResponse>() {
            @Override
            public Action action() {
                return Action.TRIGGER_MESSAGE;
            }

            @Override
            public CompletionStage<TriggerMessageResponse> handle(Station station, TriggerMessageRequest request) {
                return CompletableFuture.completedFuture(new TriggerMessageResponse(
                        station.trigger(request.requestedMessage(), request.connectorId())));
            }
        }, Map.of());
        int before = h.csms.log.size();
        assertEquals(TriggerMessageStatus.ACCEPTED, h.csms.call(new TriggerMessageRequest(MessageTrigger.HEARTBEAT, null)).status());
        h.csms.next(HeartbeatRequest.class);
        List<Request<?>> after = h.csms.log.subList(before, h.csms.log.size());
        assertEquals(1, after.stream().filter(r -> r instanceof HeartbeatRequest).count());
    }

    @Test
    void profileStateIsDurablePerNamespaceAndSurvivesResetAndPowerCycle() {
        StationRuntime st = boot(1);
        ProfileState sc = st.profileState("smartcharging");
        ProfileState rv = st.profileState("reservation");
        sc.put("b", "2");
        sc.put("a", "1");
        rv.put("a", "other");
        assertEquals(Optional.of("1"), sc.get("a"));
        assertEquals(List.of("a", "b"), List.copyOf(sc.snapshot().keySet()));
        assertEquals(Map.of("a", "other"), rv.snapshot());
        assertTrue(sc.remove("b"));
        assertFalse(sc.remove("b"));
        assertEquals(Optional.empty(), sc.get("b"));
        assertTrue(st.profileState("config").snapshot().isEmpty(), "not the runtime's own configuration map");
        assertThrows(IllegalArgumentException.class, () -> st.profileState(" "));
        // a handle kept across a Reset (the store is closed and reopened) keeps working
        st.reset(ResetType.SOFT);
        h.csms.next(BootNotificationRequest.class);
        Harness.await("restarted", st::isRunning);
        assertEquals(Optional.of("1"), sc.get("a"));
        sc.put("c", "3");
        // a new runtime on the same store (power cycle) finds everything
        StationRuntime st2 = h.powerCycle();
        assertEquals(Map.of("a", "1", "c", "3"), st2.profileState("smartcharging").snapshot());
        assertThrows(IllegalStateException.class, () -> sc.get("a"), "the old runtime is stopped");
    }
}
