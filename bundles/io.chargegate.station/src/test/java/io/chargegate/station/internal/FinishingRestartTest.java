package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OCPP 1.6 section 4.9, transition F2 (Finishing to Preparing): "User restart charging session (e.g. presents idTag
 * again), thereby creating a new Transaction". While Finishing with the EV still plugged in, the stopped session's
 * idTag (or one of its parentIdTag group), presented or in a RemoteStartTransaction, starts a new transaction; another
 * user's idTag does not (the EV must be unplugged first); once the EV has left, while Inoperative or on backup power
 * nothing does. A read of the idTag that stopped the session within {@code restartHoldOffSeconds} is ignored.
 */
class FinishingRestartTest extends RuntimeTestBase {

    /** Boots with {@code restartHoldOffSeconds=0}: the tests restart at once after a stop by the same card. */
    private StationRuntime bootWithoutHoldOff(int connectors) {
        h = new Harness(dir, connectors);
        h.config.put("restartHoldOffSeconds", 0);
        return bootPrepared(connectors);
    }

    @Test
    void f2_theSameIdTagAgainStartsANewTransactionAfterPreparingAndLocksTheCableAgain() {
        StationRuntime st = bootWithoutHoldOff(1);
        startCharging("TAG1");
        Harness.await("first transaction id", () -> Integer.valueOf(100).equals(st.connector(1).transactionId()));
        h.reader.present("TAG1", 0);
        assertEquals(Reason.LOCAL, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertFalse(h.lock[1].locked, "unlocked after the stop");

        h.reader.present("TAG1", 0);
        assertEquals(List.of("Authorize", "Preparing", "StartTransaction", "Charging"),
                callsUntil(r -> r instanceof StatusNotificationRequest sn && sn.status() == ChargePointStatus.CHARGING));
        assertTrue(h.lock[1].locked, "locked again before the new transaction");
        Harness.await("second transaction id", () -> Integer.valueOf(101).equals(st.connector(1).transactionId()));

        h.reader.present("TAG1", 0);
        StopTransactionRequest second = h.csms.next(StopTransactionRequest.class);
        assertEquals(101, second.transactionId());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        h.evse[1].unplug();
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(2, h.csms.log.stream().filter(r -> r instanceof StartTransactionRequest).count());
        assertEquals(2, h.csms.log.stream().filter(r -> r instanceof StopTransactionRequest).count());
    }

    @Test
    void f2_anotherUsersIdTagDoesNotChargeTheEvOfTheStoppedSession() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        h.evse[1].stopButton();
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);

        h.reader.present("TAG2", 1);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("TAG2"));
        h.reader.present("TAG2", 0);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("TAG2"));
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG2", 1, null));
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG2", null, null));
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertFalse(st.connector(1).hasTransaction());
        assertEquals(ChargePointStatus.FINISHING, st.connector(1).status());

        // the user of the stopped session restarts (stopped by the button: no hold-off)
        h.reader.present("TAG1", 1);
        assertEquals("TAG1", h.csms.next(StartTransactionRequest.class).idTag());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        h.evse[1].stopButton();
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);

        // once the EV has been unplugged, another user may start
        h.evse[1].unplug();
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals("TAG2", startCharging("TAG2").idTag());
    }

    @Test
    void f2_theStoppedSessionsUserRestartsByRemoteStartAndAnIdTagOfItsGroupAtTheReader() {
        h = new Harness(dir, 1);
        h.csms.authorize = idTag -> new IdTagInfo(null, idTag.startsWith("FLEET") ? "FLEET" : null, AuthorizationStatus.ACCEPTED);
        StationRuntime st = bootPrepared(1);
        startCharging("FLEET-1");
        h.evse[1].stopButton();
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);

        h.reader.present("FLEET-2", 1);
        assertEquals(List.of("Authorize", "Preparing", "StartTransaction", "Charging"),
                callsUntil(r -> r instanceof StatusNotificationRequest sn && sn.status() == ChargePointStatus.CHARGING));
        assertEquals("FLEET-2", st.connector(1).idTag());
        h.evse[1].stopButton();
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);

        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("OTHER", 1, null));
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("FLEET-2", 1, null));
        assertEquals(List.of("Authorize", "Preparing", "StartTransaction", "Charging"),
                callsUntil(r -> r instanceof StatusNotificationRequest sn && sn.status() == ChargePointStatus.CHARGING));
        assertEquals("FLEET-2", st.connector(1).idTag());
    }

    @Test
    void aSecondReadOfTheCardThatStoppedIsIgnoredWithinTheHoldOff() {
        StationRuntime st = boot(1); // restartHoldOffSeconds: default 5
        startCharging("TAG1");
        h.reader.present("TAG1", 1);
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        h.reader.present("TAG1", 1); // held on the reader / tapped twice
        h.reader.present("TAG1", 0);
        h.csms.assertNothing(r -> r instanceof AuthorizeRequest || r instanceof StartTransactionRequest, 300);
        assertFalse(st.connector(1).hasTransaction());
        assertEquals(ChargePointStatus.FINISHING, st.connector(1).status());
    }

    @Test
    void afterTheHoldOffTheCardThatStoppedRestarts() {
        h = new Harness(dir, 1);
        h.config.put("restartHoldOffSeconds", 1);
        StationRuntime st = bootPrepared(1);
        startCharging("TAG1");
        java.time.Instant holdOffOver = java.time.Instant.now().plusMillis(1100);
        h.reader.present("TAG1", 1);
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        h.reader.present("TAG1", 1);
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        Harness.await("the hold-off to end", () -> java.time.Instant.now().isAfter(holdOffOver));
        h.reader.present("TAG1", 1);
        assertEquals(List.of("Authorize", "Preparing", "StartTransaction", "Charging"),
                callsUntil(r -> r instanceof StatusNotificationRequest sn && sn.status() == ChargePointStatus.CHARGING));
    }

    @Test
    void f2_remoteStartWithoutAuthorizationRestartsAtOnce() {
        StationRuntime st = boot(1);
        st.changeConfiguration("AuthorizeRemoteTxRequests", "false");
        startCharging("TAG1");
        h.evse[1].stopButton();
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG2", null, null));
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("TAG1", null, null));
        assertEquals(List.of("Preparing", "StartTransaction", "Charging"),
                callsUntil(r -> r instanceof StatusNotificationRequest sn && sn.status() == ChargePointStatus.CHARGING));
    }

    @Test
    void finishingAfterTheEvLeftWithTheCableStillLockedRefusesUntilTheEvIsBack() {
        StationRuntime st = boot(1);
        st.changeConfiguration("UnlockConnectorOnEVSideDisconnect", "false");
        startCharging("TAG1");
        h.evse[1].unplug();
        assertEquals(Reason.EV_DISCONNECTED, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertTrue(h.lock[1].locked);

        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null));
        h.reader.present("TAG1", 1);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("TAG1"));
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertEquals(ChargePointStatus.FINISHING, st.connector(1).status());

        h.evse[1].plugIn(); // the EV is back, the cable still locked: still Finishing, and F2 applies again
        h.reader.present("TAG1", 1);
        assertEquals("TAG1", h.csms.next(StartTransactionRequest.class).idTag());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
    }

    @Test
    void inoperativeAfterTheStopRefuses() {
        StationRuntime st = boot(1);
        startCharging("TAG1");
        assertEquals(AvailabilityStatus.SCHEDULED, st.changeAvailability(1, AvailabilityType.INOPERATIVE));
        h.evse[1].stopButton();
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null));
        h.reader.present("TAG1", 1);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("TAG1"));
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);

        assertEquals(AvailabilityStatus.ACCEPTED, st.changeAvailability(1, AvailabilityType.OPERATIVE));
        h.csms.nextStatus(1, ChargePointStatus.FINISHING); // the EV of the stopped session is still plugged in
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("TAG1", 1, null));
        h.csms.next(StartTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
    }

    @Test
    void finishingOnBackupPowerRefusesUntilMainsIsBack() {
        PowerFailureTest.PowerSystem power = new PowerFailureTest.PowerSystem();
        h = new Harness(dir, 1);
        h.systems.remove(h.system);
        h.systems.add(power, Harness.driverProps(null));
        StationRuntime st = bootPrepared(1);
        startCharging("TAG1");
        power.fail(Duration.ofSeconds(60));
        assertEquals(Reason.POWER_LOSS, h.csms.next(StopTransactionRequest.class).reason());
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, null));
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG2", null, null));
        h.reader.present("TAG1", 0);
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertFalse(st.connector(1).hasTransaction());

        power.restore();
        Harness.await("EVSE enabled again", () -> h.evse[1].enabled);
        assertEquals(ChargePointStatus.FINISHING, st.connector(1).status());
        h.reader.present("TAG1", 0);
        assertEquals("TAG1", h.csms.next(StartTransactionRequest.class).idTag());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
    }

    @Test
    void aReaderWithoutConnectorHintPrefersTheStoppedSessionsIdTagThenAFreeConnector() {
        StationRuntime st = bootWithoutHoldOff(2);
        startCharging("TAG1"); // on connector 1 (plugged in first)
        h.reader.present("TAG1", 0);
        h.csms.next(StopTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.FINISHING);

        // another user at a shared reader: the free connector 2 waits for its EV, the EV on 1 is not charged
        h.reader.present("TAG2", 0);
        h.csms.nextStatus(2, ChargePointStatus.PREPARING);
        assertFalse(st.connector(1).hasTransaction());
        h.evse[2].plugIn();
        assertEquals(2, h.csms.next(StartTransactionRequest.class).connectorId());
        h.csms.nextStatus(2, ChargePointStatus.CHARGING);

        // the user of the stopped session restarts on connector 1
        h.reader.present("TAG1", 0);
        StartTransactionRequest restart = h.csms.next(StartTransactionRequest.class);
        assertEquals(1, restart.connectorId());
        assertEquals("TAG1", restart.idTag());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
    }

    /**
     * The CALLs until (and with) the first one matching {@code last}, by name: a status of connector 1 by its status,
     * anything else by its action; connector 0 statuses and MeterValues are left out.
     */
    private List<String> callsUntil(Predicate<Request<?>> last) {
        List<String> seen = new ArrayList<>();
        while (true) {
            Request<?> r = h.csms.next();
            if (r instanceof StatusNotificationRequest sn) {
                if (sn.connectorId() == 1) {
                    seen.add(sn.status().value());
                }
            } else if (!(r instanceof io.chargegate.ocpp.model.messages.MeterValuesRequest)) {
                seen.add(r.getClass().getSimpleName().replace("Request", ""));
            }
            if (last.test(r)) {
                return seen;
            }
        }
    }
}
