package io.chargegate.station.internal;

import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationResponse;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.messages.ResetResponse;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The station runtime against an in-memory CSMS, case by case of the OCPP 1.6 compliance checklist. */
class StationRuntimeTest {

    @TempDir
    Path dir;
    private Harness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private StationRuntime boot(int connectors) {
        h = new Harness(dir, connectors);
        StationRuntime st = h.start();
        h.csms.next(BootNotificationRequest.class);
        for (int i = 0; i <= connectors; i++) {
            h.csms.nextStatus(i, ChargePointStatus.AVAILABLE);
        }
        return st;
    }

    /** Plug in, present the token, wait for the transaction to start and charge; returns the StartTransaction. */
    private StartTransactionRequest startCharging(String idTag) {
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.reader.present(idTag, 0);
        h.csms.next(AuthorizeRequest.class);
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        return start;
    }

    private static <Q extends Request<R>, R extends io.chargegate.ocpp.model.Response> ActionHandler<Q, R> handler(
            Action action, java.util.function.BiFunction<Station, Q, R> f) {
        return new ActionHandler<>() {
            @Override
            public Action action() {
                return action;
            }

            @Override
            public CompletionStage<R> handle(Station station, Q request) {
                return CompletableFuture.completedFuture(f.apply(station, request));
            }
        };
    }

    @Test
    void tc001_coldBootSendsBootThenStatusOfEveryConnectorAndZeroThenHeartbeats() {
        h = new Harness(dir, 2);
        h.csms.bootInterval = 1;
        StationRuntime st = h.start();
        BootNotificationRequest boot = h.csms.next(BootNotificationRequest.class);
        assertEquals("FakeVendor", boot.chargePointVendor());
        assertEquals("FakeModel", boot.chargePointModel());
        assertEquals("1.2.3", boot.firmwareVersion());
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Request<?> r = h.csms.next();
            StatusNotificationRequest sn = assertInstanceOf(StatusNotificationRequest.class, r);
            assertEquals(ChargePointStatus.AVAILABLE, sn.status());
            assertEquals(ChargePointErrorCode.NO_ERROR, sn.errorCode());
            seen.add(sn.connectorId());
        }
        assertEquals(List.of(0, 1, 2), seen);
        h.csms.next(HeartbeatRequest.class);
        h.csms.next(HeartbeatRequest.class);
        assertEquals("1", value(st, "HeartbeatInterval"));
    }

    @Test
    void tc002_pendingAnswersCallsButSendsNothingUntilAccepted() {
        h = new Harness(dir, 1);
        h.csms.bootStatus = RegistrationStatus.PENDING;
        h.csms.bootInterval = 1;
        h.handlers.add(handler(Action.GET_CONFIGURATION, (Station s, GetConfigurationRequest r) ->
                new GetConfigurationResponse(s.configuration(r.key() == null ? List.of() : r.key()).known(), null)), Map.of());
        h.handlers.add(handler(Action.CHANGE_CONFIGURATION, (Station s, ChangeConfigurationRequest r) ->
                new ChangeConfigurationResponse(s.changeConfiguration(r.key(), r.value()))), Map.of());
        h.start();
        h.csms.next(BootNotificationRequest.class);
        GetConfigurationResponse conf = h.csms.call(new GetConfigurationRequest(List.of("HeartbeatInterval")));
        assertEquals("HeartbeatInterval", conf.configurationKey().get(0).key());
        assertEquals(ConfigurationStatus.ACCEPTED,
                h.csms.call(new ChangeConfigurationRequest("MeterValueSampleInterval", "30")).status());
        // only BootNotification again, nothing of our own meanwhile
        Request<?> next = h.csms.next();
        assertInstanceOf(BootNotificationRequest.class, next);
        h.csms.bootStatus = RegistrationStatus.ACCEPTED;
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        List<Request<?>> log = h.csms.log;
        int firstOther = 0;
        while (log.get(firstOther) instanceof BootNotificationRequest) {
            firstOther++;
        }
        assertTrue(firstOther >= 2, "booted again while pending");
        assertInstanceOf(StatusNotificationRequest.class, log.get(firstOther), "nothing of our own before acceptance");
    }

    @Test
    void rejectedBootSendsNothingElse() {
        h = new Harness(dir, 1);
        h.csms.bootStatus = RegistrationStatus.REJECTED;
        h.csms.bootInterval = 1;
        h.start();
        h.csms.next(BootNotificationRequest.class);
        assertInstanceOf(BootNotificationRequest.class, h.csms.next());
    }

    @Test
    void tc003_plugInFirstSessionWithPeriodicMeterValues() {
        StationRuntime st = boot(1);
        st.changeConfiguration("MeterValueSampleInterval", "1");
        st.changeConfiguration("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import");
        StartTransactionRequest start = startCharging("TAG1");
        assertEquals(1, start.connectorId());
        assertEquals("TAG1", start.idTag());
        assertEquals(1000, start.meterStart());
        MeterValuesRequest mv = h.csms.next(MeterValuesRequest.class);
        assertEquals(100, mv.transactionId());
        SampledValue energy = mv.meterValue().get(0).sampledValue().get(0);
        assertEquals(ReadingContext.SAMPLE_PERIODIC, energy.context());
        assertEquals(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, energy.measurand());
        assertEquals(Measurand.POWER_ACTIVE_IMPORT, mv.meterValue().get(0).sampledValue().get(1).measurand());
        assertEquals(100, st.connector(1).transactionId());
    }

    @Test
    void tc004_2_identificationFirstTimesOutAfterConnectionTimeOut() {
        StationRuntime st = boot(1);
        st.changeConfiguration("ConnectionTimeOut", "1");
        h.reader.present("TAG1", 0);
        h.csms.next(AuthorizeRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertFalse(st.connector(1).hasTransaction());
    }

    @Test
    void tc004_1_identificationFirstThenPlugInStarts() {
        boot(1);
        h.reader.present("TAG1", 0);
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.evse[1].plugIn();
        assertEquals("TAG1", h.csms.next(StartTransactionRequest.class).idTag());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
    }

    @Test
    void tc023_4_invalidIdTagStartsNothing() {
        boot(1);
        h.csms.authorize = id -> new IdTagInfo(AuthorizationStatus.INVALID);
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.reader.present("BAD", 0);
        h.csms.next(AuthorizeRequest.class);
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
    }

    @Test
    void tc005_1_evSideDisconnectStopsUnlocksAndBecomesAvailable() {
        boot(1);
        startCharging("TAG1");
        assertTrue(h.lock[1].locked);
        h.evse[1].unplug();
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals(Reason.EV_DISCONNECTED, stop.reason());
        assertEquals(100, stop.transactionId());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertFalse(h.lock[1].locked);
    }

    @Test
    void tc005_2_noUnlockOnEvSideKeepsFinishingUntilUnlockConnector() {
        StationRuntime st = boot(1);
        st.changeConfiguration("UnlockConnectorOnEVSideDisconnect", "false");
        startCharging("TAG1");
        h.evse[1].unplug();
        assertEquals(Reason.EV_DISCONNECTED, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertTrue(h.lock[1].locked);
        assertEquals(UnlockStatus.UNLOCKED, st.unlock(1));
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    @Test
    void tc005_3_noStopOnEvSideDisconnectSuspendsThenRemoteStop() {
        StationRuntime st = boot(1);
        st.changeConfiguration("StopTransactionOnEVSideDisconnect", "false");
        startCharging("TAG1");
        h.evse[1].unplug();
        h.csms.nextStatus(1, ChargePointStatus.SUSPENDED_EV);
        assertTrue(st.connector(1).hasTransaction());
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStop(100));
        assertEquals(Reason.REMOTE, h.csms.next(StopTransactionRequest.class).reason());
    }

    @Test
    void tc068_sameIdTagStopsLocally() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        h.reader.present("TAG1", 0);
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals(Reason.LOCAL, stop.reason());
        assertEquals("TAG1", stop.idTag());
        assertTrue(stop.meterStop() >= 1000);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        h.evse[1].unplug();
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertFalse(st.connector(1).hasTransaction());
    }

    @Test
    void tc069_sameParentIdTagStops() {
        boot(1);
        h.csms.authorize = id -> new IdTagInfo(null, "GROUP", AuthorizationStatus.ACCEPTED);
        startCharging("TAG1");
        h.reader.present("TAG2", 0);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("TAG2"));
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals("TAG2", stop.idTag());
        assertEquals(Reason.LOCAL, stop.reason());
    }

    @Test
    void tc012_remoteStopAndRemoteStartRules() {
        StationRuntime st = boot(1);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 0, null)); // TC_027
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStop(4242)); // TC_028
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("TAG1", 1, null)); // TC_010
        h.csms.next(AuthorizeRequest.class);
        int txId = h.csms.next(StartTransactionRequest.class).connectorId() == 1 ? 100 : -1;
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG2", 1, null)); // TC_026 occupied
        Harness.await("transaction id", () -> Integer.valueOf(txId).equals(st.connector(1).transactionId()));
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStop(txId));
        assertEquals(Reason.REMOTE, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
    }

    @Test
    void tc011_2_remoteStartTimesOutWithoutVehicle() {
        StationRuntime st = boot(1);
        st.changeConfiguration("ConnectionTimeOut", "1");
        st.changeConfiguration("AuthorizeRemoteTxRequests", "false");
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("TAG1", 1, null));
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest || r instanceof AuthorizeRequest, 200);
    }

    @Test
    void tc019_tc021_tc040_configurationSemantics() {
        StationRuntime st = boot(1);
        Station.ConfigurationSnapshot all = st.configuration(List.of());
        List<String> keys = all.known().stream().map(KeyValue::key).toList();
        assertTrue(keys.containsAll(List.of("HeartbeatInterval", "NumberOfConnectors", "MeterValuesSampledData",
                "SupportedFeatureProfiles", "WebSocketPingInterval", "TransactionMessageAttempts")));
        assertFalse(keys.contains("AuthorizationKey"), "write-only key listed");
        assertTrue(all.unknown().isEmpty());
        Station.ConfigurationSnapshot some = st.configuration(List.of("NumberOfConnectors", "NoSuchKey"));
        assertEquals(List.of(new KeyValue("NumberOfConnectors", true, "1")), some.known());
        assertEquals(List.of("NoSuchKey"), some.unknown());
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("MeterValueSampleInterval", "15"));
        assertEquals("15", value(st, "MeterValueSampleInterval"));
        assertEquals(ConfigurationStatus.NOT_SUPPORTED, st.changeConfiguration("NoSuchKey", "1"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("MeterValueSampleInterval", "-5"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("MeterValuesSampledData", "Energy.Bogus"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("NumberOfConnectors", "4"));
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("WebSocketPingInterval", "17"));
        // values survive a restart
        st = h.powerCycle();
        assertEquals("15", value(st, "MeterValueSampleInterval"));
        assertEquals("17", value(st, "WebSocketPingInterval"));
        assertEquals(java.time.Duration.ofSeconds(17), h.csms.opened.get(h.csms.opened.size() - 1).pingInterval());
    }

    @Test
    void profileKeysComeAndGoAndSupportedFeatureProfilesIsLive() {
        StationRuntime st = boot(1);
        FeatureProfileProvider local = new FeatureProfileProvider() {
            @Override
            public FeatureProfile profile() {
                return FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT;
            }

            @Override
            public List<ConfigurationKey> configurationKeys() {
                return List.of(ConfigurationKey.readWrite("LocalAuthListEnabled", "true", ConfigurationKey.bool()),
                        ConfigurationKey.readOnly("LocalAuthListMaxLength", "100"));
            }
        };
        FeatureProfileProvider core = new FeatureProfileProvider() {
            @Override
            public FeatureProfile profile() {
                return FeatureProfile.CORE;
            }

            @Override
            public List<ConfigurationKey> configurationKeys() {
                return List.of();
            }
        };
        h.profiles.add(local, Map.of());
        h.profiles.add(core, Map.of());
        assertEquals("Core,LocalAuthListManagement", value(st, "SupportedFeatureProfiles"));
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("LocalAuthListEnabled", "false"));
        h.profiles.remove(local);
        assertEquals("Core", value(st, "SupportedFeatureProfiles"));
        assertEquals(ConfigurationStatus.NOT_SUPPORTED, st.changeConfiguration("LocalAuthListEnabled", "true"));
        assertEquals(List.of("LocalAuthListEnabled"), st.configuration(List.of("LocalAuthListEnabled")).unknown());
        h.profiles.add(local, Map.of());
        assertEquals("false", value(st, "LocalAuthListEnabled"));
    }

    @Test
    void tc034_inoperativeSurvivesPowerCycle() {
        StationRuntime st = boot(2);
        assertEquals(AvailabilityStatus.ACCEPTED, st.changeAvailability(0, AvailabilityType.INOPERATIVE));
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(2, ChargePointStatus.UNAVAILABLE);
        assertFalse(h.evse[1].enabled);
        st = h.powerCycle();
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(0, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(2, ChargePointStatus.UNAVAILABLE);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null));
        assertEquals(AvailabilityStatus.ACCEPTED, st.changeAvailability(0, AvailabilityType.OPERATIVE));
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    @Test
    void changeAvailabilityDuringTransactionIsScheduled() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        assertEquals(AvailabilityStatus.SCHEDULED, st.changeAvailability(1, AvailabilityType.INOPERATIVE));
        h.reader.present("TAG1", 0);
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        assertEquals(AvailabilityStatus.REJECTED, st.changeAvailability(7, AvailabilityType.INOPERATIVE));
    }

    @Test
    void tc036_tc039_offlineTransactionDeliveredInOrderWithTheRealId() {
        StationRuntime st = boot(1);
        st.changeConfiguration("AllowOfflineTxForUnknownId", "true");
        st.changeConfiguration("MeterValueSampleInterval", "1");
        h.csms.goOffline();
        Harness.await("offline", () -> !h.csms.connected());
        h.evse[1].plugIn();
        h.reader.present("OFFLINE1", 0);
        Harness.await("transaction", () -> st.connector(1).hasTransaction());
        assertNull(st.connector(1).transactionId());
        Harness.await("meter values queued", () -> st.queueSummary().stream().filter(s -> s.contains("MeterValues")).count() >= 2);
        h.reader.present("OFFLINE1", 0);
        Harness.await("stopped", () -> !st.connector(1).hasTransaction());
        int queued = st.queueSummary().size();
        assertTrue(queued >= 4, "queue " + st.queueSummary());
        h.csms.received.clear();
        h.csms.goOnline();
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        assertEquals("OFFLINE1", start.idTag());
        List<Request<?>> tx = new ArrayList<>();
        while (tx.size() < queued - 1) {
            Request<?> r = h.csms.next();
            if (r instanceof MeterValuesRequest || r instanceof StopTransactionRequest) {
                tx.add(r);
            }
        }
        java.time.Instant last = java.time.Instant.MIN;
        for (int i = 0; i < tx.size() - 1; i++) {
            MeterValuesRequest mv = assertInstanceOf(MeterValuesRequest.class, tx.get(i));
            assertEquals(100, mv.transactionId(), "real id patched in");
            assertFalse(mv.meterValue().get(0).timestamp().isBefore(last), "chronological");
            last = mv.meterValue().get(0).timestamp();
        }
        StopTransactionRequest stop = assertInstanceOf(StopTransactionRequest.class, tx.get(tx.size() - 1));
        assertEquals(100, stop.transactionId());
        assertEquals("OFFLINE1", stop.idTag());
        Harness.await("queue drained", () -> st.queueSummary().isEmpty());
        assertEquals(1, h.csms.log.stream().filter(r -> r instanceof BootNotificationRequest).count(), "booted only once");
    }

    @Test
    void tc037_3_offlineStartRejectedByCsmsIsStoppedDeAuthorized() {
        StationRuntime st = boot(1);
        st.changeConfiguration("AllowOfflineTxForUnknownId", "true");
        h.csms.startInfo = r -> new IdTagInfo(AuthorizationStatus.INVALID);
        h.csms.goOffline();
        Harness.await("offline", () -> !h.csms.connected());
        h.evse[1].plugIn();
        h.reader.present("UNKNOWN", 0);
        Harness.await("transaction", () -> st.connector(1).hasTransaction());
        h.csms.goOnline();
        h.csms.next(StartTransactionRequest.class);
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals(Reason.DE_AUTHORIZED, stop.reason());
        assertEquals(100, stop.transactionId());
    }

    /** The StartTransaction answered Invalid is sent once: the DeAuthorized stop it causes does not send it again. */
    @Test
    void tc037_3_startAnsweredInvalidIsNotSentAgainByTheStop() {
        StationRuntime st = boot(1);
        st.changeConfiguration("AllowOfflineTxForUnknownId", "true");
        h.csms.startInfo = r -> new IdTagInfo(AuthorizationStatus.INVALID);
        h.csms.goOffline();
        Harness.await("offline", () -> !h.csms.connected());
        h.evse[1].plugIn();
        h.reader.present("UNKNOWN", 0);
        Harness.await("transaction", () -> st.connector(1).hasTransaction());
        h.csms.goOnline();
        h.csms.next(StartTransactionRequest.class);
        assertEquals(Reason.DE_AUTHORIZED, h.csms.next(StopTransactionRequest.class).reason());
        Harness.await("queue drained", () -> st.queueSummary().isEmpty());
        assertEquals(1, h.csms.log.stream().filter(r -> r instanceof StartTransactionRequest).count(),
                "one StartTransaction: " + h.csms.log);
    }

    @Test
    void tc037_2_invalidWithoutStopSuspendsCharging() {
        StationRuntime st = boot(1);
        st.changeConfiguration("StopTransactionOnInvalidId", "false");
        h.csms.startInfo = r -> new IdTagInfo(AuthorizationStatus.BLOCKED);
        startCharging("TAG1");
        h.csms.nextStatus(1, ChargePointStatus.SUSPENDED_EVSE);
        assertTrue(st.connector(1).hasTransaction());
        assertFalse(h.evse[1].powerAllowed);
    }

    @Test
    void tc032_2_transactionCutOffByPowerLossIsStoppedAfterBoot() {
        StationRuntime st = boot(1);
        st.changeConfiguration("MeterValueSampleInterval", "1");
        startCharging("TAG1");
        MeterValuesRequest mv = h.csms.next(MeterValuesRequest.class);
        int lastWh = (int) Double.parseDouble(mv.meterValue().get(0).sampledValue().get(0).value());
        Harness.await("id known", () -> st.connector(1).transactionId() != null);
        h.evse[1].autoCharge = false;
        h.evse[1].pilot = io.chargegate.hardware.api.PilotState.A;
        h.csms.received.clear();
        StationRuntime st2 = h.powerCycle();
        assertInstanceOf(BootNotificationRequest.class, h.csms.next());
        List<Integer> statuses = new ArrayList<>();
        Request<?> r;
        while ((r = h.csms.next()) instanceof StatusNotificationRequest sn) {
            statuses.add(sn.connectorId());
        }
        assertEquals(List.of(0, 1), statuses);
        while (r instanceof MeterValuesRequest) {
            r = h.csms.next(); // sampled values queued before the power loss go first, in order
        }
        StopTransactionRequest stop = assertInstanceOf(StopTransactionRequest.class, r);
        assertEquals(Reason.POWER_LOSS, stop.reason());
        assertEquals(100, stop.transactionId());
        assertTrue(stop.meterStop() >= lastWh, "meterStop " + stop.meterStop() + " < last sample " + lastWh);
        assertFalse(st2.connector(1).hasTransaction());
    }

    @Test
    void tc041_faultAndRecovery() {
        StationRuntime st = boot(1);
        h.evse[1].fault(new HardwareFault(ChargePointErrorCode.GROUND_FAILURE, "GF-17", null, true));
        StatusNotificationRequest f = h.csms.nextStatus(1, ChargePointStatus.FAULTED);
        assertEquals(ChargePointErrorCode.GROUND_FAILURE, f.errorCode());
        assertEquals("GF-17", f.vendorErrorCode());
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null));
        h.evse[1].fault(HardwareFault.NONE);
        StatusNotificationRequest ok = h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(ChargePointErrorCode.NO_ERROR, ok.errorCode());
    }

    @Test
    void tc024_lockFailureFaultsWithoutTransaction() {
        boot(1);
        h.lock[1].lockOk = false;
        h.evse[1].plugIn();
        h.reader.present("TAG1", 0);
        StatusNotificationRequest f = h.csms.nextStatus(1, ChargePointStatus.FAULTED);
        assertEquals(ChargePointErrorCode.CONNECTOR_LOCK_FAILURE, f.errorCode());
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 200);
    }

    @Test
    void tc018_1_unlockDuringTransactionStopsWithUnlockCommand() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        assertEquals(UnlockStatus.UNLOCKED, st.unlock(1));
        assertEquals(Reason.UNLOCK_COMMAND, h.csms.next(StopTransactionRequest.class).reason());
        assertEquals(UnlockStatus.NOT_SUPPORTED, st.unlock(9)); // TC_031
        h.lock[1].unlockResult = io.chargegate.hardware.api.UnlockResult.UNLOCK_FAILED;
        assertEquals(UnlockStatus.UNLOCK_FAILED, st.unlock(1)); // TC_030
    }

    @Test
    void tc016_softResetStopsTransactionAndBootsAgain() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        Harness.await("id known", () -> st.connector(1).transactionId() != null);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.SOFT));
        assertEquals(Reason.SOFT_RESET, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
    }

    @Test
    void profileKeysSurviveASoftReset() {
        StationRuntime st = boot(1);
        h.profiles.add(RuntimeTestBase.localListProfile(), Map.of());
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("LocalAuthListEnabled", "false"));
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.SOFT));
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        assertEquals(List.of(), st.configuration(List.of("LocalAuthListEnabled", "LocalAuthListMaxLength")).unknown());
        assertEquals("false", RuntimeTestBase.value(st, "LocalAuthListEnabled"));
        assertEquals("100", RuntimeTestBase.value(st, "LocalAuthListMaxLength"));
    }

    @Test
    void tc013_hardResetCallsTheSystemDriverAndBootsAgain() {
        StationRuntime st = boot(1);
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        h.csms.next(BootNotificationRequest.class);
        assertEquals(List.of(io.chargegate.hardware.api.ResetKind.HARD), h.system.resets);
    }

    @Test
    void handlersComeAndGoWithoutDroppingTheConnection() {
        StationRuntime st = boot(1);
        OcppException none = assertInstanceOf(OcppException.class, h.csms.callError(new ResetRequest(ResetType.SOFT)));
        assertEquals(ErrorCode.NotSupported, none.code());
        ActionHandler<ResetRequest, ResetResponse> low = handler(Action.RESET, (Station s, ResetRequest r) ->
                new ResetResponse(ResetStatus.REJECTED));
        ActionHandler<ResetRequest, ResetResponse> high = handler(Action.RESET, (Station s, ResetRequest r) ->
                new ResetResponse(ResetStatus.ACCEPTED));
        h.handlers.add(low, Map.of("service.ranking", 1, "service.id", 1L));
        h.handlers.add(high, Map.of("service.ranking", 5, "service.id", 2L));
        // answered by the higher-ranked one; do not actually reset: the handler answers only
        assertEquals(ResetStatus.ACCEPTED, h.csms.call(new ResetRequest(ResetType.SOFT)).status());
        h.handlers.remove(high);
        assertEquals(ResetStatus.REJECTED, h.csms.call(new ResetRequest(ResetType.SOFT)).status());
        h.handlers.remove(low);
        OcppException gone = assertInstanceOf(OcppException.class, h.csms.callError(new ResetRequest(ResetType.SOFT)));
        assertEquals(ErrorCode.NotSupported, gone.code());
        assertEquals(1, h.csms.opened.size(), "connection reopened");
        assertTrue(h.csms.connected());
        assertNotNull(st.summary());
    }

    @Test
    void throwingHandlerIsAnsweredWithInternalError() {
        boot(1);
        h.handlers.add(handler(Action.RESET, (Station s, ResetRequest r) -> {
            throw new IllegalStateException("boom");
        }), Map.of());
        OcppException e = assertInstanceOf(OcppException.class, h.csms.callError(new ResetRequest(ResetType.SOFT)));
        assertEquals(ErrorCode.InternalError, e.code());
    }

    @Test
    void authorizationKeyChangeReconnectsWithTheNewKeyWithoutBootingAgain() {
        h = new Harness(dir, 1);
        h.config.put("securityProfile", 1);
        h.config.put("authorizationKey", "0123456789abcdef");
        StationRuntime st = h.start();
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals("0123456789abcdef", h.csms.opened.get(0).authorizationKey());
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("AuthorizationKey", "fedcba9876543210"));
        Harness.await("reconnect", () -> h.csms.opened.size() == 2 && h.csms.connected());
        assertEquals("fedcba9876543210", h.csms.opened.get(1).authorizationKey());
        assertTrue(st.configuration(List.of("AuthorizationKey")).known().stream().allMatch(k -> k.value() == null));
        h.csms.assertNothing(r -> r instanceof BootNotificationRequest, 300);
    }

    @Test
    void driverGoneMakesConnectorUnavailableAndBackAvailable() {
        boot(1);
        h.evses.remove(h.evse[1]);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        h.evses.add(h.evse[1], Harness.driverProps(1));
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    @Test
    void transactionSurvivesDriverUpdateWithinGrace() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        Fakes.FakeEvse replacement = new Fakes.FakeEvse(false);
        replacement.pilot = io.chargegate.hardware.api.PilotState.C;
        h.evses.remove(h.evse[1]);
        h.evses.add(replacement, Harness.driverProps(1));
        assertTrue(replacement.powerAllowed, "power re-allowed on the new driver");
        assertTrue(st.connector(1).hasTransaction());
        h.csms.assertNothing(r -> r instanceof StopTransactionRequest, 300);
    }

    @Test
    void hs1_driverGoneDuringTransactionReportsUnavailableKeepsTheTransactionAndRecovers() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        h.evses.remove(h.evse[1]);
        h.meters.remove(h.meter[1]);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        assertTrue(st.connector(1).hasTransaction(), "kept open within the grace period");
        Fakes.FakeEvse replacement = new Fakes.FakeEvse(false);
        replacement.pilot = io.chargegate.hardware.api.PilotState.C;
        h.evses.add(replacement, Harness.driverProps(1));
        h.meters.add(h.meter[1], Harness.driverProps(1));
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        assertEquals(0, h.csms.log.stream().filter(r -> r instanceof StopTransactionRequest).count());
    }

    @Test
    void transactionMessageRetriedPerAttemptsThenDroppedAndNoMadeUpIdGoesOut() {
        StationRuntime st = boot(1);
        st.changeConfiguration("TransactionMessageAttempts", "2");
        st.changeConfiguration("TransactionMessageRetryInterval", "1");
        h.csms.startInfo = r -> {
            throw new OcppException(ErrorCode.InternalError, "csms broken");
        };
        h.evse[1].plugIn();
        h.reader.present("TAG1", 0);
        h.csms.next(StartTransactionRequest.class);
        h.reader.present("TAG1", 0); // stop while the start has no id yet
        h.csms.next(StartTransactionRequest.class); // the one retry
        Harness.await("queue dropped", () -> st.queueSummary().isEmpty());
        assertEquals(0, h.csms.log.stream().filter(r -> r instanceof StopTransactionRequest).count(),
                "a StopTransaction without a CSMS transaction id was sent");
        assertEquals(2, h.csms.log.stream().filter(r -> r instanceof StartTransactionRequest).count());
    }

    /**
     * A reset while a transaction message waits for its retry: after the new boot the queue is sent at once (the
     * cancelled retry no longer blocks the queue, which held every StatusNotification behind it too).
     */
    @Test
    void aResetDuringARetryWaitSendsTheQueueAfterTheNewBoot() {
        StationRuntime st = boot(1);
        st.changeConfiguration("TransactionMessageAttempts", "5");
        st.changeConfiguration("TransactionMessageRetryInterval", "600"); // the retry would come in 10 minutes
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        h.csms.startInfo = r -> {
            if (broken.getAndSet(false)) { // the first StartTransaction fails, later ones are accepted
                throw new OcppException(ErrorCode.InternalError, "csms broken");
            }
            return new IdTagInfo(AuthorizationStatus.ACCEPTED);
        };
        h.evse[1].plugIn();
        h.reader.present("TAG1", 0);
        h.csms.next(StartTransactionRequest.class); // failed: retry scheduled
        Harness.await("the retry is scheduled", st::queueRetryPending);

        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.SOFT));
        h.csms.next(BootNotificationRequest.class);
        // the StartTransaction goes out again right after the boot, then the queued stop
        h.csms.next(StartTransactionRequest.class);
        assertEquals(Reason.SOFT_RESET, h.csms.next(StopTransactionRequest.class).reason());
        Harness.await("queue empty", () -> st.queueSummary().isEmpty());
    }

    @Test
    void minimumStatusDurationSuppressesFlapping() {
        StationRuntime st = boot(1);
        st.changeConfiguration("MinimumStatusDuration", "1");
        h.evse[1].plugIn();
        h.evse[1].unplug();
        h.evse[1].plugIn();
        StatusNotificationRequest sn = h.csms.next(StatusNotificationRequest.class);
        assertEquals(ChargePointStatus.PREPARING, sn.status());
        h.evse[1].unplug();
        h.evse[1].plugIn();
        h.csms.assertNothing(r -> r instanceof StatusNotificationRequest, 1500);
    }

    private static String value(Station st, String key) {
        return st.configuration(List.of(key)).known().get(0).value();
    }
}
