package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;

/**
 * The station reconnects by itself, during a transaction, after the CSMS closed the WebSocket and after the TCP
 * connection was reset; it does not boot again (one BootNotification per power-up) and its queue resumes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ReconnectIT extends StationTestBase {

    private TcpProxy proxy;

    @Before
    public void setUp() throws Exception {
        startCsms("CP-RECON");
        support.startSimulator(1);
    }

    @After
    public void tearDown() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The CSMS closes the WebSocket (1000) while charging: the station reconnects and carries on. */
    @Test
    public void reconnectAfterServerClose() throws Exception {
        ChargePointConnection cp = support.startStation(1, null);
        int transactionId = charging(cp);
        cp.disconnect();
        reconnectedAndResumes(cp, transactionId);
    }

    /** The TCP connection is reset (no close frame, RST) while charging: the station reconnects and carries on. */
    @Test
    public void reconnectAfterTcpReset() throws Exception {
        proxy = new TcpProxy(support.csmsPort());
        Hashtable<String, Object> extra = new Hashtable<>();
        extra.put("csmsUrl", "ws://127.0.0.1:" + proxy.port() + "/ocpp");
        ChargePointConnection cp = support.startStation(1, extra);
        int transactionId = charging(cp);
        proxy.reset();
        reconnectedAndResumes(cp, transactionId);
    }

    private int charging(ChargePointConnection cp) throws Exception {
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(cp, "MeterValueSampleInterval", "2");
        int m = mark(cp);
        support.sim("plug", 1);
        support.sim("tag", "RECON1");
        ReceivedMessage start = awaitAfter(cp, m, Action.START_TRANSACTION);
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        awaitAfter(cp, m, x -> x.action() == Action.METER_VALUES
                && Objects.equals(((MeterValuesRequest) x.request()).transactionId(), transactionId));
        assertEquals(1, cp.connectCount());
        return transactionId;
    }

    private void reconnectedAndResumes(ChargePointConnection cp, int transactionId) throws Exception {
        awaitTrue("the station reconnects (connectCount 2, connected), now " + cp, () ->
                cp.connectCount() >= 2 && cp.isConnected());
        int afterReconnect = mark(cp);
        // the transaction's meter values flow again on the new connection
        awaitAfter(cp, afterReconnect, x -> x.action() == Action.METER_VALUES
                && Objects.equals(((MeterValuesRequest) x.request()).transactionId(), transactionId));
        // and a transaction message sent now arrives
        support.sim("stop", 1);
        StopTransactionRequest stop = awaitAfter(cp, afterReconnect, Action.STOP_TRANSACTION)
                .request(StopTransactionRequest.class);
        assertEquals(transactionId, stop.transactionId());
        awaitStatus(cp, afterReconnect, 1, ChargePointStatus.FINISHING);

        assertEquals("one BootNotification per power-up, none after a reconnect:\n" + Ocpp.describe(cp.received()),
                1, all(cp, Action.BOOT_NOTIFICATION).size());
        assertEquals(2, cp.connectCount());
        assertEquals(1, all(cp, Action.START_TRANSACTION).size());
        assertEquals(1, all(cp, Action.STOP_TRANSACTION).size());
        List<MeterValuesRequest> meterValues = Ocpp.meterValues(cp.received(), transactionId);
        assertEquals("no MeterValues delivered twice:\n" + Ocpp.describe(cp.received()),
                meterValues.size(), new HashSet<>(meterValues).size());
    }
}
