package io.chargegate.station.internal;

import io.chargegate.hardware.api.PowerSink;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.station.api.Reservation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TC_032_1 (power failure with backup power): the SystemDriver's power-fail signal ({@link PowerSink}) stops every
 * transaction at once with reason PowerLoss, opens the contactors, reports a connector whose EV is still plugged in
 * Finishing and the others Unavailable, and refuses new starts until mains is back.
 */
class PowerFailureTest extends RuntimeTestBase {

    /** A SystemDriver with a power-fail signal; {@code lost} is reported at attach, as the SPI asks. */
    static final class PowerSystem extends Fakes.FakeSystem {
        volatile PowerSink sink;
        volatile boolean lost;
        volatile Duration backup;
        int attaches;
        int detaches;

        @Override
        public synchronized void attachPower(PowerSink s) {
            sink = s;
            attaches++;
            if (lost) {
                s.mainsLost(backup);
            }
        }

        @Override
        public synchronized void detachPower() {
            sink = null;
            detaches++;
        }

        void fail(Duration backupTime) {
            lost = true;
            backup = backupTime;
            PowerSink s = sink;
            if (s != null) {
                s.mainsLost(backupTime);
            }
        }

        void restore() {
            lost = false;
            PowerSink s = sink;
            if (s != null) {
                s.mainsRestored();
            }
        }
    }

    private final PowerSystem power = new PowerSystem();

    /** A harness whose SystemDriver has the power-fail signal. */
    private void prepare(int connectors) {
        h = new Harness(dir, connectors);
        h.systems.remove(h.system);
        h.systems.add(power, Harness.driverProps(null));
    }

    /** Plug in connector {@code c}, present {@code idTag} there, wait for its StartTransaction and Charging. */
    private StartTransactionRequest startOn(int c, String idTag) {
        h.evse[c].plugIn();
        h.csms.nextStatus(c, ChargePointStatus.PREPARING);
        h.reader.present(idTag, c);
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        h.csms.nextStatus(c, ChargePointStatus.CHARGING);
        return start;
    }

    @Test
    void tc032_1_mainsLostStopsEveryTransactionAtOnceBeforeAnythingElse() {
        prepare(2);
        StationRuntime st = bootPrepared(2);
        StartTransactionRequest start1 = startOn(1, "TAG1");
        StartTransactionRequest start2 = startOn(2, "TAG2");
        Harness.await("ids known", () -> st.connector(1).transactionId() != null && st.connector(2).transactionId() != null);
        int tx1 = st.connector(1).transactionId();
        int tx2 = st.connector(2).transactionId();
        assertEquals(1, power.attaches);
        h.csms.received.clear();

        power.fail(Duration.ofSeconds(30));

        StopTransactionRequest stop1 = assertInstanceOf(StopTransactionRequest.class, h.csms.next(), "StopTransaction first");
        StopTransactionRequest stop2 = assertInstanceOf(StopTransactionRequest.class, h.csms.next(), "StopTransaction first");
        assertEquals(List.of(tx1, tx2), List.of(stop1.transactionId(), stop2.transactionId()));
        assertEquals(Reason.POWER_LOSS, stop1.reason());
        assertEquals(Reason.POWER_LOSS, stop2.reason());
        assertNull(stop1.idTag());
        assertTrue(stop1.meterStop() > start1.meterStart(), "meterStop from a reading taken at the stop: " + stop1);
        assertTrue(stop2.meterStop() > start2.meterStart(), "meterStop from a reading taken at the stop: " + stop2);
        Map<Integer, ChargePointStatus> statuses = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            StatusNotificationRequest sn = assertInstanceOf(StatusNotificationRequest.class, h.csms.next());
            statuses.put(sn.connectorId(), sn.status());
        }
        // the EVs are still plugged in: Finishing after the PowerLoss stop (TC_032_1); connector 0 Unavailable
        assertEquals(Map.of(0, ChargePointStatus.UNAVAILABLE, 1, ChargePointStatus.FINISHING,
                2, ChargePointStatus.FINISHING), statuses);
        for (int c = 1; c <= 2; c++) {
            assertFalse(h.evse[c].powerAllowed, "contactor of " + c + " may not close");
            assertFalse(h.evse[c].enabled, "EVSE " + c + " disabled");
            assertFalse(st.connector(c).hasTransaction());
            assertEquals(ChargePointStatus.FINISHING, st.connector(c).status());
        }
        Harness.await("queue drained", () -> st.queueSummary().isEmpty());

        power.fail(Duration.ofSeconds(20)); // a repeat is harmless
        h.csms.assertNothing(r -> true, 200);
    }

    @Test
    void tc032_1_afterThePowerCycleBootAndStatusesButNoSecondStopTransaction() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        startOn(1, "TAG1");
        Harness.await("id known", () -> st.connector(1).transactionId() != null);
        power.fail(null);
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals(Reason.POWER_LOSS, stop.reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        Harness.await("queue drained", () -> st.queueSummary().isEmpty());

        power.lost = false; // the backup ran out; mains is back when the charge point starts again
        h.csms.received.clear();
        StationRuntime st2 = h.powerCycle();
        assertInstanceOf(BootNotificationRequest.class, h.csms.next());
        StatusNotificationRequest s0 = assertInstanceOf(StatusNotificationRequest.class, h.csms.next());
        StatusNotificationRequest s1 = assertInstanceOf(StatusNotificationRequest.class, h.csms.next());
        assertEquals(List.of(0, 1), List.of(s0.connectorId(), s1.connectorId()));
        assertEquals(ChargePointStatus.AVAILABLE, s0.status());
        assertEquals(ChargePointStatus.PREPARING, s1.status(), "the EV is still plugged in, no transaction");
        h.csms.assertNothing(r -> r instanceof StopTransactionRequest || r instanceof StartTransactionRequest, 300);
        assertFalse(st2.connector(1).hasTransaction());
        assertEquals(1, power.detaches, "the old runtime detached its power sink");
        assertEquals(2, power.attaches);
    }

    @Test
    void stoppedWhileOfflineTheStopTransactionSurvivesTheBackupRunningOut() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        startOn(1, "TAG1");
        Harness.await("id known", () -> st.connector(1).transactionId() != null);
        int txId = st.connector(1).transactionId();
        h.csms.goOffline();
        Harness.await("offline", () -> !h.csms.connected());
        power.fail(Duration.ofSeconds(5));
        assertFalse(st.connector(1).hasTransaction());
        assertEquals(1, st.queueSummary().size(), "StopTransaction in the durable queue: " + st.queueSummary());

        power.lost = false;
        h.csms.received.clear();
        h.powerCycle();
        h.csms.goOnline();
        h.csms.next(BootNotificationRequest.class);
        StopTransactionRequest stop = h.csms.next(StopTransactionRequest.class);
        assertEquals(txId, stop.transactionId());
        assertEquals(Reason.POWER_LOSS, stop.reason());
        h.csms.assertNothing(r -> r instanceof StopTransactionRequest, 300);
    }

    @Test
    void onBackupNewStartsAreRefusedAndMainsBackRestoresTheNormalStatuses() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);

        power.fail(Duration.ofSeconds(60));
        // connector 0 is re-evaluated (and reported) before the connector that changed it
        h.csms.nextStatus(0, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        assertFalse(h.evse[1].enabled);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null));
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", null, null));
        assertEquals(ReservationStatus.UNAVAILABLE, st.reserve(new Reservation(7, 1, "TAG1", null, st.now().plusSeconds(60))));
        h.reader.present("TAG1", 1);
        // nothing can start: the CSMS is not even asked to authorize
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest || r instanceof AuthorizeRequest, 300);
        assertFalse(st.connector(1).hasTransaction());

        power.restore();
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        assertTrue(h.evse[1].enabled);
        h.reader.present("TAG2", 1);
        assertEquals("TAG2", h.csms.next(StartTransactionRequest.class).idTag());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        power.restore(); // a repeat is harmless
        h.csms.assertNothing(r -> r instanceof StatusNotificationRequest, 200);
    }

    @Test
    void aStoppedSessionWhoseEvLeavesOnBackupIsAvailableWhenMainsIsBack() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        startOn(1, "TAG1");
        power.fail(null);
        assertEquals(Reason.POWER_LOSS, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertFalse(h.lock[1].locked, "the cable is unlocked after the stop");
        h.evse[1].unplug();
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE); // no new start on backup power
        power.restore();
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(ChargePointStatus.AVAILABLE, st.connector(1).status());
    }

    @Test
    void aWaitingAuthorizationIsDroppedWhenMainsFails() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        h.reader.present("TAG1", 1);
        h.csms.next(AuthorizeRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        power.fail(null);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        h.evse[1].plugIn();
        power.restore();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertFalse(st.connector(1).hasTransaction());
    }

    @Test
    void aDriverOnBackupAtAttachMakesTheConnectorsUnavailableFromTheBoot() {
        prepare(1);
        power.lost = true;
        h.start();
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(0, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        assertFalse(h.evse[1].enabled);
        power.restore();
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    @Test
    void theSystemDriverGoingAwayOnBackupEndsBackupOperationAndAReplacementIsAttached() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        power.fail(null);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        PowerSink old = power.sink;
        h.systems.remove(power);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertNull(power.sink);
        assertEquals(1, power.detaches);

        PowerSystem replacement = new PowerSystem();
        h.systems.add(replacement, Harness.driverProps(null));
        assertNotNull(replacement.sink);
        replacement.fail(null);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        old.mainsRestored(); // the old driver's sink is ignored
        assertEquals(ChargePointStatus.UNAVAILABLE, st.connector(1).status());
        replacement.restore();
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    /** A SystemDriver replaced (a better-ranked one) in one step: the power-fail signals of both in their order. */
    private PowerSystem replaceOnBackup(boolean replacementLost) {
        PowerSystem replacement = new PowerSystem();
        replacement.lost = replacementLost;
        Map<String, Object> props = Harness.driverProps(null);
        props.put("service.ranking", 10);
        h.systems.add(replacement, props);
        assertNotNull(replacement.sink);
        assertNull(power.sink, "the old driver's sink was detached");
        assertEquals(1, power.detaches);
        return replacement;
    }

    @Test
    void aReplacementSystemDriverStillOnBackupKeepsTheConnectorsUnavailableWithoutAFlap() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        power.fail(null);
        h.csms.nextStatus(0, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        int enables = h.evse[1].enables.get();

        PowerSystem replacement = replaceOnBackup(true);
        h.csms.assertNothing(r -> r instanceof StatusNotificationRequest, 300);
        assertEquals(enables, h.evse[1].enables.get(), "the EVSE was not enabled in between");
        assertFalse(h.evse[1].enabled);
        assertEquals(ChargePointStatus.UNAVAILABLE, st.connector(1).status());
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null), "still on backup power");

        replacement.restore();
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertTrue(h.evse[1].enabled);
    }

    @Test
    void aReplacementSystemDriverReportingNoMainsLossEndsBackupOperation() {
        prepare(1);
        StationRuntime st = bootPrepared(1);
        power.fail(null);
        h.csms.nextStatus(0, ChargePointStatus.UNAVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);

        replaceOnBackup(false); // on mains, or without a power-fail signal: it says nothing at attach
        h.csms.nextStatus(0, ChargePointStatus.AVAILABLE);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertTrue(h.evse[1].enabled);
        assertEquals(ChargePointStatus.AVAILABLE, st.connector(1).status());
    }
}
