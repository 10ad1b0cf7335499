package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.AuthorizeResponse;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import java.time.Duration;
import java.time.Instant;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

/**
 * The Reservation profile bundle on the real runtime: TC_046_1, TC_046_2, TC_047, TC_048_1..4, TC_049 (acceptance
 * only), TC_050_1..4, TC_051, TC_052, TC_053_1, TC_053_2, and the profile's key and SupportedFeatureProfiles entry.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReservationIT extends StationTestBase {

    public ReservationIT() {
        super("io.chargegate.profile.reservation");
    }

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-RSV", 1);
    }

    private ReservationStatus reserve(int connectorId, String idTag, int reservationId, Duration validFor)
            throws Exception {
        return call(cp, new ReserveNowRequest(connectorId, Instant.now().plus(validFor), idTag, reservationId))
                .status();
    }

    /** The profile's key exists while the bundle is active (default false) and the profile is announced. */
    @Test
    public void profileIsAnnouncedWithReserveConnectorZeroSupported() throws Exception {
        ProfileChecks.assertProfileSupported(cp, "Reservation");
        KeyValue zero = ProfileChecks.key(cp, "ReserveConnectorZeroSupported");
        assertEquals("false", zero.value());
        assertFalse(zero.readonly());
    }

    /**
     * TC_046_1: ReserveNow Accepted -> Reserved; another idTag cannot start there; the reserved idTag starts locally
     * and StartTransaction carries the reservationId.
     */
    @Test
    public void tc046_1_reservedConnectorIsUsedByTheReservedIdTag() throws Exception {
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED, reserve(1, "RES461", 461, Duration.ofMinutes(5)));
        awaitStatus(cp, m, 1, ChargePointStatus.RESERVED);

        int stranger = mark(cp);
        support.sim("tag", "STRANGER46");
        assertEquals("STRANGER46", awaitAfter(cp, stranger, Action.AUTHORIZE).request(AuthorizeRequest.class).idTag());
        support.sim("tag", "RES461");
        support.sim("plug", 1);
        // the first StartTransaction after the stranger's token is the reserved idTag's: the stranger did not start
        StartTransactionRequest start =
                awaitAfter(cp, stranger, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("RES461", start.idTag());
        assertEquals(Integer.valueOf(461), start.reservationId());
        awaitStatus(cp, stranger, 1, ChargePointStatus.CHARGING);
    }

    /** TC_047: a reservation that expires brings the connector back to Available. */
    @Test
    public void tc047_reservationExpires() throws Exception {
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED, reserve(1, "RES47", 47, Duration.ofSeconds(3)));
        int reserved = indexOfStatus(m, ChargePointStatus.RESERVED);
        awaitStatus(cp, reserved + 1, 1, ChargePointStatus.AVAILABLE);
        // expired: the id is gone
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(47)).status());
    }

    /** TC_048_1: ReserveNow for a faulted connector -> Faulted. */
    @Test
    public void tc048_1_faulted() throws Exception {
        int m = mark(cp);
        support.sim("fault", 1, "GroundFailure");
        awaitStatus(cp, m, 1, ChargePointStatus.FAULTED);
        assertEquals(ReservationStatus.FAULTED, reserve(1, "RES481", 481, Duration.ofMinutes(5)));
    }

    /** TC_048_2: ReserveNow for an occupied connector (EV plugged in) -> Occupied. */
    @Test
    public void tc048_2_occupied() throws Exception {
        int m = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);
        assertEquals(ReservationStatus.OCCUPIED, reserve(1, "RES482", 482, Duration.ofMinutes(5)));
    }

    /** TC_048_3: ReserveNow for an unavailable (Inoperative) connector -> Unavailable. */
    @Test
    public void tc048_3_unavailable() throws Exception {
        int m = mark(cp);
        assertEquals(AvailabilityStatus.ACCEPTED,
                call(cp, new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE)).status());
        awaitStatus(cp, m, 1, ChargePointStatus.UNAVAILABLE);
        assertEquals(ReservationStatus.UNAVAILABLE, reserve(1, "RES483", 483, Duration.ofMinutes(5)));
    }

    /**
     * TC_048_4: ReserveNow Rejected: connector 0 while ReserveConnectorZeroSupported is false, and a connector that
     * does not exist.
     */
    @Test
    public void tc048_4_rejected() throws Exception {
        assertEquals(ReservationStatus.REJECTED, reserve(0, "RES484", 484, Duration.ofMinutes(5)));
        assertEquals(ReservationStatus.REJECTED, reserve(7, "RES484", 485, Duration.ofMinutes(5)));
        assertEquals(ReservationStatus.REJECTED, reserve(-1, "RES484", 486, Duration.ofMinutes(5)));
        // nothing was reserved
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(484)).status());
    }

    /** TC_049 (acceptance): with ReserveConnectorZeroSupported=true a reservation of connector 0 is Accepted. */
    @Test
    public void tc049_connectorZeroAcceptedWhenSupported() throws Exception {
        Ocpp.configure(cp, "ReserveConnectorZeroSupported", "true");
        assertEquals(ReservationStatus.ACCEPTED, reserve(0, "RES49", 49, Duration.ofMinutes(5)));
        assertEquals(CancelReservationStatus.ACCEPTED, call(cp, new CancelReservationRequest(49)).status());
    }

    /** TC_051: CancelReservation of an existing reservation -> Accepted, connector Available. */
    @Test
    public void tc051_cancelReservation() throws Exception {
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED, reserve(1, "RES51", 51, Duration.ofMinutes(5)));
        int reserved = indexOfStatus(m, ChargePointStatus.RESERVED);
        assertEquals(CancelReservationStatus.ACCEPTED, call(cp, new CancelReservationRequest(51)).status());
        awaitStatus(cp, reserved + 1, 1, ChargePointStatus.AVAILABLE);
    }

    /** TC_052: CancelReservation of an unknown reservationId -> Rejected. */
    @Test
    public void tc052_cancelUnknownReservation() throws Exception {
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(52)).status());
    }

    /**
     * TC_046_2: ReserveNow Accepted -> Reserved; RemoteStartTransaction with the reserved idTag is Accepted and its
     * StartTransaction carries the reservationId.
     */
    @Test
    public void tc046_2_reservedConnectorIsUsedByARemoteStartOfTheReservedIdTag() throws Exception {
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED, reserve(1, "RES462", 462, Duration.ofMinutes(5)));
        awaitStatus(cp, m, 1, ChargePointStatus.RESERVED);
        int remote = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("RES462").withConnectorId(1)).status());
        support.sim("plug", 1);
        StartTransactionRequest start =
                awaitAfter(cp, remote, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("RES462", start.idTag());
        assertEquals(Integer.valueOf(462), start.reservationId());
        awaitStatus(cp, remote, 1, ChargePointStatus.CHARGING);
        // the reservation was used up by the transaction
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(462)).status());
    }

    /**
     * TC_050_1: with ReserveConnectorZeroSupported=true, ReserveNow for connector 0 while the charge point's only
     * connector is Faulted -> Faulted (OCPP 1.6 §5.13: Faulted when the charge point or the connector is faulted).
     */
    @Test
    public void tc050_1_connectorZeroFaulted() throws Exception {
        Ocpp.configure(cp, "ReserveConnectorZeroSupported", "true");
        int m = mark(cp);
        support.sim("fault", 1, "GroundFailure");
        awaitStatus(cp, m, 1, ChargePointStatus.FAULTED);
        assertEquals(ReservationStatus.FAULTED, reserve(0, "RES501", 501, Duration.ofMinutes(5)));
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(501)).status());
    }

    /** TC_050_2: connector 0 reservation while the only connector is occupied (EV plugged in) -> Occupied. */
    @Test
    public void tc050_2_connectorZeroOccupied() throws Exception {
        Ocpp.configure(cp, "ReserveConnectorZeroSupported", "true");
        int m = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);
        assertEquals(ReservationStatus.OCCUPIED, reserve(0, "RES502", 502, Duration.ofMinutes(5)));
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(502)).status());
    }

    /** TC_050_3: connector 0 reservation while the charge point is Inoperative (ChangeAvailability 0) -> Unavailable. */
    @Test
    public void tc050_3_connectorZeroUnavailable() throws Exception {
        Ocpp.configure(cp, "ReserveConnectorZeroSupported", "true");
        int m = mark(cp);
        assertEquals(AvailabilityStatus.ACCEPTED,
                call(cp, new ChangeAvailabilityRequest(0, AvailabilityType.INOPERATIVE)).status());
        awaitStatus(cp, m, 1, ChargePointStatus.UNAVAILABLE);
        assertEquals(ReservationStatus.UNAVAILABLE, reserve(0, "RES503", 503, Duration.ofMinutes(5)));
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(503)).status());
    }

    /**
     * TC_050_4: connector 0 reservation Rejected: while ReserveConnectorZeroSupported is false (the charge point is
     * not configured to reserve connector 0), and, with it true, for an expiryDate already past (the runtime's rule:
     * a reservation that could never be used is not made). A valid one is then Accepted.
     */
    @Test
    public void tc050_4_connectorZeroRejected() throws Exception {
        assertEquals(ReservationStatus.REJECTED, reserve(0, "RES504", 504, Duration.ofMinutes(5)));
        Ocpp.configure(cp, "ReserveConnectorZeroSupported", "true");
        assertEquals(ReservationStatus.REJECTED, reserve(0, "RES504", 504, Duration.ofMinutes(-1)));
        assertEquals(CancelReservationStatus.REJECTED, call(cp, new CancelReservationRequest(504)).status());
        assertEquals(ReservationStatus.ACCEPTED, reserve(0, "RES504", 504, Duration.ofMinutes(5)));
    }

    /**
     * TC_053_1: the reservation names a parentIdTag (ReserveNow.req's optional {@code parentIdTag}, kept by the
     * runtime with the reservation -- so the station need not know the reserved idTag's parent from its local list
     * or cache); another idTag whose Authorize answer has the same parentIdTag may use it locally and its
     * StartTransaction carries the reservationId. An idTag of another group may not.
     */
    @Test
    public void tc053_1_idTagWithTheReservationsParentIdTagStartsLocally() throws Exception {
        answerAuthorizeWithParents();
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED, call(cp, new ReserveNowRequest(1, Instant.now().plus(Duration.ofMinutes(5)),
                "RES531", 531).withParentIdTag("GROUP53")).status());
        awaitStatus(cp, m, 1, ChargePointStatus.RESERVED);

        int other = mark(cp);
        support.sim("tag", "OTHER-GROUP");
        assertEquals("OTHER-GROUP", awaitAfter(cp, other, Action.AUTHORIZE).request(AuthorizeRequest.class).idTag());
        support.sim("tag", "CHILD-GROUP53");
        support.sim("plug", 1);
        StartTransactionRequest start =
                awaitAfter(cp, other, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("CHILD-GROUP53", start.idTag());
        assertEquals(Integer.valueOf(531), start.reservationId());
        awaitStatus(cp, other, 1, ChargePointStatus.CHARGING);
    }

    /**
     * TC_053_2: as TC_053_1 through RemoteStartTransaction: the runtime does not know the parent of the remote idTag
     * locally, so it sends Authorize (whose answer names the reservation's parentIdTag) before it starts.
     */
    @Test
    public void tc053_2_idTagWithTheReservationsParentIdTagStartsRemotely() throws Exception {
        answerAuthorizeWithParents();
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED, call(cp, new ReserveNowRequest(1, Instant.now().plus(Duration.ofMinutes(5)),
                "RES532", 532).withParentIdTag("GROUP53")).status());
        awaitStatus(cp, m, 1, ChargePointStatus.RESERVED);
        int remote = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("CHILD-GROUP53").withConnectorId(1)).status());
        assertEquals("CHILD-GROUP53", awaitAfter(cp, remote, Action.AUTHORIZE).request(AuthorizeRequest.class).idTag());
        support.sim("plug", 1);
        StartTransactionRequest start =
                awaitAfter(cp, remote, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("CHILD-GROUP53", start.idTag());
        assertEquals(Integer.valueOf(532), start.reservationId());
        awaitStatus(cp, remote, 1, ChargePointStatus.CHARGING);
    }

    /** Authorize is Accepted with parentIdTag GROUP53 for idTags ending in "-GROUP53", OTHER53 for the rest. */
    private void answerAuthorizeWithParents() {
        cp.setResponder(Action.AUTHORIZE, (AuthorizeRequest r) -> new AuthorizeResponse(
                new IdTagInfo(AuthorizationStatus.ACCEPTED).withParentIdTag(
                        r.idTag().endsWith("-GROUP53") ? "GROUP53" : "OTHER53")));
    }

    /** Waits for a StatusNotification of connector 1 with {@code status} after {@code mark}; returns its position. */
    private int indexOfStatus(int mark, ChargePointStatus status) throws InterruptedException {
        return Ocpp.indexOf(cp, awaitAfter(cp, mark, Ocpp.status(1, status)));
    }
}
