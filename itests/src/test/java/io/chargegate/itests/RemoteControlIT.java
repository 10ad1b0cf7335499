package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Remote start and stop: TC_010, TC_011_1, TC_011_2, TC_012, TC_026, TC_027, TC_028. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteControlIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-RC", 1);
    }

    /** TC_010: cable plugged in first, then RemoteStartTransaction: StartTransaction, Charging. */
    @Test
    public void remoteStartCablePluggedInFirst() throws Exception {
        int m = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("REMOTE10").withConnectorId(1)).status());
        StartTransactionRequest start = awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals(1, start.connectorId());
        assertEquals("REMOTE10", start.idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
    }

    /** TC_011_1: RemoteStartTransaction first, then the EV is plugged in: StartTransaction, Charging. */
    @Test
    public void remoteStartFirst() throws Exception {
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("REMOTE11").withConnectorId(1)).status());
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);
        assertTrue("no transaction before the EV is plugged in", all(cp, Action.START_TRANSACTION).isEmpty());
        support.sim("plug", 1);
        StartTransactionRequest start = awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("REMOTE11", start.idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
    }

    /** TC_011_2: RemoteStartTransaction Accepted but no EV within ConnectionTimeOut: Available, no transaction. */
    @Test
    public void remoteStartTimesOut() throws Exception {
        Ocpp.configure(cp, "ConnectionTimeOut", "3");
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("REMOTE112").withConnectorId(1)).status());
        int preparing = Ocpp.indexOf(cp, awaitAfter(cp, m, Ocpp.status(1, ChargePointStatus.PREPARING)));
        awaitStatus(cp, preparing + 1, 1, ChargePointStatus.AVAILABLE);
        int later = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, later, 1, ChargePointStatus.PREPARING);
        assertTrue("no StartTransaction:\n" + Ocpp.describe(cp.received()), all(cp, Action.START_TRANSACTION).isEmpty());
    }

    /** TC_012: RemoteStopTransaction of the running transaction: StopTransaction reason Remote, Finishing. */
    @Test
    public void remoteStop() throws Exception {
        int transactionId = startSession("REMOTE12");
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED, call(cp, new RemoteStopTransactionRequest(transactionId)).status());
        StopTransactionRequest stop = awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class);
        assertEquals(transactionId, stop.transactionId());
        assertEquals(Reason.REMOTE, stop.reason());
        awaitStatus(cp, m, 1, ChargePointStatus.FINISHING);
    }

    /** TC_026: RemoteStartTransaction on a connector with a running transaction is Rejected; it keeps running. */
    @Test
    public void remoteStartOnOccupiedConnectorIsRejected() throws Exception {
        startSession("REMOTE26");
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.REJECTED,
                call(cp, new RemoteStartTransactionRequest("OTHER26").withConnectorId(1)).status());
        assertEquals(1, all(cp, Action.START_TRANSACTION).size());
        assertTrue("no StopTransaction", all(cp, Action.STOP_TRANSACTION).isEmpty());
        assertTrue("no status change of connector 1 after the rejection:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(m, mark(cp)).stream().noneMatch(x -> Ocpp.status(1,
                        ChargePointStatus.values()).test(x)));
        assertTrue("still charging: " + support.sim("status"), String.valueOf(support.sim("status"))
                .contains("contactor=closed"));
    }

    /** TC_027: RemoteStartTransaction for connectorId 0 is Rejected. */
    @Test
    public void remoteStartOnConnectorZeroIsRejected() throws Exception {
        support.sim("plug", 1);
        assertEquals(RemoteStartStopStatus.REJECTED,
                call(cp, new RemoteStartTransactionRequest("REMOTE27").withConnectorId(0)).status());
        // a correct request afterwards still works, so the rejection was about connector 0
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("REMOTE27").withConnectorId(1)).status());
        assertEquals("REMOTE27", cp.await(Action.START_TRANSACTION, Ocpp.WAIT)
                .request(StartTransactionRequest.class).idTag());
        assertEquals(1, all(cp, Action.START_TRANSACTION).size());
    }

    /** TC_028: RemoteStopTransaction with an unknown transactionId is Rejected; the running one continues. */
    @Test
    public void remoteStopOfUnknownTransactionIsRejected() throws Exception {
        int transactionId = startSession("REMOTE28");
        assertEquals(RemoteStartStopStatus.REJECTED,
                call(cp, new RemoteStopTransactionRequest(transactionId + 4242)).status());
        assertTrue("no StopTransaction", all(cp, Action.STOP_TRANSACTION).isEmpty());
        // the real one can still be stopped
        assertEquals(RemoteStartStopStatus.ACCEPTED, call(cp, new RemoteStopTransactionRequest(transactionId)).status());
        assertEquals(transactionId, cp.await(Action.STOP_TRANSACTION, Ocpp.WAIT)
                .request(StopTransactionRequest.class).transactionId());
    }
}
