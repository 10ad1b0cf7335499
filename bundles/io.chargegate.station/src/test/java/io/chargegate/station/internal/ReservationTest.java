package io.chargegate.station.internal;

import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.Reservation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reservations through Station.reserve / cancelReservation (TC_046 .. TC_053). */
class ReservationTest extends RuntimeTestBase {

    private Reservation reservation(StationRuntime st, int id, int connector, String idTag, String parent, int seconds) {
        return new Reservation(id, connector, idTag, parent, st.now().plusSeconds(seconds));
    }

    @Test
    void tc046_1_onlyTheReservedIdTagStartsThereAndStartTransactionCarriesTheReservationId() {
        StationRuntime st = boot(1);
        assertEquals(ReservationStatus.ACCEPTED, st.reserve(reservation(st, 7, 1, "RES1", null, 60)));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        assertEquals(ChargePointStatus.RESERVED, st.connector(1).status());
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("OTHER", 1, null));
        h.evse[1].plugIn();
        h.reader.present("OTHER", 0);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("OTHER"));
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        h.reader.present("RES1", 0);
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        assertEquals("RES1", start.idTag());
        assertEquals(7, start.reservationId());
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        assertEquals(CancelReservationStatus.REJECTED, st.cancelReservation(7), "used up by the transaction");
    }

    @Test
    void tc046_2_remoteStartOfTheReservedIdTag() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 9, 1, "RES1", null, 60));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("RES1", 1, null));
        h.evse[1].plugIn();
        assertEquals(9, h.csms.next(StartTransactionRequest.class).reservationId());
    }

    @Test
    void tc053_1_anIdTagWithTheReservationsParentIdTagMayUseIt() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 11, 1, "RES1", "GROUP", 60));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        h.csms.authorize = id -> new IdTagInfo(null, id.startsWith("MEMBER") ? "GROUP" : "ELSE", AuthorizationStatus.ACCEPTED);
        h.evse[1].plugIn();
        h.reader.present("STRANGER", 0);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("STRANGER"));
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        h.reader.present("MEMBER1", 0);
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        assertEquals("MEMBER1", start.idTag());
        assertEquals(11, start.reservationId());
    }

    @Test
    void tc053_2_remoteStartWithTheReservationsParentIdTag() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 12, 1, "RES1", "GROUP", 60));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        h.csms.authorize = id -> new IdTagInfo(null, id.startsWith("MEMBER") ? "GROUP" : "ELSE", AuthorizationStatus.ACCEPTED);
        // the parent is learnt by Authorize, even with AuthorizeRemoteTxRequests=false
        st.changeConfiguration("AuthorizeRemoteTxRequests", "false");
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("MEMBER1", 1, null));
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("MEMBER1"));
        h.evse[1].plugIn();
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        assertEquals("MEMBER1", start.idTag());
        assertEquals(12, start.reservationId());
    }

    @Test
    void remoteStartOfAStrangerOnAParentReservationIsNotStarted() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 13, 1, "RES1", "GROUP", 60));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        h.csms.authorize = id -> new IdTagInfo(null, "ELSE", AuthorizationStatus.ACCEPTED);
        st.remoteStart("STRANGER", 1, null);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("STRANGER"));
        h.evse[1].plugIn();
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertEquals(ChargePointStatus.RESERVED, st.connector(1).status());
    }

    @Test
    void tc047_reservationExpiresBackToAvailable() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 1, 1, "RES1", null, 1));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(CancelReservationStatus.REJECTED, st.cancelReservation(1));
        assertEquals(ReservationStatus.REJECTED, st.reserve(reservation(st, 2, 1, "RES1", null, -5)), "already expired");
    }

    @Test
    void tc051_tc052_cancelReservation() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 5, 1, "RES1", null, 60));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        assertEquals(CancelReservationStatus.REJECTED, st.cancelReservation(6));
        assertEquals(CancelReservationStatus.ACCEPTED, st.cancelReservation(5));
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("ANY", 1, null));
    }

    @Test
    void tc048_reserveAnswersFaultedOccupiedUnavailableRejected() {
        StationRuntime st = boot(3);
        h.evse[1].fault(new HardwareFault(ChargePointErrorCode.GROUND_FAILURE, null, null, true));
        h.csms.nextStatus(1, ChargePointStatus.FAULTED);
        assertEquals(ReservationStatus.FAULTED, st.reserve(reservation(st, 1, 1, "RES1", null, 60)));
        h.evse[2].plugIn();
        h.csms.nextStatus(2, ChargePointStatus.PREPARING);
        assertEquals(ReservationStatus.OCCUPIED, st.reserve(reservation(st, 2, 2, "RES1", null, 60)));
        st.changeAvailability(3, AvailabilityType.INOPERATIVE);
        h.csms.nextStatus(3, ChargePointStatus.UNAVAILABLE);
        assertEquals(ReservationStatus.UNAVAILABLE, st.reserve(reservation(st, 3, 3, "RES1", null, 60)));
        assertEquals(ReservationStatus.REJECTED, st.reserve(reservation(st, 4, 0, "RES1", null, 60)),
                "connector 0 without ReserveConnectorZeroSupported");
        assertEquals(ReservationStatus.REJECTED, st.reserve(reservation(st, 5, 4, "RES1", null, 60)), "no such connector");
    }

    @Test
    void tc049_chargePointReservationKeepsTheLastFreeConnectorForItsIdTag() {
        StationRuntime st = boot(2);
        h.profiles.add(profile(FeatureProfile.RESERVATION, ConfigurationKey.readOnly("ReserveConnectorZeroSupported", "true")), Map.of());
        assertEquals(ReservationStatus.ACCEPTED, st.reserve(reservation(st, 20, 0, "RES0", null, 60)));
        h.evse[1].plugIn();
        h.reader.present("OTHER", 1);
        assertNull(h.csms.next(StartTransactionRequest.class, s -> s.idTag().equals("OTHER")).reservationId());
        h.evse[2].plugIn();
        h.reader.present("OTHER2", 2);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("OTHER2"));
        h.csms.assertNothing(r -> r instanceof StartTransactionRequest, 300);
        assertFalse(st.connector(2).hasTransaction(), "last free connector kept for the reservation");
        h.reader.present("RES0", 2);
        assertEquals(20, h.csms.next(StartTransactionRequest.class, s -> s.idTag().equals("RES0")).reservationId());
    }

    @Test
    void rv1_aRefusedReserveNowLeavesTheReservationWithTheSameIdAsItWas() {
        StationRuntime st = boot(2);
        assertEquals(ReservationStatus.ACCEPTED, st.reserve(reservation(st, 7, 1, "RES1", null, 60)));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        h.evse[2].plugIn();
        h.csms.nextStatus(2, ChargePointStatus.PREPARING);
        assertEquals(ReservationStatus.OCCUPIED, st.reserve(reservation(st, 7, 2, "RES1", null, 60)));
        assertEquals(ReservationStatus.REJECTED, st.reserve(reservation(st, 7, 0, "RES1", null, 60)));
        h.csms.assertNothing(r -> r instanceof StatusNotificationRequest s && s.connectorId() == 1, 300);
        assertEquals(ChargePointStatus.RESERVED, st.connector(1).status());
        assertEquals(CancelReservationStatus.ACCEPTED, st.cancelReservation(7), "still there");
    }

    @Test
    void rv1_replacingAReservationInPlaceSendsNoStatusAndCancelsTheOldExpiry() {
        StationRuntime st = boot(2);
        st.reserve(reservation(st, 7, 1, "RES1", null, 1));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        assertEquals(ReservationStatus.ACCEPTED, st.reserve(reservation(st, 7, 1, "RES1", null, 60)));
        // the first reservation would have expired within this quiet period
        h.csms.assertNothing(r -> r instanceof StatusNotificationRequest, 1500);
        assertEquals(ChargePointStatus.RESERVED, st.connector(1).status());
        // moved to another connector: the new one becomes Reserved, the old one Available
        assertEquals(ReservationStatus.ACCEPTED, st.reserve(reservation(st, 7, 2, "RES1", null, 60)));
        h.csms.nextStatus(2, ChargePointStatus.RESERVED);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(ChargePointStatus.RESERVED, st.connector(2).status());
    }

    private StationRuntime bootWithConnectorZeroReservations(int connectors) {
        StationRuntime st = boot(connectors);
        h.profiles.add(profile(FeatureProfile.RESERVATION, ConfigurationKey.readOnly("ReserveConnectorZeroSupported", "true")), Map.of());
        return st;
    }

    @Test
    void rv2_tc050_1_connectorZeroIsFaultedWhenEveryConnectorIsFaulted() {
        StationRuntime st = bootWithConnectorZeroReservations(1);
        h.evse[1].fault(new HardwareFault(ChargePointErrorCode.GROUND_FAILURE, null, null, true));
        h.csms.nextStatus(1, ChargePointStatus.FAULTED);
        assertEquals(ReservationStatus.FAULTED, st.reserve(reservation(st, 1, 0, "RES0", null, 60)));
    }

    @Test
    void rv2_tc050_3_connectorZeroIsUnavailableWhenNoConnectorIsAvailableNorInUse() {
        StationRuntime st = bootWithConnectorZeroReservations(2);
        st.changeAvailability(1, AvailabilityType.INOPERATIVE);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);
        h.evse[2].fault(new HardwareFault(ChargePointErrorCode.GROUND_FAILURE, null, null, true));
        h.csms.nextStatus(2, ChargePointStatus.FAULTED);
        assertEquals(ReservationStatus.UNAVAILABLE, st.reserve(reservation(st, 1, 0, "RES0", null, 60)));
    }

    @Test
    void rv2_tc050_2_connectorZeroIsOccupiedWhenAConnectorIsInUse() {
        StationRuntime st = bootWithConnectorZeroReservations(2);
        h.evse[1].fault(new HardwareFault(ChargePointErrorCode.GROUND_FAILURE, null, null, true));
        h.csms.nextStatus(1, ChargePointStatus.FAULTED);
        h.evse[2].plugIn();
        h.csms.nextStatus(2, ChargePointStatus.PREPARING);
        assertEquals(ReservationStatus.OCCUPIED, st.reserve(reservation(st, 1, 0, "RES0", null, 60)));
    }

    @Test
    void reservationSurvivesAPowerCycle() {
        StationRuntime st = boot(1);
        st.reserve(reservation(st, 30, 1, "RES1", null, 120));
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        StationRuntime st2 = h.powerCycle();
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.RESERVED);
        assertTrue(st2.connector(1).status() == ChargePointStatus.RESERVED);
        assertEquals(CancelReservationStatus.ACCEPTED, st2.cancelReservation(30));
    }
}
