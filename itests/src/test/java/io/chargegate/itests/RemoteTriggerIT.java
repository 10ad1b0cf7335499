package io.chargegate.itests;

import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.TriggerMessageRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

/**
 * The RemoteTrigger profile bundle on the real runtime: TC_054 for StatusNotification, Heartbeat and MeterValues
 * (Accepted and the message sent), TC_055 (a connector that does not exist: Rejected), and the profile announced.
 * Needs {@code Station.trigger} in the runtime (station-bugs.md FR-1).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteTriggerIT extends StationTestBase {

    public RemoteTriggerIT() {
        super("io.chargegate.profile.remotetrigger");
    }

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-TRG", 2);
    }

    private TriggerMessageStatus trigger(MessageTrigger message, Integer connectorId) throws Exception {
        return call(cp, new TriggerMessageRequest(message, connectorId)).status();
    }

    /** SupportedFeatureProfiles lists RemoteTrigger while the bundle is active. */
    @Test
    public void profileIsAnnounced() throws Exception {
        ProfileChecks.assertProfileSupported(cp, "RemoteTrigger");
    }

    /** TC_054 StatusNotification for one connector: Accepted, then its current status is sent. */
    @Test
    public void tc054_statusNotificationOfOneConnector() throws Exception {
        int m = mark(cp);
        support.sim("plug", 2);
        awaitStatus(cp, m, 2, ChargePointStatus.PREPARING);
        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED, trigger(MessageTrigger.STATUS_NOTIFICATION, 2));
        awaitStatus(cp, t, 2, ChargePointStatus.PREPARING);
    }

    /** TC_054 StatusNotification without a connector: the status of connector 0 and of every connector is sent. */
    @Test
    public void tc054_statusNotificationOfEveryConnector() throws Exception {
        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED, trigger(MessageTrigger.STATUS_NOTIFICATION, null));
        awaitStatus(cp, t, 0, ChargePointStatus.AVAILABLE);
        awaitStatus(cp, t, 1, ChargePointStatus.AVAILABLE);
        awaitStatus(cp, t, 2, ChargePointStatus.AVAILABLE);
    }

    /** TC_054 Heartbeat: Accepted, then a Heartbeat is sent (HeartbeatInterval is 60 s, far beyond this test). */
    @Test
    public void tc054_heartbeat() throws Exception {
        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED, trigger(MessageTrigger.HEARTBEAT, null));
        awaitAfter(cp, t, Action.HEARTBEAT);
    }

    /** TC_054 MeterValues for a connector with a transaction: a sample with context Trigger and the transactionId. */
    @Test
    public void tc054_meterValuesDuringATransaction() throws Exception {
        int m = mark(cp);
        support.sim("tag", "TRIG54");
        support.sim("plug", 1);
        ReceivedMessage start = awaitAfter(cp, m, Action.START_TRANSACTION);
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED, trigger(MessageTrigger.METER_VALUES, 1));
        MeterValuesRequest values = awaitAfter(cp, t, x -> x.action() == Action.METER_VALUES
                && isTriggered((MeterValuesRequest) x.request())).request(MeterValuesRequest.class);
        assertEquals(1, values.connectorId());
        assertEquals(Integer.valueOf(transactionId), values.transactionId());
        assertNotNull("the energy register is sampled", Ocpp.energyWh(values.meterValue().get(0)));
    }

    /** TC_054 MeterValues for an idle connector: a sample with context Trigger, without a transactionId. */
    @Test
    public void tc054_meterValuesOfAnIdleConnector() throws Exception {
        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED, trigger(MessageTrigger.METER_VALUES, 2));
        MeterValuesRequest values = awaitAfter(cp, t, x -> x.action() == Action.METER_VALUES
                && isTriggered((MeterValuesRequest) x.request())).request(MeterValuesRequest.class);
        assertEquals(2, values.connectorId());
        assertNull(values.transactionId());
    }

    /** TC_055: a connector that does not exist -> Rejected, for connector-specific triggers. */
    @Test
    public void tc055_unknownConnectorIsRejected() throws Exception {
        assertEquals(TriggerMessageStatus.REJECTED, trigger(MessageTrigger.STATUS_NOTIFICATION, 3));
        assertEquals(TriggerMessageStatus.REJECTED, trigger(MessageTrigger.METER_VALUES, 3));
        assertEquals(TriggerMessageStatus.REJECTED, trigger(MessageTrigger.METER_VALUES, -1));
        // a valid request afterwards is still answered Accepted
        assertEquals(TriggerMessageStatus.ACCEPTED, trigger(MessageTrigger.STATUS_NOTIFICATION, 1));
    }

    private static boolean isTriggered(MeterValuesRequest request) {
        for (MeterValue value : request.meterValue()) {
            for (SampledValue sample : value.sampledValue()) {
                if (sample.context() == ReadingContext.TRIGGER) {
                    return true;
                }
            }
        }
        return false;
    }
}
