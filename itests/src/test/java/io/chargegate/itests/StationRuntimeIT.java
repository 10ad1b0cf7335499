package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Reason;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * One charger charging end to end in a real Felix: the real bundles, the simulator driver, the Core profile and the
 * demo CSMS as test CSMS on a loopback WebSocket.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class StationRuntimeIT extends StationTestBase {

    private static final Duration WAIT = StationSupport.WAIT;

    @Before
    public void setUp() throws Exception {
        startCsms("CP-IT");
        support.startSimulator(2);
    }

    /** TC_001: BootNotification, then StatusNotification Available for connector 0 and every connector. */
    @Test
    public void coldBoot() throws Exception {
        ChargePointConnection cp = support.startStation(2, null);
        ReceivedMessage boot = cp.await(Action.BOOT_NOTIFICATION, WAIT);
        BootNotificationRequest req = boot.request(BootNotificationRequest.class);
        assertNotNull(req.chargePointVendor());
        for (int connector = 0; connector <= 2; connector++) {
            int c = connector;
            ReceivedMessage status = cp.await(m -> m.action() == Action.STATUS_NOTIFICATION
                    && ((StatusNotificationRequest) m.request()).connectorId() == c, WAIT);
            assertEquals(ChargePointStatus.AVAILABLE, ((StatusNotificationRequest) status.request()).status());
        }
        assertEquals(1, cp.connectCount());
    }

    /** TC_003: plug in first, then present a tag: Preparing, Authorize, StartTransaction, Charging, MeterValues; local stop. */
    @Test
    public void plugInFirstSessionAndLocalStop() throws Exception {
        ChargePointConnection cp = support.startStation(2, null);
        awaitStatus(cp, 1, ChargePointStatus.AVAILABLE);
        cp.call(new io.chargegate.ocpp.model.messages.ChangeConfigurationRequest("MeterValueSampleInterval", "2"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        support.sim("plug", 1);
        awaitStatus(cp, 1, ChargePointStatus.PREPARING);
        support.sim("tag", "04E1A2B3");
        ReceivedMessage start = cp.await(Action.START_TRANSACTION, WAIT);
        StartTransactionRequest startReq = start.request(StartTransactionRequest.class);
        assertEquals(1, startReq.connectorId());
        assertEquals("04E1A2B3", startReq.idTag());
        awaitStatus(cp, 1, ChargePointStatus.CHARGING);
        ReceivedMessage meter = cp.await(m -> m.action() == Action.METER_VALUES
                && ((MeterValuesRequest) m.request()).transactionId() != null, WAIT);
        assertEquals(Integer.valueOf(((io.chargegate.ocpp.model.messages.StartTransactionResponse) start.response())
                .transactionId()), ((MeterValuesRequest) meter.request()).transactionId());

        support.sim("tag", "04E1A2B3"); // same tag again: local stop (TC_068)
        ReceivedMessage stop = cp.await(Action.STOP_TRANSACTION, WAIT);
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertTrue("reason Local or omitted", stopReq.reason() == null || stopReq.reason() == Reason.LOCAL);
        assertTrue("meterStop >= meterStart", stopReq.meterStop() >= startReq.meterStart());
        awaitStatus(cp, 1, ChargePointStatus.FINISHING);
        support.sim("unplug", 1);
        awaitStatus(cp, 1, ChargePointStatus.AVAILABLE);
        assertEquals(1, cp.connectCount());
    }

    /** Unknown action and malformed payload get the CallError the spec names; the session lives on. */
    @Test
    public void malformedFramesAreAnsweredAndTheSessionLivesOn() throws Exception {
        ChargePointConnection cp = support.startStation(2, null);
        cp.await(Action.BOOT_NOTIFICATION, WAIT);
        cp.sendRaw("[2,\"it-1\",\"FooBar\",{}]");
        cp.sendRaw("[2,\"it-2\",\"Reset\",{\"type\":\"Sideways\"}]");
        cp.sendRaw("[2,\"it-3\",\"Reset\",{}]");
        cp.sendRaw("[2,\"it-4\",\"Reset\",{\"type\":\"Soft\",\"extra\":1}]");
        cp.sendRaw("[2,\"it-5\",\"ChangeAvailability\",{\"connectorId\":\"one\",\"type\":\"Operative\"}]");
        awaitFrame(cp, "[4,\"it-1\",\"NotImplemented\"");
        awaitFrame(cp, "[4,\"it-2\",\"PropertyConstraintViolation\"");
        awaitFrame(cp, "[4,\"it-3\",\"OccurenceConstraintViolation\"");
        awaitFrame(cp, "[4,\"it-4\",\"FormationViolation\"");
        awaitFrame(cp, "[4,\"it-5\",\"TypeConstraintViolation\"");
        GetConfigurationResponse conf = cp.call(new GetConfigurationRequest(List.of("HeartbeatInterval")))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("HeartbeatInterval", conf.configurationKey().get(0).key());
        assertEquals(1, cp.connectCount());
    }

    private static void awaitStatus(ChargePointConnection cp, int connector, ChargePointStatus status) {
        cp.await(m -> m.action() == Action.STATUS_NOTIFICATION
                && ((StatusNotificationRequest) m.request()).connectorId() == connector
                && ((StatusNotificationRequest) m.request()).status() == status, WAIT);
    }

    private static void awaitFrame(ChargePointConnection cp, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (cp.framesReceived().stream().noneMatch(f -> f.startsWith(prefix))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no frame starting with " + prefix + " in " + cp.framesReceived());
            }
            Thread.sleep(20);
        }
    }
}
