package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityRequest;
import io.chargegate.ocpp.model.messages.DataTransferRequest;
import io.chargegate.ocpp.model.messages.DataTransferResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.messages.UnlockConnectorRequest;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.DataTransferStatus;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnlockStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import java.time.Instant;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Core profile cases around resets, connectors, availability, faults, power loss and metering, on the real bundles
 * with the simulator and the demo CSMS: TC_013, TC_014 (reset without transaction), TC_017_1, TC_017_2, TC_018_1,
 * TC_018_2 (UnlockConnector), TC_024 (lock failure), TC_032_2 (power loss without backup), TC_034 (Inoperative over
 * a power cycle), TC_041 (fault and recovery), TC_062 (DataTransfer, unknown vendor), TC_070 (sampled meter values)
 * and TC_071 (clock-aligned meter values). A power cycle stops and starts the station and simulator bundles
 * ({@link StationSupport#powerCycle}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreConnectorsIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        startCsms(perTestId("CP-CC"));
    }

    /** TC_013: Reset Hard without a transaction: Accepted, the station reboots: BootNotification, then statuses. */
    @Test
    public void tc013_hardResetWithoutTransaction() throws Exception {
        resetWithoutTransaction(ResetType.HARD);
    }

    /** TC_014: Reset Soft without a transaction: Accepted, the station reboots: BootNotification, then statuses. */
    @Test
    public void tc014_softResetWithoutTransaction() throws Exception {
        resetWithoutTransaction(ResetType.SOFT);
    }

    private void resetWithoutTransaction(ResetType type) throws Exception {
        ChargePointConnection cp = startStation(false);
        int m = mark(cp);
        assertEquals(ResetStatus.ACCEPTED, call(cp, new ResetRequest(type)).status());
        ReceivedMessage boot = awaitAfter(cp, m, Action.BOOT_NOTIFICATION);
        int afterBoot = indexOf(cp, boot) + 1;
        awaitStatus(cp, afterBoot, 0, ChargePointStatus.AVAILABLE);
        awaitStatus(cp, afterBoot, 1, ChargePointStatus.AVAILABLE);
        assertEquals("one boot per power-up: the first and the one after the reset", 2,
                all(cp, Action.BOOT_NOTIFICATION).size());
        assertEquals("the reboot opened a new connection", 2, cp.connectCount());
        assertTrue("no transaction messages:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.START_TRANSACTION).isEmpty() && all(cp, Action.STOP_TRANSACTION).isEmpty());
    }

    /** TC_017_1: UnlockConnector without a session on a connector with a lockable socket: Unlocked. */
    @Test
    public void tc017_1_unlockWithoutSession() throws Exception {
        ChargePointConnection cp = startStation(false);
        int m = mark(cp);
        assertEquals(UnlockStatus.UNLOCKED, call(cp, new UnlockConnectorRequest(1)).status());
        assertTrue("the lock is open: " + simStatus(), simStatus().contains("lock=unlocked"));
        assertTrue("no transaction messages:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.START_TRANSACTION).isEmpty() && all(cp, Action.STOP_TRANSACTION).isEmpty());
        assertNoStatusOfConnector1After(cp, m);
    }

    /** TC_017_2: UnlockConnector without a session on a fixed (tethered) cable: NotSupported. */
    @Test
    public void tc017_2_unlockWithoutSessionFixedCable() throws Exception {
        ChargePointConnection cp = startStation(true);
        int m = mark(cp);
        assertEquals(UnlockStatus.NOT_SUPPORTED, call(cp, new UnlockConnectorRequest(1)).status());
        assertNoStatusOfConnector1After(cp, m);
    }

    /**
     * TC_018_1: UnlockConnector during a session: the transaction is stopped with reason UnlockCommand (its
     * transactionId), the answer is Unlocked, the cable is unlocked and the connector is Finishing (EV still there).
     */
    @Test
    public void tc018_1_unlockDuringSession() throws Exception {
        ChargePointConnection cp = startStation(false);
        int transactionId = startSession(cp, "UNLOCK181");
        assertTrue("the cable is locked during the session: " + simStatus(), simStatus().contains("lock=locked"));
        int m = mark(cp);
        assertEquals(UnlockStatus.UNLOCKED, call(cp, new UnlockConnectorRequest(1)).status());
        StopTransactionRequest stop = awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class);
        assertEquals(transactionId, stop.transactionId());
        assertEquals(Reason.UNLOCK_COMMAND, stop.reason());
        awaitStatus(cp, m, 1, ChargePointStatus.FINISHING);
        assertTrue("the cable is unlocked: " + simStatus(), simStatus().contains("lock=unlocked"));
        assertTrue("the contactor is open: " + simStatus(), simStatus().contains("contactor=open"));
        assertEquals("exactly one StopTransaction", 1, all(cp, Action.STOP_TRANSACTION).size());
    }

    /** TC_018_2: UnlockConnector during a session on a fixed cable: NotSupported, the transaction goes on. */
    @Test
    public void tc018_2_unlockDuringSessionFixedCable() throws Exception {
        ChargePointConnection cp = startStation(true);
        startSession(cp, "UNLOCK182");
        int m = mark(cp);
        assertEquals(UnlockStatus.NOT_SUPPORTED, call(cp, new UnlockConnectorRequest(1)).status());
        assertTrue("no StopTransaction:\n" + Ocpp.describe(cp.received()), all(cp, Action.STOP_TRANSACTION).isEmpty());
        assertNoStatusOfConnector1After(cp, m);
        assertTrue("still charging: " + simStatus(), simStatus().contains("contactor=closed"));
    }

    /**
     * TC_024: idTag authorized, then the EV is plugged in and the cable lock fails: StatusNotification Faulted with
     * errorCode ConnectorLockFailure and no StartTransaction; unplugging clears it (Available, NoError).
     */
    @Test
    public void tc024_lockFailureAfterAuthorizationAndPlugIn() throws Exception {
        ChargePointConnection cp = startStation(false);
        support.sim("lockfail", 1, "true");
        int m = mark(cp);
        support.sim("tag", "LOCK24");
        awaitAfter(cp, m, Action.AUTHORIZE);
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);

        support.sim("plug", 1);
        StatusNotificationRequest faulted = awaitStatus(cp, m, 1, ChargePointStatus.FAULTED);
        assertEquals(ChargePointErrorCode.CONNECTOR_LOCK_FAILURE, faulted.errorCode());
        assertTrue("no StartTransaction:\n" + Ocpp.describe(cp.received()), all(cp, Action.START_TRANSACTION).isEmpty());
        assertTrue("no power without a locked cable: " + simStatus(), simStatus().contains("contactor=open"));

        support.sim("lockfail", 1, "false");
        int u = mark(cp);
        support.sim("unplug", 1);
        StatusNotificationRequest available = awaitStatus(cp, u, 1, ChargePointStatus.AVAILABLE);
        assertEquals(ChargePointErrorCode.NO_ERROR, available.errorCode());
        assertTrue("no StartTransaction:\n" + Ocpp.describe(cp.received()), all(cp, Action.START_TRANSACTION).isEmpty());
    }

    /**
     * TC_032_2: power loss without backup power during a transaction: nothing is sent before going down; after the
     * restart BootNotification, StatusNotifications of connector 0 and 1, then StopTransaction of the interrupted
     * transaction (its transactionId, reason PowerLoss, meterStop not below the last reported reading).
     */
    @Test
    public void tc032_2_powerLossWithoutBackupStopsTheTransactionAfterReboot() throws Exception {
        ChargePointConnection cp = startStation(false);
        Ocpp.configure(cp, "MeterValueSampleInterval", "1");
        int m = mark(cp);
        int transactionId = startSession(cp, "POWER322");
        StartTransactionRequest start = awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        awaitAfter(cp, m, meterValuesOf(transactionId));

        int beforeCut = mark(cp);
        List<MeterValuesRequest> reported = Ocpp.meterValues(cp.received().subList(m, beforeCut), transactionId);
        MeterValuesRequest sample = reported.get(reported.size() - 1);
        support.powerCycle();
        ReceivedMessage boot = awaitAfter(cp, beforeCut, Action.BOOT_NOTIFICATION);
        ReceivedMessage stop = awaitAfter(cp, beforeCut, Action.STOP_TRANSACTION);
        int afterBoot = indexOf(cp, boot) + 1;
        ReceivedMessage status0 = awaitAfter(cp, afterBoot, Ocpp.status(0, ChargePointStatus.values()));
        ReceivedMessage status1 = awaitAfter(cp, afterBoot, Ocpp.status(1, ChargePointStatus.values()));
        assertTrue("BootNotification, StatusNotifications, then StopTransaction:\n" + Ocpp.describe(cp.received()),
                indexOf(cp, boot) < indexOf(cp, stop) && indexOf(cp, status0) < indexOf(cp, stop)
                        && indexOf(cp, status1) < indexOf(cp, stop));

        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertEquals(transactionId, stopReq.transactionId());
        assertEquals(Reason.POWER_LOSS, stopReq.reason());
        assertTrue("meterStop " + stopReq.meterStop() + " >= meterStart " + start.meterStart(),
                stopReq.meterStop() >= start.meterStart());
        Double lastReported = Ocpp.energyWh(sample.meterValue().get(sample.meterValue().size() - 1));
        assertNotNull(lastReported);
        assertTrue("meterStop " + stopReq.meterStop() + " not below a reported reading " + lastReported,
                stopReq.meterStop() >= Math.floor(lastReported));
        assertEquals("one boot per power-up", 2, all(cp, Action.BOOT_NOTIFICATION).size());
        assertEquals("exactly one StopTransaction", 1, all(cp, Action.STOP_TRANSACTION).size());
        assertEquals("no new transaction after the reboot", 1, all(cp, Action.START_TRANSACTION).size());
    }

    /**
     * TC_034: ChangeAvailability(0, Inoperative) makes connector 0 and 1 Unavailable; after a power cycle they are
     * reported Unavailable again (persisted) and the EVSE stays disabled; Operative brings them back to Available.
     */
    @Test
    public void tc034_inoperativeSurvivesPowerCycle() throws Exception {
        ChargePointConnection cp = startStation(false);
        int m = mark(cp);
        assertEquals(AvailabilityStatus.ACCEPTED,
                call(cp, new ChangeAvailabilityRequest(0, AvailabilityType.INOPERATIVE)).status());
        awaitStatus(cp, m, 0, ChargePointStatus.UNAVAILABLE);
        awaitStatus(cp, m, 1, ChargePointStatus.UNAVAILABLE);
        awaitTrue("the EVSE is disabled", () -> simStatus().contains("enabled=false"));

        int beforeCycle = mark(cp);
        support.powerCycle();
        ReceivedMessage boot = awaitAfter(cp, beforeCycle, Action.BOOT_NOTIFICATION);
        int afterBoot = indexOf(cp, boot) + 1;
        assertEquals(ChargePointStatus.UNAVAILABLE, awaitAfter(cp, afterBoot, Ocpp.status(0, ChargePointStatus.values()))
                .request(StatusNotificationRequest.class).status());
        assertEquals(ChargePointStatus.UNAVAILABLE, awaitAfter(cp, afterBoot, Ocpp.status(1, ChargePointStatus.values()))
                .request(StatusNotificationRequest.class).status());
        awaitTrue("the EVSE is disabled again after the power cycle", () -> simStatus().contains("enabled=false"));
        int operative = mark(cp);
        assertTrue("only Unavailable after the reboot:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(afterBoot, operative).stream()
                        .filter(Ocpp.status(0, ChargePointStatus.values()).or(Ocpp.status(1, ChargePointStatus.values())))
                        .allMatch(x -> x.request(StatusNotificationRequest.class).status() == ChargePointStatus.UNAVAILABLE));
        assertEquals(2, all(cp, Action.BOOT_NOTIFICATION).size());

        assertEquals(AvailabilityStatus.ACCEPTED,
                call(cp, new ChangeAvailabilityRequest(0, AvailabilityType.OPERATIVE)).status());
        awaitStatus(cp, operative, 0, ChargePointStatus.AVAILABLE);
        awaitStatus(cp, operative, 1, ChargePointStatus.AVAILABLE);
    }

    /** TC_041: a fault: Faulted with its errorCode (and vendorErrorCode); cleared: Available, NoError. */
    @Test
    public void tc041_faultAndRecovery() throws Exception {
        ChargePointConnection cp = startStation(false);
        int m = mark(cp);
        support.sim("fault", 1, "GroundFailure", "GF-41");
        StatusNotificationRequest faulted = awaitStatus(cp, m, 1, ChargePointStatus.FAULTED);
        assertEquals(ChargePointErrorCode.GROUND_FAILURE, faulted.errorCode());
        assertEquals("GF-41", faulted.vendorErrorCode());

        int c = mark(cp);
        support.sim("clear", 1);
        StatusNotificationRequest available = awaitStatus(cp, c, 1, ChargePointStatus.AVAILABLE);
        assertEquals(ChargePointErrorCode.NO_ERROR, available.errorCode());
    }

    /** TC_062: DataTransfer with a vendorId the charge point does not know: UnknownVendorId. */
    @Test
    public void tc062_dataTransferUnknownVendor() throws Exception {
        ChargePointConnection cp = startStation(false);
        DataTransferResponse r = call(cp, new DataTransferRequest("com.example.unknown.vendor")
                .withMessageId("TC062").withData("hello"));
        assertEquals(DataTransferStatus.UNKNOWN_VENDOR_ID, r.status());
    }

    /**
     * TC_070: with MeterValueSampleInterval and MeterValuesSampledData set, MeterValues of the transaction carry its
     * transactionId, context Sample.Periodic and exactly the configured measurands.
     */
    @Test
    public void tc070_sampledMeterValues() throws Exception {
        ChargePointConnection cp = startStation(false);
        Ocpp.configure(cp, "MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import");
        Ocpp.configure(cp, "ClockAlignedDataInterval", "0");
        Ocpp.configure(cp, "MeterValueSampleInterval", "1");
        int m = mark(cp);
        int transactionId = startSession(cp, "METER70");
        awaitTrue("two sampled MeterValues of the transaction",
                () -> Ocpp.meterValues(cp.received().subList(m, mark(cp)), transactionId).size() >= 2);

        List<MeterValuesRequest> samples = Ocpp.meterValues(cp.received().subList(m, mark(cp)), transactionId);
        Set<Measurand> configured = EnumSet.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, Measurand.POWER_ACTIVE_IMPORT,
                Measurand.CURRENT_IMPORT);
        double previousWh = -1;
        for (MeterValuesRequest r : samples) {
            assertEquals(1, r.connectorId());
            assertEquals(Integer.valueOf(transactionId), r.transactionId());
            for (MeterValue v : r.meterValue()) {
                assertEquals("the configured measurands: " + r, configured, measurands(v));
                for (SampledValue s : v.sampledValue()) {
                    assertTrue("context Sample.Periodic: " + r,
                            s.context() == null || s.context() == ReadingContext.SAMPLE_PERIODIC);
                }
                double wh = Ocpp.energyWh(v);
                assertTrue("the register does not go back: " + samples, wh >= previousWh);
                previousWh = wh;
            }
        }
        assertTrue("no MeterValues without the transactionId during the transaction:\n" + Ocpp.describe(cp.received()),
                Ocpp.meterValues(cp.received().subList(m, mark(cp)), null).isEmpty());
    }

    /**
     * TC_071: with ClockAlignedDataInterval set, MeterValues with context Sample.Clock and the measurands of
     * MeterValuesAlignedData are stamped on interval boundaries (counted from midnight): without a transaction
     * without a transactionId, during one with its transactionId.
     */
    @Test
    public void tc071_clockAlignedMeterValues() throws Exception {
        int interval = 2;
        ChargePointConnection cp = startStation(false);
        Ocpp.configure(cp, "MeterValueSampleInterval", "0");
        Ocpp.configure(cp, "MeterValuesAlignedData", "Energy.Active.Import.Register,Power.Active.Import");
        Set<Measurand> configured = EnumSet.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, Measurand.POWER_ACTIVE_IMPORT);
        int m = mark(cp);
        Ocpp.configure(cp, "ClockAlignedDataInterval", Integer.toString(interval));

        MeterValuesRequest idle = awaitAfter(cp, m, x -> x.action() == Action.METER_VALUES
                && ((MeterValuesRequest) x.request()).transactionId() == null).request(MeterValuesRequest.class);
        assertEquals(1, idle.connectorId());
        assertClockAligned(idle, interval, configured);

        int s = mark(cp);
        int transactionId = startSession(cp, "CLOCK71");
        awaitTrue("two clock-aligned MeterValues of the transaction",
                () -> Ocpp.meterValues(cp.received().subList(s, mark(cp)), transactionId).size() >= 2);
        List<MeterValuesRequest> aligned = Ocpp.meterValues(cp.received().subList(s, mark(cp)), transactionId);
        Instant previous = idle.meterValue().get(0).timestamp();
        for (MeterValuesRequest r : aligned) {
            assertEquals(1, r.connectorId());
            assertClockAligned(r, interval, configured);
            Instant at = r.meterValue().get(0).timestamp();
            assertTrue("one sample per boundary, in order: " + aligned, at.isAfter(previous));
            previous = at;
        }
    }

    private static void assertClockAligned(MeterValuesRequest r, int interval, Set<Measurand> configured) {
        for (MeterValue v : r.meterValue()) {
            Instant t = v.timestamp();
            assertTrue("timestamp " + t + " on a " + interval + " s boundary: " + r,
                    t.getNano() == 0 && t.getEpochSecond() % interval == 0);
            assertEquals("the configured measurands: " + r, configured, measurands(v));
            for (SampledValue s : v.sampledValue()) {
                assertEquals("context Sample.Clock: " + r, ReadingContext.SAMPLE_CLOCK, s.context());
            }
        }
    }

    // ---- helpers

    /** Starts a one-connector simulator (with a tethered cable when {@code fixedCable}) and the station. */
    private ChargePointConnection startStation(boolean fixedCable) throws Exception {
        Dictionary<String, Object> simulator = new Hashtable<>();
        simulator.put("fixedCable", fixedCable);
        support.startSimulator(1, simulator);
        ChargePointConnection cp = support.startStation(1, null);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        return cp;
    }

    private static void assertNoStatusOfConnector1After(ChargePointConnection cp, int mark) {
        assertTrue("no status change of connector 1:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(mark, mark(cp)).stream()
                        .noneMatch(Ocpp.status(1, ChargePointStatus.values())));
    }

    private static Predicate<ReceivedMessage> meterValuesOf(int transactionId) {
        return x -> x.action() == Action.METER_VALUES
                && Objects.equals(((MeterValuesRequest) x.request()).transactionId(), transactionId);
    }

    /** The measurands of a meter value (an omitted measurand is Energy.Active.Import.Register). */
    private static Set<Measurand> measurands(MeterValue v) {
        Set<Measurand> result = EnumSet.noneOf(Measurand.class);
        for (SampledValue s : v.sampledValue()) {
            result.add(s.measurand() == null ? Measurand.ENERGY_ACTIVE_IMPORT_REGISTER : s.measurand());
        }
        return result;
    }
}
