package io.chargegate.itests;

import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Reset with a running transaction: TC_015 (Hard) and TC_016 (Soft). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ResetIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-RESET", 1);
    }

    /** TC_015: Reset Hard: StopTransaction reason HardReset, then a new BootNotification and status reports. */
    @Test
    public void hardResetWithTransaction() throws Exception {
        resetWithTransaction(ResetType.HARD, Reason.HARD_RESET);
    }

    /** TC_016: Reset Soft: StopTransaction reason SoftReset, then a new BootNotification and status reports. */
    @Test
    public void softResetWithTransaction() throws Exception {
        resetWithTransaction(ResetType.SOFT, Reason.SOFT_RESET);
    }

    private void resetWithTransaction(ResetType type, Reason expected) throws Exception {
        int m = mark(cp);
        support.sim("plug", 1);
        support.sim("tag", "RESET01");
        ReceivedMessage start = awaitAfter(cp, m, Action.START_TRANSACTION);
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);

        int beforeReset = mark(cp);
        assertEquals(ResetStatus.ACCEPTED, call(cp, new ResetRequest(type)).status());
        ReceivedMessage stop = awaitAfter(cp, beforeReset, Action.STOP_TRANSACTION);
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertEquals(transactionId, stopReq.transactionId());
        assertEquals(expected, stopReq.reason());

        ReceivedMessage boot = awaitAfter(cp, beforeReset, Action.BOOT_NOTIFICATION);
        assertTrue("StopTransaction before the new BootNotification:\n" + Ocpp.describe(cp.received()),
                indexOf(cp, stop) < indexOf(cp, boot));
        assertEquals("one boot per power-up: the first and the one after the reset", 2,
                all(cp, Action.BOOT_NOTIFICATION).size());
        int afterBoot = indexOf(cp, boot) + 1;
        awaitStatus(cp, afterBoot, 0, ChargePointStatus.AVAILABLE);
        // the EV is still plugged in after the reboot, no transaction runs
        awaitStatus(cp, afterBoot, 1, ChargePointStatus.PREPARING, ChargePointStatus.FINISHING,
                ChargePointStatus.AVAILABLE);
        assertEquals("no transaction restarted by itself", 1, all(cp, Action.START_TRANSACTION).size());
        assertEquals("exactly one StopTransaction", 1, all(cp, Action.STOP_TRANSACTION).size());
    }
}
