package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Locally started sessions, identification first: TC_004_1 and TC_004_2. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalSessionIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-LS", 1);
    }

    /** TC_004_1: tag first (Authorize, Preparing), then plug in: StartTransaction and Charging. */
    @Test
    public void identificationFirst() throws Exception {
        int m = mark(cp);
        support.sim("tag", "TAG041");
        assertEquals("TAG041", awaitAfter(cp, m, Action.AUTHORIZE).request(AuthorizeRequest.class).idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);
        assertTrue("no transaction before the EV is plugged in", all(cp, Action.START_TRANSACTION).isEmpty());

        support.sim("plug", 1);
        StartTransactionRequest start = awaitAfter(cp, m, Action.START_TRANSACTION)
                .request(StartTransactionRequest.class);
        assertEquals(1, start.connectorId());
        assertEquals("TAG041", start.idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
    }

    /** TC_004_2: tag presented but no EV within ConnectionTimeOut: back to Available, no transaction. */
    @Test
    public void identificationFirstConnectionTimeOut() throws Exception {
        Ocpp.configure(cp, "ConnectionTimeOut", "3");
        int m = mark(cp);
        support.sim("tag", "TAG042");
        awaitAfter(cp, m, Action.AUTHORIZE);
        int preparing = Ocpp.indexOf(cp, awaitAfter(cp, m, Ocpp.status(1, ChargePointStatus.PREPARING)));
        awaitStatus(cp, preparing + 1, 1, ChargePointStatus.AVAILABLE);

        // the authorization is gone: plugging in now only prepares, it starts nothing
        int later = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, later, 1, ChargePointStatus.PREPARING);
        assertTrue("no StartTransaction:\n" + Ocpp.describe(cp.received()), all(cp, Action.START_TRANSACTION).isEmpty());
    }
}
