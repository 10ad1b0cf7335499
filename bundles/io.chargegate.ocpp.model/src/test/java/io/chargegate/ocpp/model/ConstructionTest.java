package io.chargegate.ocpp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.security.GetLogRequest;
import io.chargegate.ocpp.model.security.LogParameters;
import io.chargegate.ocpp.model.security.LogType;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnitOfMeasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConstructionTest {
    private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void bootNotificationWithRequiredPropertiesAndWithers() {
        BootNotificationRequest boot = new BootNotificationRequest("Vendor", "Model")
                .withFirmwareVersion("1.2.3").withChargePointSerialNumber("SN1");
        assertEquals(new BootNotificationRequest("Vendor", "Model", "SN1", null, "1.2.3", null, null, null, null), boot);
        assertEquals(Action.BOOT_NOTIFICATION, boot.action());
    }

    @Test
    void idTagInfoAndNestedChargingProfile() {
        IdTagInfo info = new IdTagInfo(AuthorizationStatus.ACCEPTED).withExpiryDate(T).withParentIdTag("GROUP");
        assertEquals(new IdTagInfo(T, "GROUP", AuthorizationStatus.ACCEPTED), info);

        ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, 16.0), new ChargingSchedulePeriod(3600, 10.0).withNumberPhases(1)))
                .withDuration(7200);
        ChargingProfile profile = new ChargingProfile(1, 0, ChargingProfilePurposeType.TX_PROFILE,
                ChargingProfileKindType.RELATIVE, schedule);
        RemoteStartTransactionRequest start = new RemoteStartTransactionRequest("TAG").withConnectorId(2)
                .withChargingProfile(profile);
        assertEquals(2, start.connectorId());
        assertEquals(7200, start.chargingProfile().chargingSchedule().duration());
        assertEquals(1, start.chargingProfile().chargingSchedule().chargingSchedulePeriod().get(1).numberPhases());
        assertNull(start.chargingProfile().transactionId());
    }

    @Test
    void meterValuesCopiesItsLists() {
        List<SampledValue> samples = new ArrayList<>(List.of(new SampledValue("12.5").withUnit(UnitOfMeasure.KWH)));
        List<MeterValue> values = new ArrayList<>(List.of(new MeterValue(T, samples)));
        MeterValuesRequest request = new MeterValuesRequest(1, values).withTransactionId(42);
        samples.clear();
        values.clear();
        assertEquals(1, request.meterValue().size());
        assertEquals(1, request.meterValue().get(0).sampledValue().size());
        assertEquals(UnitOfMeasure.KWH, request.meterValue().get(0).sampledValue().get(0).unit());
        assertEquals(42, request.transactionId());
        assertThrows(UnsupportedOperationException.class, () -> request.meterValue().clear());
        assertThrows(UnsupportedOperationException.class, () -> request.meterValue().get(0).sampledValue().clear());
    }

    @Test
    void emptyOptionalListsAndNoArgumentConstructors() {
        assertNull(new GetConfigurationRequest().key());
        assertEquals(List.of("HeartbeatInterval"), new GetConfigurationRequest().withKey(List.of("HeartbeatInterval")).key());
        StopTransactionRequest stop = new StopTransactionRequest(100, T, 5);
        assertNull(stop.transactionData());
        assertEquals(new StopTransactionRequest(null, 100, T, 5, null, null), stop);
    }

    @Test
    void securityRequest() {
        GetLogRequest log = new GetLogRequest(new LogParameters("https://example.com/upload").withOldestTimestamp(T),
                LogType.SECURITY_LOG, 9).withRetries(3);
        assertEquals(3, log.retries());
        assertEquals(T, log.log().oldestTimestamp());
        assertEquals(Action.GET_LOG, log.action());
    }

    @Test
    void contextDependentRulesAreDeclaredOnTheRoots() {
        PathConstraint[] meter = MeterValuesRequest.class.getAnnotationsByType(PathConstraint.class);
        assertEquals(1, meter.length);
        assertEquals("meterValue.sampledValue", meter[0].path());
        assertEquals(1, meter[0].minItems());
        assertArrayEquals(new String[0], meter[0].excludedValues());
        PathConstraint[] stop = StopTransactionRequest.class.getAnnotationsByType(PathConstraint.class);
        assertEquals(1, stop.length);
        assertEquals("transactionData.sampledValue.unit", stop[0].path());
        assertEquals(-1, stop[0].minItems());
        assertArrayEquals(new String[] {"Hertz"}, stop[0].excludedValues());
    }
}
