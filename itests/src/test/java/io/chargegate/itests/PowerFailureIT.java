package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import java.util.Dictionary;
import java.util.Hashtable;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * TC_032_1 (power failure with backup power: stop the transactions before going down) on the real bundles with the
 * simulator and the demo CSMS. {@code sim:power fail} makes the simulator's SystemDriver report mains lost to the
 * runtime's power sink; {@code sim:power restore} reports mains back. A power cycle stops and starts the station and
 * simulator bundles ({@link StationSupport#powerCycle}); the restarted simulator runs on mains.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PowerFailureIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        Dictionary<String, Object> csms = new Hashtable<>();
        csms.put("heartbeatInterval", 3600); // no heartbeat comes between the power failure and its StopTransaction
        startCsms(perTestId("CP-PF"), csms);
    }

    /**
     * TC_032_1: during a transaction mains power fails and the charge point runs on backup power: StopTransaction
     * (its transactionId, reason PowerLoss, meterStop not below meterStart) is the first message, then connector 1
     * (EV still plugged in) is Finishing as the checklist expects, connector 0 Unavailable, the contactor is open. The backup runs out (power cycle): BootNotification and
     * statuses, and no second StopTransaction once the queue is empty.
     */
    @Test
    public void tc032_1_powerFailureWithBackupStopsTheTransactionBeforeGoingDown() throws Exception {
        ChargePointConnection cp = startStation();
        int transactionId = startSession(cp, "POWER321");
        StartTransactionRequest start = all(cp, Action.START_TRANSACTION).get(0).request(StartTransactionRequest.class);

        int m = mark(cp);
        support.sim("power", "fail", 30);
        ReceivedMessage stop = awaitAfter(cp, m, Action.STOP_TRANSACTION);
        assertEquals("StopTransaction before anything else:\n" + Ocpp.describe(cp.received()), m, indexOf(cp, stop));
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertEquals(transactionId, stopReq.transactionId());
        assertEquals(Reason.POWER_LOSS, stopReq.reason());
        assertNull("no idTag on a stop the charge point made itself", stopReq.idTag());
        assertTrue("meterStop " + stopReq.meterStop() + " >= meterStart " + start.meterStart(),
                stopReq.meterStop() >= start.meterStart());
        ReceivedMessage finishing1 = awaitAfter(cp, m, Ocpp.status(1, ChargePointStatus.FINISHING));
        ReceivedMessage unavailable0 = awaitAfter(cp, m, Ocpp.status(0, ChargePointStatus.UNAVAILABLE));
        assertTrue("the statuses follow the StopTransaction:\n" + Ocpp.describe(cp.received()),
                indexOf(cp, stop) < indexOf(cp, finishing1) && indexOf(cp, stop) < indexOf(cp, unavailable0));
        awaitTrue("the contactor opens and the EVSE is disabled: " + simStatus(),
                () -> simStatus().contains("contactor=open") && simStatus().contains("enabled=false"));

        int beforeCycle = mark(cp);
        support.powerCycle();
        ReceivedMessage boot = awaitAfter(cp, beforeCycle, Action.BOOT_NOTIFICATION);
        int afterBoot = indexOf(cp, boot) + 1;
        awaitAfter(cp, afterBoot, Ocpp.status(0, ChargePointStatus.values()));
        StatusNotificationRequest status1 = awaitAfter(cp, afterBoot, Ocpp.status(1, ChargePointStatus.values()))
                .request(StatusNotificationRequest.class);
        assertEquals("back in service after the reboot, the EV still plugged in", ChargePointStatus.PREPARING,
                status1.status());
        // the restarted runtime stops transactions cut off by a power loss when its boot is accepted; once it is
        // accepted with an empty queue, every StopTransaction it would send has been answered
        Station station = support.service(Station.class, "(chargegate.station=" + support.chargePointId + ")");
        awaitTrue("the restarted station is Accepted with an empty queue", () -> {
            StationStatus s = station.status();
            return s.registration() == RegistrationStatus.ACCEPTED && s.bootCount() >= 1 && s.queueDepth() == 0;
        });
        assertTrue("no transaction after the reboot", station.status().transactions().isEmpty());
        assertEquals("one boot per power-up", 2, all(cp, Action.BOOT_NOTIFICATION).size());
        assertEquals("exactly one StopTransaction (none after the reboot):\n" + Ocpp.describe(cp.received()), 1,
                all(cp, Action.STOP_TRANSACTION).size());
        assertEquals("no new transaction", 1, all(cp, Action.START_TRANSACTION).size());
    }

    /**
     * Mains comes back before the backup runs out (no reboot): while on backup a RemoteStart is Rejected; the EV
     * leaves; on restore the connectors return to Available and the EVSE is enabled again.
     */
    @Test
    public void powerRestoredWithoutRebootMakesTheConnectorsAvailableAgain() throws Exception {
        ChargePointConnection cp = startStation();
        int transactionId = startSession(cp, "POWER321R");

        int m = mark(cp);
        support.sim("power", "fail");
        StopTransactionRequest stop = awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class);
        assertEquals(transactionId, stop.transactionId());
        assertEquals(Reason.POWER_LOSS, stop.reason());
        awaitStatus(cp, m, 1, ChargePointStatus.FINISHING);
        awaitStatus(cp, m, 0, ChargePointStatus.UNAVAILABLE);
        assertEquals("no new start on backup power", RemoteStartStopStatus.REJECTED,
                call(cp, new RemoteStartTransactionRequest(1, "POWER321X", null)).status());
        int u = mark(cp);
        support.sim("unplug", 1);
        awaitStatus(cp, u, 1, ChargePointStatus.UNAVAILABLE); // the EV left; still no new start on backup power

        int r = mark(cp);
        support.sim("power", "restore");
        awaitStatus(cp, r, 1, ChargePointStatus.AVAILABLE);
        awaitStatus(cp, r, 0, ChargePointStatus.AVAILABLE);
        awaitTrue("the EVSE is enabled again: " + simStatus(), () -> simStatus().contains("enabled=true"));
        assertEquals("no reboot", 1, all(cp, Action.BOOT_NOTIFICATION).size());
        assertEquals("exactly one StopTransaction", 1, all(cp, Action.STOP_TRANSACTION).size());
        assertEquals("no transaction was started on backup power", 1, all(cp, Action.START_TRANSACTION).size());
    }

    // ---- helpers

    /** Starts a one-connector simulator and the station; sampled meter values off, so nothing else is sent. */
    private ChargePointConnection startStation() throws Exception {
        support.startSimulator(1);
        ChargePointConnection cp = support.startStation(1, null);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(cp, "MeterValueSampleInterval", "0");
        Ocpp.configure(cp, "ClockAlignedDataInterval", "0");
        return cp;
    }
}
