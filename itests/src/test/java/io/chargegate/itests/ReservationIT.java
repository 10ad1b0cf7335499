package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityRequest;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.ReservationStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import javax.inject.Inject;
import java.time.Duration;
import java.time.Instant;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.CoreOptions.options;

/**
 * The Reservation profile bundle on the real runtime: TC_046_1, TC_047, TC_048_1..4, TC_049 (acceptance only),
 * TC_051, TC_052, and the profile's key and SupportedFeatureProfiles entry.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReservationIT {

    @Inject
    private BundleContext context;

    private StationSupport support;
    private ChargePointConnection cp;

    @Configuration
    public Option[] config() {
        return options(ChargeGateOptions.runtime(),
                ChargeGateOptions.chargegate("io.chargegate.driver.simulator"),
                ChargeGateOptions.chargegate("io.chargegate.profile.core"),
                ChargeGateOptions.chargegate("io.chargegate.profile.reservation"));
    }

    @Before
    public void setUp() throws Exception {
        // one identity per test: the Felix instance is shared by the class
        support = new StationSupport(context, "CP-RSV-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        support.startCsms();
        support.startSimulator(1);
        cp = support.startStation(1, null);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
    }

    @After
    public void tearDown() throws Exception {
        support.close();
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

    /** Waits for a StatusNotification of connector 1 with {@code status} after {@code mark}; returns its position. */
    private int indexOfStatus(int mark, ChargePointStatus status) throws InterruptedException {
        return Ocpp.indexOf(cp, awaitAfter(cp, mark, Ocpp.status(1, status)));
    }
}
