package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.Reason;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The CSMS goes away during and around a transaction and comes back on the same port: TC_036 (meter values
 * queued while offline), TC_038 (stop while offline), TC_039 (start and stop while offline). Every queued message
 * must arrive once, in order, with the real transaction id.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class OfflineIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        startCsms("CP-OFF");
        support.startSimulator(1);
    }

    /**
     * TC_036 + TC_038: charging online, the CSMS stops, meter values are sampled offline, the driver stops the
     * session locally; the CSMS comes back: the queued MeterValues (in chronological order, before the stop) and
     * the StopTransaction with the real transactionId arrive exactly once, without a new boot; the station resumes.
     */
    @Test
    public void connectionLossDuringTransactionAndOfflineStop() throws Exception {
        ChargePointConnection first = support.startStation(1, null);
        awaitStatus(first, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(first, "MeterValueSampleInterval", "2");
        support.sim("plug", 1);
        support.sim("tag", "OFF36");
        ReceivedMessage start = first.await(Action.START_TRANSACTION, Ocpp.WAIT);
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        awaitStatus(first, 0, 1, ChargePointStatus.CHARGING);
        first.await(m -> m.action() == Action.METER_VALUES
                && Objects.equals(((MeterValuesRequest) m.request()).transactionId(), transactionId), Ocpp.WAIT);

        support.stopCsms();
        // a few sampling intervals pass offline (the samples are queued), then the EV driver stops locally
        Thread.sleep(5000);
        support.sim("stop", 1);
        awaitTrue("contactor opened after the local stop", () -> simStatus().contains("contactor=open"));

        int port = support.csmsPort();
        ChargePointConnection second = support.restartCsms().awaitChargePoint(support.chargePointId, Ocpp.WAIT);
        assertEquals("the CSMS is back on the same port", port, support.csms.port());
        ReceivedMessage stop = second.await(Action.STOP_TRANSACTION, Ocpp.WAIT);
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertEquals("the real transactionId", transactionId, stopReq.transactionId());
        assertTrue("reason Local or omitted", stopReq.reason() == null || stopReq.reason() == Reason.LOCAL);
        awaitStatus(second, 0, 1, ChargePointStatus.FINISHING);

        // queued while offline, delivered after the reconnect, before the StopTransaction
        List<ReceivedMessage> delivered = second.received();
        int stopAt = indexOf(second, stop);
        List<MeterValuesRequest> queued = Ocpp.meterValues(delivered.subList(0, stopAt), transactionId);
        assertFalse("MeterValues sampled offline are delivered after the reconnect:\n" + Ocpp.describe(delivered),
                queued.isEmpty());
        assertTrue("no transaction MeterValues after its StopTransaction:\n" + Ocpp.describe(delivered),
                Ocpp.meterValues(delivered.subList(stopAt, delivered.size()), transactionId).isEmpty());

        List<ReceivedMessage> everything = new ArrayList<>(first.received());
        everything.addAll(second.received());
        assertDeliveredOnceInOrder(everything, transactionId, stopReq);

        // resumes: a new session goes through on the same connection (with another transaction id, so the first
        // transaction's messages stay recognisable)
        second.setResponder(Action.START_TRANSACTION, (StartTransactionRequest r) ->
                new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED), transactionId + 100));
        int resume = mark(second);
        support.sim("unplug", 1);
        awaitStatus(second, resume, 1, ChargePointStatus.AVAILABLE);
        support.sim("plug", 1);
        support.sim("tag", "OFF36B");
        awaitAfter(second, resume, Action.START_TRANSACTION);
        awaitStatus(second, resume, 1, ChargePointStatus.CHARGING);

        assertTrue("no BootNotification after the reconnect:\n" + Ocpp.describe(second.received()),
                all(second, Action.BOOT_NOTIFICATION).isEmpty());
        // nothing of the first transaction came again meanwhile
        everything = new ArrayList<>(first.received());
        everything.addAll(second.received());
        assertDeliveredOnceInOrder(everything, transactionId, stopReq);
        assertEquals("one StartTransaction of the first session", 1, everything.stream()
                .filter(m -> m.action() == Action.START_TRANSACTION
                        && ((StartTransactionRequest) m.request()).idTag().equals("OFF36")).count());
    }

    /**
     * TC_039: start and stop while offline (AllowOfflineTxForUnknownId); after the reconnect StartTransaction, the
     * MeterValues and StopTransaction arrive in order, and the MeterValues and the StopTransaction carry the
     * transactionId the CSMS gave in its StartTransaction answer.
     */
    @Test
    public void offlineTransaction() throws Exception {
        ChargePointConnection first = support.startStation(1, null);
        awaitStatus(first, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(first, "MeterValueSampleInterval", "2");
        Ocpp.configure(first, "LocalAuthorizeOffline", "true");
        Ocpp.configure(first, "AllowOfflineTxForUnknownId", "true");

        support.stopCsms();
        support.sim("plug", 1);
        support.sim("tag", "OFF39");
        awaitTrue("charging offline (contactor closed)", () -> simStatus().contains("contactor=closed"));
        Thread.sleep(5000); // a few sampling intervals offline
        support.sim("stop", 1);
        awaitTrue("contactor opened after the local stop", () -> simStatus().contains("contactor=open"));

        ChargePointConnection second = support.restartCsms().awaitChargePoint(support.chargePointId, Ocpp.WAIT);
        ReceivedMessage start = second.await(Action.START_TRANSACTION, Ocpp.WAIT);
        ReceivedMessage stop = second.await(Action.STOP_TRANSACTION, Ocpp.WAIT);
        assertEquals("OFF39", start.request(StartTransactionRequest.class).idTag());
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertEquals("StopTransaction carries the id the CSMS assigned", transactionId, stopReq.transactionId());
        assertTrue("StartTransaction before StopTransaction", indexOf(second, start) < indexOf(second, stop));
        assertTrue("started before it stopped",
                !start.request(StartTransactionRequest.class).timestamp().isAfter(stopReq.timestamp()));

        List<ReceivedMessage> delivered = second.received();
        for (int i = 0; i < delivered.size(); i++) {
            ReceivedMessage m = delivered.get(i);
            if (m.action() == Action.METER_VALUES && ((MeterValuesRequest) m.request()).connectorId() == 1
                    && i < indexOf(second, stop)) {
                Integer tx = ((MeterValuesRequest) m.request()).transactionId();
                assertTrue("transaction MeterValues follow the StartTransaction:\n" + Ocpp.describe(delivered),
                        tx == null || i > indexOf(second, start));
                assertTrue("MeterValues of the offline transaction carry the real id, not a placeholder:\n"
                        + Ocpp.describe(delivered), tx == null || tx == transactionId);
            }
        }
        assertFalse("MeterValues sampled offline are delivered:\n" + Ocpp.describe(delivered),
                Ocpp.meterValues(delivered, transactionId).isEmpty());
        awaitStatus(second, 0, 1, ChargePointStatus.FINISHING);
        assertTrue("no BootNotification after the reconnect", all(second, Action.BOOT_NOTIFICATION).isEmpty());
        assertTrue("nothing of the offline transaction reached the stopped CSMS",
                all(first, Action.START_TRANSACTION).isEmpty());
        assertDeliveredOnceInOrder(delivered, transactionId, stopReq);
    }

    /**
     * The transaction's MeterValues are unique by content, their timestamps never decrease and are not after the
     * StopTransaction's; there is exactly one StopTransaction.
     */
    private static void assertDeliveredOnceInOrder(List<ReceivedMessage> messages, int transactionId,
                                                   StopTransactionRequest stop) {
        List<MeterValuesRequest> meterValues = Ocpp.meterValues(messages, transactionId);
        assertEquals("no MeterValues delivered twice:\n" + Ocpp.describe(messages),
                meterValues.size(), new HashSet<>(meterValues).size());
        Instant previous = Instant.MIN;
        for (MeterValuesRequest r : meterValues) {
            for (MeterValue v : r.meterValue()) {
                assertNotNull(v.timestamp());
                assertFalse("MeterValues in chronological order:\n" + Ocpp.describe(messages),
                        v.timestamp().isBefore(previous));
                assertFalse("MeterValues not after the StopTransaction:\n" + Ocpp.describe(messages),
                        v.timestamp().isAfter(stop.timestamp()));
                previous = v.timestamp();
            }
        }
        assertEquals("exactly one StopTransaction:\n" + Ocpp.describe(messages), 1, messages.stream()
                .filter(m -> m.action() == Action.STOP_TRANSACTION
                        && ((StopTransactionRequest) m.request()).transactionId() == transactionId).count());
        // nothing at all was delivered twice (Heartbeat requests are empty, so equal by content)
        List<Object> requests = messages.stream().filter(m -> m.action() != Action.HEARTBEAT)
                .map(m -> (Object) m.request()).toList();
        assertEquals("no message delivered twice:\n" + Ocpp.describe(messages),
                requests.size(), new HashSet<>(requests).size());
    }
}
