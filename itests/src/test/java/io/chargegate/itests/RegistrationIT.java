package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import java.time.Instant;
import java.util.Hashtable;
import java.util.List;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Registration with the CSMS: TC_002 (BootNotification answered Pending). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RegistrationIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        support = new StationSupport(context, "CP-REG");
    }

    /**
     * TC_002: while Pending the station answers GetConfiguration and ChangeConfiguration, sends nothing but
     * BootNotification (again after the interval), and once Accepted reports its connectors Available and sends
     * heartbeats.
     */
    @Test
    public void pendingRegistrationAnswersConfigurationAndBootsAgain() throws Exception {
        Hashtable<String, Object> csms = new Hashtable<>();
        csms.put("bootStatus", "Pending");
        csms.put("heartbeatInterval", 2); // the boot retry interval while Pending
        support.startCsms(csms);
        support.startSimulator(1);
        ChargePointConnection cp = support.startStation(1, null);

        ReceivedMessage first = cp.await(Action.BOOT_NOTIFICATION, Ocpp.WAIT);
        assertEquals(RegistrationStatus.PENDING, ((BootNotificationResponse) first.response()).status());

        GetConfigurationResponse conf = call(cp, new GetConfigurationRequest(List.of("ConnectionTimeOut")));
        assertEquals("ConnectionTimeOut", conf.configurationKey().get(0).key());
        assertEquals(ConfigurationStatus.ACCEPTED,
                call(cp, new ChangeConfigurationRequest("ConnectionTimeOut", "47")).status());

        // boots again after the interval, still Pending, and sends nothing else meanwhile
        awaitAfter(cp, indexAfter(cp, first), Action.BOOT_NOTIFICATION);
        for (ReceivedMessage m : cp.received()) {
            assertEquals("only BootNotification while Pending:\n" + Ocpp.describe(cp.received()),
                    Action.BOOT_NOTIFICATION, m.action());
        }

        cp.setResponder(Action.BOOT_NOTIFICATION, (BootNotificationRequest r) ->
                new BootNotificationResponse(RegistrationStatus.ACCEPTED, Instant.now(), 1));
        int m = mark(cp);
        ReceivedMessage accepted = awaitAfter(cp, m, Action.BOOT_NOTIFICATION);
        assertEquals(RegistrationStatus.ACCEPTED, ((BootNotificationResponse) accepted.response()).status());
        int afterBoot = Ocpp.indexOf(cp, accepted) + 1;
        awaitStatus(cp, afterBoot, 0, ChargePointStatus.AVAILABLE);
        awaitStatus(cp, afterBoot, 1, ChargePointStatus.AVAILABLE);
        awaitAfter(cp, afterBoot, Action.HEARTBEAT); // with the interval of the Accepted answer

        // the change made while Pending was applied
        conf = call(cp, new GetConfigurationRequest(List.of("ConnectionTimeOut")));
        assertEquals("47", conf.configurationKey().get(0).value());
        assertEquals("one WebSocket connection throughout", 1, cp.connectCount());
        assertTrue(cp.isConnected());
    }

    private static int indexAfter(ChargePointConnection cp, ReceivedMessage m) {
        return Ocpp.indexOf(cp, m) + 1;
    }
}
