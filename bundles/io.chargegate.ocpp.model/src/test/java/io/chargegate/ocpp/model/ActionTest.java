package io.chargegate.ocpp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void hasOneConstantPerAction() {
        assertEquals(39, Action.values().length);
        assertEquals(28, Stream.of(Action.values()).filter(a -> a.profile() != FeatureProfile.SECURITY).count());
        assertEquals(11, Stream.of(Action.values()).filter(a -> a.profile() == FeatureProfile.SECURITY).count());
    }

    @Test
    void wireNamesAreUniqueAndMatchConstantAndTypeNames() {
        Set<String> seen = new HashSet<>();
        for (Action action : Action.values()) {
            assertTrue(seen.add(action.wireName()), "duplicate wire name " + action.wireName());
            assertEquals(action.name(), action.wireName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
            assertEquals(action.wireName() + "Request", action.requestType().getSimpleName());
            assertEquals(action.wireName() + "Response", action.responseType().getSimpleName());
        }
    }

    @Test
    void forWireNameFindsEveryActionAndNothingElse() {
        for (Action action : Action.values()) {
            assertEquals(Optional.of(action), Action.forWireName(action.wireName()));
        }
        assertEquals(Optional.empty(), Action.forWireName("bootNotification"));
        assertEquals(Optional.empty(), Action.forWireName("GetVariables"));
        assertEquals(Optional.empty(), Action.forWireName(""));
    }

    @Test
    void everyRequestNamesItsOwnActionAndResponseType() throws ReflectiveOperationException {
        for (Action action : Action.values()) {
            Request<?> request = (Request<?>) ModelTypes.instantiate(action.requestType());
            assertSame(action, request.action(), action.requestType().getName());
            Type requestInterface = Stream.of(action.requestType().getGenericInterfaces())
                    .filter(t -> t instanceof ParameterizedType p && p.getRawType() == Request.class)
                    .findFirst().orElseThrow();
            assertEquals(action.responseType(), ((ParameterizedType) requestInterface).getActualTypeArguments()[0]);
        }
    }

    @Test
    void directionsFollowTheSpecification() {
        Set<Action> fromChargePoint = EnumSet.of(Action.AUTHORIZE, Action.BOOT_NOTIFICATION,
                Action.DIAGNOSTICS_STATUS_NOTIFICATION, Action.FIRMWARE_STATUS_NOTIFICATION, Action.HEARTBEAT,
                Action.METER_VALUES, Action.START_TRANSACTION, Action.STATUS_NOTIFICATION, Action.STOP_TRANSACTION,
                Action.SIGN_CERTIFICATE, Action.SECURITY_EVENT_NOTIFICATION, Action.LOG_STATUS_NOTIFICATION,
                Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION);
        for (Action action : Action.values()) {
            Direction expected = action == Action.DATA_TRANSFER ? Direction.BOTH
                    : fromChargePoint.contains(action) ? Direction.CHARGE_POINT_TO_CSMS : Direction.CSMS_TO_CHARGE_POINT;
            assertEquals(expected, action.direction(), action.wireName());
        }
    }

    @Test
    void profilesFollowTheSpecification() {
        assertEquals(Set.of("Authorize", "BootNotification", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
                "DataTransfer", "GetConfiguration", "Heartbeat", "MeterValues", "RemoteStartTransaction",
                "RemoteStopTransaction", "Reset", "StartTransaction", "StatusNotification", "StopTransaction",
                "UnlockConnector"), wireNames(FeatureProfile.CORE));
        assertEquals(Set.of("GetDiagnostics", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
                "UpdateFirmware"), wireNames(FeatureProfile.FIRMWARE_MANAGEMENT));
        assertEquals(Set.of("GetLocalListVersion", "SendLocalList"), wireNames(FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT));
        assertEquals(Set.of("CancelReservation", "ReserveNow"), wireNames(FeatureProfile.RESERVATION));
        assertEquals(Set.of("ClearChargingProfile", "GetCompositeSchedule", "SetChargingProfile"),
                wireNames(FeatureProfile.SMART_CHARGING));
        assertEquals(Set.of("TriggerMessage"), wireNames(FeatureProfile.REMOTE_TRIGGER));
        assertEquals(Set.of("CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage",
                "GetInstalledCertificateIds", "GetLog", "InstallCertificate", "LogStatusNotification",
                "SecurityEventNotification", "SignCertificate", "SignedFirmwareStatusNotification",
                "SignedUpdateFirmware"), wireNames(FeatureProfile.SECURITY));
    }

    @Test
    void securityPayloadsLiveInTheSecurityPackage() {
        for (Action action : Action.values()) {
            String expected = action.profile() == FeatureProfile.SECURITY
                    ? "io.chargegate.ocpp.model.security" : "io.chargegate.ocpp.model.messages";
            assertEquals(expected, action.requestType().getPackageName());
            assertEquals(expected, action.responseType().getPackageName());
        }
    }

    private static Set<String> wireNames(FeatureProfile profile) {
        return Stream.of(Action.values()).filter(a -> a.profile() == profile).map(Action::wireName)
                .collect(Collectors.toSet());
    }
}
