package io.chargegate.station.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.Phase;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnitOfMeasure;
import io.chargegate.station.api.ChargingLimits;
import io.chargegate.station.api.StationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sampled and clock-aligned meter values, stop transaction data, meter failures and charging limits. */
class MeteringTest extends RuntimeTestBase {

    private static ReadingContext context(MeterValuesRequest m) {
        return m.meterValue().get(0).sampledValue().get(0).context();
    }

    private static double energy(MeterValue v) {
        return v.sampledValue().stream().filter(s -> s.measurand() == Measurand.ENERGY_ACTIVE_IMPORT_REGISTER)
                .mapToDouble(s -> Double.parseDouble(s.value())).findFirst().orElseThrow();
    }

    @Test
    void tc070_sampledMeterValuesCarryTheConfiguredMeasurandsTransactionIdAndSamplePeriodic() {
        StationRuntime st = boot(1);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("MeterValuesSampledData",
                "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,Frequency,SoC"));
        st.changeConfiguration("MeterValueSampleInterval", "1");
        StartTransactionRequest start = startCharging("TAG1");
        MeterValuesRequest mv = h.csms.next(MeterValuesRequest.class);
        assertEquals(1, mv.connectorId());
        assertEquals(100, mv.transactionId());
        assertEquals(1, mv.meterValue().size());
        List<SampledValue> sv = mv.meterValue().get(0).sampledValue();
        assertTrue(sv.stream().allMatch(s -> s.context() == ReadingContext.SAMPLE_PERIODIC), sv.toString());
        // SoC is configured but the meter does not supply it: left out, not made up
        assertEquals(List.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, Measurand.POWER_ACTIVE_IMPORT,
                Measurand.CURRENT_IMPORT, Measurand.CURRENT_IMPORT, Measurand.CURRENT_IMPORT,
                Measurand.VOLTAGE, Measurand.VOLTAGE, Measurand.VOLTAGE, Measurand.FREQUENCY),
                sv.stream().map(SampledValue::measurand).toList());
        assertEquals(UnitOfMeasure.WH, sv.get(0).unit());
        assertTrue(Double.parseDouble(sv.get(0).value()) > start.meterStart(), "register grows");
        assertEquals(UnitOfMeasure.W, sv.get(1).unit());
        assertEquals("7400", sv.get(1).value());
        assertEquals(List.of(Phase.L1, Phase.L2, Phase.L3), sv.subList(2, 5).stream().map(SampledValue::phase).toList());
        assertTrue(sv.subList(2, 5).stream().allMatch(s -> s.unit() == UnitOfMeasure.A));
        assertEquals(List.of(Phase.L1_N, Phase.L2_N, Phase.L3_N), sv.subList(5, 8).stream().map(SampledValue::phase).toList());
        assertEquals(List.of("230", "231", "229"), sv.subList(5, 8).stream().map(SampledValue::value).toList());
        // the next sample follows with a later reading
        MeterValuesRequest mv2 = h.csms.next(MeterValuesRequest.class);
        assertTrue(energy(mv2.meterValue().get(0)) > energy(mv.meterValue().get(0)));
        assertTrue(mv2.meterValue().get(0).timestamp().isAfter(mv.meterValue().get(0).timestamp()));
    }

    @Test
    void tc071_clockAlignedMeterValuesAreStampedOnTheBoundaryWithSampleClock() {
        StationRuntime st = boot(1);
        st.changeConfiguration("MeterValuesAlignedData", "Energy.Active.Import.Register,Voltage");
        st.changeConfiguration("ClockAlignedDataInterval", "2");
        // without a transaction: no transactionId, values of the connector's meter
        MeterValuesRequest mv = h.csms.next(MeterValuesRequest.class);
        assertEquals(1, mv.connectorId());
        assertNull(mv.transactionId());
        MeterValue v = mv.meterValue().get(0);
        assertTrue(v.sampledValue().stream().allMatch(s -> s.context() == ReadingContext.SAMPLE_CLOCK), v.toString());
        assertEquals(List.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, Measurand.VOLTAGE, Measurand.VOLTAGE, Measurand.VOLTAGE),
                v.sampledValue().stream().map(SampledValue::measurand).toList());
        assertOnBoundary(v.timestamp(), 2);
        MeterValuesRequest next = h.csms.next(MeterValuesRequest.class);
        assertOnBoundary(next.meterValue().get(0).timestamp(), 2);
        assertTrue(next.meterValue().get(0).timestamp().isAfter(v.timestamp()), "a later boundary");
        // during a transaction: the transaction's id
        startCharging("TAG1");
        MeterValuesRequest tx = h.csms.next(MeterValuesRequest.class, m -> m.transactionId() != null);
        assertEquals(100, tx.transactionId());
        assertEquals(ReadingContext.SAMPLE_CLOCK, context(tx));
        assertOnBoundary(tx.meterValue().get(0).timestamp(), 2);
    }

    private static void assertOnBoundary(Instant t, int interval) {
        assertEquals(0, t.getNano(), "not on a boundary: " + t);
        assertEquals(0, t.getEpochSecond() % interval, "not on a " + interval + " s boundary: " + t);
    }

    @Test
    void alignedBoundariesStartAtMidnightAndAShortLastIntervalEndsAtMidnight() {
        Instant t = Instant.parse("2026-03-01T10:07:31.250Z");
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), MeterSampler.nextAlignedBoundary(t, 900));
        assertEquals(Instant.parse("2026-03-01T10:07:32Z"), MeterSampler.nextAlignedBoundary(t, 1));
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), MeterSampler.nextAlignedBoundary(Instant.parse("2026-03-01T10:00:00Z"), 900));
        // 7 h does not divide the day: 00, 07, 14, 21, then midnight again
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), MeterSampler.nextAlignedBoundary(Instant.parse("2026-03-01T22:00:00Z"), 7 * 3600));
    }

    @Test
    void tc070_stopTransactionDataHasBeginPeriodicClockAndEndInOrder() {
        StationRuntime st = boot(1);
        st.changeConfiguration("StopTxnSampledData", "Energy.Active.Import.Register");
        st.changeConfiguration("StopTxnAlignedData", "Energy.Active.Import.Register");
        st.changeConfiguration("MeterValueSampleInterval", "1");
        st.changeConfiguration("ClockAlignedDataInterval", "1");
        StartTransactionRequest start = startCharging("TAG1");
        h.csms.next(MeterValuesRequest.class, m -> m.transactionId() != null && context(m) == ReadingContext.SAMPLE_PERIODIC);
        h.csms.next(MeterValuesRequest.class, m -> m.transactionId() != null && context(m) == ReadingContext.SAMPLE_CLOCK);
        h.reader.present("TAG1", 0);
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        List<MeterValue> data = stop.transactionData();
        assertTrue(data != null && data.size() >= 4, "transactionData " + data);
        List<ReadingContext> contexts = data.stream().map(m -> m.sampledValue().get(0).context()).toList();
        assertEquals(ReadingContext.TRANSACTION_BEGIN, contexts.get(0));
        assertEquals(ReadingContext.TRANSACTION_END, contexts.get(contexts.size() - 1));
        assertTrue(contexts.contains(ReadingContext.SAMPLE_PERIODIC), contexts.toString());
        assertTrue(contexts.contains(ReadingContext.SAMPLE_CLOCK), contexts.toString());
        assertEquals(start.meterStart(), energy(data.get(0)));
        assertEquals(stop.meterStop(), energy(data.get(data.size() - 1)));
        for (int i = 1; i < data.size(); i++) {
            assertFalse(data.get(i).timestamp().isBefore(data.get(i - 1).timestamp()), "chronological: " + data);
            assertTrue(data.get(i).sampledValue().stream().allMatch(s -> s.measurand() == Measurand.ENERGY_ACTIVE_IMPORT_REGISTER));
        }
    }

    @Test
    void stopTxnDataIsLeftOutWhenNotConfigured() {
        boot(1);
        startCharging("TAG1");
        h.reader.present("TAG1", 0);
        assertNull(h.csms.next(StopTransactionRequest.class).transactionData());
    }

    @Test
    void meterFailureIsReportedAsPowerMeterFailureWithTheCurrentStatusAndTheLastReadingStands() {
        StationRuntime st = boot(1);
        StartTransactionRequest start = startCharging("TAG1");
        h.meter[1].broken = true;
        st.changeConfiguration("MeterValueSampleInterval", "1");
        StatusNotificationRequest failed = h.csms.next(StatusNotificationRequest.class,
                s -> s.errorCode() == ChargePointErrorCode.POWER_METER_FAILURE);
        assertEquals(ChargePointStatus.CHARGING, failed.status(), "status unchanged");
        assertEquals(1, failed.connectorId());
        assertEquals("modbus timeout", failed.info());
        assertEquals(ChargePointErrorCode.POWER_METER_FAILURE, st.connector(1).errorCode());
        assertTrue(st.connector(1).hasTransaction(), "the transaction goes on");
        MeterValuesRequest mv = h.csms.next(MeterValuesRequest.class);
        assertEquals(start.meterStart(), energy(mv.meterValue().get(0)), "the last good reading stands in");
        h.reader.present("TAG1", 0);
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals(start.meterStart(), stop.meterStop(), "meterStop from the last good reading");
        StatusNotificationRequest finishing = h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertEquals(ChargePointErrorCode.POWER_METER_FAILURE, finishing.errorCode());
        // the next good reading clears the error
        h.meter[1].broken = false;
        st.changeConfiguration("ClockAlignedDataInterval", "1");
        StatusNotificationRequest ok = h.csms.next(StatusNotificationRequest.class,
                s -> s.connectorId() == 1 && s.errorCode() == ChargePointErrorCode.NO_ERROR);
        assertEquals(ChargePointStatus.FINISHING, ok.status());
        assertEquals(ChargePointErrorCode.NO_ERROR, st.connector(1).errorCode());
    }

    @Test
    void withoutAConfiguredDefaultTheHardwareMaximumIsApplied() {
        StationRuntime st = boot(1);
        assertEquals(ChargingLimit.amperes(32), h.evse[1].lastLimit());
        assertEquals(new ChargingLimits.Limit(32, ChargingRateUnitType.A, null), st.chargingLimits().limit(1));
    }

    @Test
    void configuredDefaultAndApiLimitsReachTheDriverAlsoAfterADriverSwap() {
        h = new Harness(dir, 2);
        h.config.put("defaultLimitAmperes", "16");
        StationRuntime st = bootPrepared(2);
        assertEquals(ChargingLimit.amperes(16), h.evse[1].lastLimit());
        assertEquals(ChargingLimit.amperes(16), h.evse[2].lastLimit());
        ChargingLimits limits = st.chargingLimits();
        limits.setLimit(1, new ChargingLimits.Limit(7400, ChargingRateUnitType.W, 3));
        assertEquals(new ChargingLimit(7400, ChargingLimit.Unit.WATT, 3), h.evse[1].lastLimit());
        assertEquals(ChargingLimit.amperes(16), h.evse[2].lastLimit(), "other connector untouched");
        Fakes.FakeEvse replacement = new Fakes.FakeEvse(false);
        h.evses.remove(h.evse[1]);
        h.evses.add(replacement, Harness.driverProps(1));
        assertEquals(new ChargingLimit(7400, ChargingLimit.Unit.WATT, 3), replacement.lastLimit(), "re-applied on attach");
        limits.setLimit(1, null);
        assertEquals(ChargingLimit.amperes(16), replacement.lastLimit(), "back to the default");
        assertThrows(IllegalArgumentException.class, () -> limits.setLimit(3, new ChargingLimits.Limit(6, ChargingRateUnitType.A, null)));
        assertThrows(IllegalArgumentException.class, () -> new ChargingLimits.Limit(-1, ChargingRateUnitType.A, null));
    }

    @Test
    void aDefaultAboveTheHardwareMaximumIsCapped() {
        h = new Harness(dir, 1);
        h.config.put("defaultLimitAmperes", "63");
        bootPrepared(1);
        assertEquals(ChargingLimit.amperes(32), h.evse[1].lastLimit());
    }

    @Test
    void statusSnapshotShowsConnectionQueueConnectorsAndTransactions() {
        StationRuntime st = boot(2);
        StationStatus idle = st.status();
        assertEquals(Harness.ID, idle.chargePointId());
        assertTrue(idle.connected());
        assertEquals(io.chargegate.ocpp.model.types.RegistrationStatus.ACCEPTED, idle.registration());
        assertEquals(3, idle.connectors().size());
        assertTrue(idle.transactions().isEmpty());
        startCharging("TAG1");
        Harness.await("transaction id", () -> st.connector(1).transactionId() != null);
        h.csms.goOffline();
        Harness.await("offline", () -> !st.status().connected());
        h.reader.present("TAG1", 0);
        Harness.await("stop queued", () -> st.status().queueDepth() == 1);
        StationStatus s = st.status();
        assertFalse(s.connected());
        assertTrue(s.transactions().isEmpty());
        h.csms.goOnline();
        Harness.await("queue drained", () -> st.status().queueDepth() == 0);
        h.evse[2].plugIn();
        h.reader.present("TAG2", 2);
        Harness.await("second transaction", () -> st.status().transactions().size() == 1);
        StationStatus.Transaction t = st.status().transactions().get(0);
        assertEquals(2, t.connectorId());
        assertEquals("TAG2", t.idTag());
        assertEquals(2000, t.meterStartWh());
        assertEquals(ChargePointStatus.CHARGING, st.status().connectors().get(2).status());
    }
}
