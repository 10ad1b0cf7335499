package io.chargegate.ocpp.model;

import io.chargegate.ocpp.model.messages.*;
import io.chargegate.ocpp.model.security.*;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every OCPP 1.6 action and every action of the OCPP 1.6 security extension: wire name, direction,
 * feature profile, and the request and response payload types.
 */
public enum Action {
    AUTHORIZE("Authorize", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            AuthorizeRequest.class, AuthorizeResponse.class),
    BOOT_NOTIFICATION("BootNotification", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            BootNotificationRequest.class, BootNotificationResponse.class),
    CANCEL_RESERVATION("CancelReservation", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.RESERVATION,
            CancelReservationRequest.class, CancelReservationResponse.class),
    CERTIFICATE_SIGNED("CertificateSigned", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            CertificateSignedRequest.class, CertificateSignedResponse.class),
    CHANGE_AVAILABILITY("ChangeAvailability", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            ChangeAvailabilityRequest.class, ChangeAvailabilityResponse.class),
    CHANGE_CONFIGURATION("ChangeConfiguration", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            ChangeConfigurationRequest.class, ChangeConfigurationResponse.class),
    CLEAR_CACHE("ClearCache", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            ClearCacheRequest.class, ClearCacheResponse.class),
    CLEAR_CHARGING_PROFILE("ClearChargingProfile", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SMART_CHARGING,
            ClearChargingProfileRequest.class, ClearChargingProfileResponse.class),
    DATA_TRANSFER("DataTransfer", Direction.BOTH, FeatureProfile.CORE,
            DataTransferRequest.class, DataTransferResponse.class),
    DELETE_CERTIFICATE("DeleteCertificate", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            DeleteCertificateRequest.class, DeleteCertificateResponse.class),
    DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification", Direction.CHARGE_POINT_TO_CSMS,
            FeatureProfile.FIRMWARE_MANAGEMENT,
            DiagnosticsStatusNotificationRequest.class, DiagnosticsStatusNotificationResponse.class),
    EXTENDED_TRIGGER_MESSAGE("ExtendedTriggerMessage", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            ExtendedTriggerMessageRequest.class, ExtendedTriggerMessageResponse.class),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification", Direction.CHARGE_POINT_TO_CSMS,
            FeatureProfile.FIRMWARE_MANAGEMENT,
            FirmwareStatusNotificationRequest.class, FirmwareStatusNotificationResponse.class),
    GET_COMPOSITE_SCHEDULE("GetCompositeSchedule", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SMART_CHARGING,
            GetCompositeScheduleRequest.class, GetCompositeScheduleResponse.class),
    GET_CONFIGURATION("GetConfiguration", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            GetConfigurationRequest.class, GetConfigurationResponse.class),
    GET_DIAGNOSTICS("GetDiagnostics", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.FIRMWARE_MANAGEMENT,
            GetDiagnosticsRequest.class, GetDiagnosticsResponse.class),
    GET_INSTALLED_CERTIFICATE_IDS("GetInstalledCertificateIds", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            GetInstalledCertificateIdsRequest.class, GetInstalledCertificateIdsResponse.class),
    GET_LOCAL_LIST_VERSION("GetLocalListVersion", Direction.CSMS_TO_CHARGE_POINT,
            FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT,
            GetLocalListVersionRequest.class, GetLocalListVersionResponse.class),
    GET_LOG("GetLog", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            GetLogRequest.class, GetLogResponse.class),
    HEARTBEAT("Heartbeat", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            HeartbeatRequest.class, HeartbeatResponse.class),
    INSTALL_CERTIFICATE("InstallCertificate", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            InstallCertificateRequest.class, InstallCertificateResponse.class),
    LOG_STATUS_NOTIFICATION("LogStatusNotification", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.SECURITY,
            LogStatusNotificationRequest.class, LogStatusNotificationResponse.class),
    METER_VALUES("MeterValues", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            MeterValuesRequest.class, MeterValuesResponse.class),
    REMOTE_START_TRANSACTION("RemoteStartTransaction", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            RemoteStartTransactionRequest.class, RemoteStartTransactionResponse.class),
    REMOTE_STOP_TRANSACTION("RemoteStopTransaction", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            RemoteStopTransactionRequest.class, RemoteStopTransactionResponse.class),
    RESERVE_NOW("ReserveNow", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.RESERVATION,
            ReserveNowRequest.class, ReserveNowResponse.class),
    RESET("Reset", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            ResetRequest.class, ResetResponse.class),
    SECURITY_EVENT_NOTIFICATION("SecurityEventNotification", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.SECURITY,
            SecurityEventNotificationRequest.class, SecurityEventNotificationResponse.class),
    SEND_LOCAL_LIST("SendLocalList", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT,
            SendLocalListRequest.class, SendLocalListResponse.class),
    SET_CHARGING_PROFILE("SetChargingProfile", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SMART_CHARGING,
            SetChargingProfileRequest.class, SetChargingProfileResponse.class),
    SIGN_CERTIFICATE("SignCertificate", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.SECURITY,
            SignCertificateRequest.class, SignCertificateResponse.class),
    SIGNED_FIRMWARE_STATUS_NOTIFICATION("SignedFirmwareStatusNotification", Direction.CHARGE_POINT_TO_CSMS,
            FeatureProfile.SECURITY,
            SignedFirmwareStatusNotificationRequest.class, SignedFirmwareStatusNotificationResponse.class),
    SIGNED_UPDATE_FIRMWARE("SignedUpdateFirmware", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.SECURITY,
            SignedUpdateFirmwareRequest.class, SignedUpdateFirmwareResponse.class),
    START_TRANSACTION("StartTransaction", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            StartTransactionRequest.class, StartTransactionResponse.class),
    STATUS_NOTIFICATION("StatusNotification", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            StatusNotificationRequest.class, StatusNotificationResponse.class),
    STOP_TRANSACTION("StopTransaction", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE,
            StopTransactionRequest.class, StopTransactionResponse.class),
    TRIGGER_MESSAGE("TriggerMessage", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.REMOTE_TRIGGER,
            TriggerMessageRequest.class, TriggerMessageResponse.class),
    UNLOCK_CONNECTOR("UnlockConnector", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.CORE,
            UnlockConnectorRequest.class, UnlockConnectorResponse.class),
    UPDATE_FIRMWARE("UpdateFirmware", Direction.CSMS_TO_CHARGE_POINT, FeatureProfile.FIRMWARE_MANAGEMENT,
            UpdateFirmwareRequest.class, UpdateFirmwareResponse.class);

    private static final Map<String, Action> BY_WIRE_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Action::wireName, Function.identity()));

    private final String wireName;
    private final Direction direction;
    private final FeatureProfile profile;
    private final Class<? extends Request<?>> requestType;
    private final Class<? extends Response> responseType;

    Action(String wireName, Direction direction, FeatureProfile profile,
           Class<? extends Request<?>> requestType, Class<? extends Response> responseType) {
        this.wireName = wireName;
        this.direction = direction;
        this.profile = profile;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    /** The action name as written in a CALL frame, for example {@code "BootNotification"}. */
    public String wireName() {
        return wireName;
    }

    /** Who sends the CALL. */
    public Direction direction() {
        return direction;
    }

    /** The feature profile the action belongs to. */
    public FeatureProfile profile() {
        return profile;
    }

    /** The CALL payload type. */
    public Class<? extends Request<?>> requestType() {
        return requestType;
    }

    /** The CALLRESULT payload type. */
    public Class<? extends Response> responseType() {
        return responseType;
    }

    /** The action with this wire name, if it is an OCPP 1.6 (or security extension) action. */
    public static Optional<Action> forWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
