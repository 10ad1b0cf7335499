package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.rpc.ErrorCode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitFrame;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.callError;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Hot swap basics (the thorough cases are in {@code HotSwapIT}): the Core profile bundle and the simulator driver
 * bundle are uninstalled and installed again from the same jar while the station is connected; the WebSocket stays
 * up and a transaction survives a driver reinstall within the grace period.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotSwapBasicsIT extends StationTestBase {

    private static final String CORE = "io.chargegate.profile.core";
    private static final String SIMULATOR = "io.chargegate.driver.simulator";

    @Before
    public void setUp() throws Exception {
        startCsms("CP-HOTB");
        support.startSimulator(1);
    }

    /**
     * The Core profile bundle is uninstalled: its CSMS-initiated actions (RemoteStartTransaction, GetConfiguration)
     * are answered NotSupported while the WebSocket stays up; installed again from the same jar, they work again.
     */
    @Test
    public void coreProfileUninstalledAndInstalledAgain() throws Exception {
        ChargePointConnection cp = support.startStation(1, null);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        assertTrue(supportedFeatureProfiles(cp).contains("Core"));

        Bundle core = bundle(CORE);
        String location = core.getLocation();
        core.uninstall();

        assertEquals(ErrorCode.NotSupported,
                callError(cp, new RemoteStartTransactionRequest("HOT1").withConnectorId(1)).code());
        assertEquals(ErrorCode.NotSupported, callError(cp, new GetConfigurationRequest(null)).code());
        cp.sendRaw("[2,\"hot-1\",\"RemoteStartTransaction\",{\"connectorId\":1,\"idTag\":\"HOT1\"}]");
        awaitFrame(cp, "[4,\"hot-1\",\"NotSupported\"");
        assertEquals("the WebSocket stays up", 1, cp.connectCount());
        assertTrue(cp.isConnected());

        Bundle again = context.installBundle(location);
        again.start();
        awaitTrue("GetConfiguration answered again after the reinstall", () -> {
            try {
                return cp.call(new GetConfigurationRequest(List.of("SupportedFeatureProfiles"))).toCompletableFuture()
                        .get(5, TimeUnit.SECONDS) != null;
            } catch (Exception notYet) {
                return false;
            }
        });
        assertTrue(supportedFeatureProfiles(cp).contains("Core"));
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("HOT2").withConnectorId(1)).status());
        support.sim("plug", 1);
        assertEquals("HOT2", awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class).idTag());
        assertEquals("the WebSocket stayed up throughout", 1, cp.connectCount());
        assertEquals(1, all(cp, Action.BOOT_NOTIFICATION).size());
    }

    /** The driver bundle goes away during a transaction: the connector reports Unavailable or Faulted, no stop. */
    @Test
    public void driverUninstalledDuringTransactionMakesConnectorUnavailable() throws Exception {
        ChargePointConnection cp = startStationWithGrace();
        charging(cp);
        int m = mark(cp);
        bundle(SIMULATOR).uninstall();
        awaitStatus(cp, m, 1, ChargePointStatus.UNAVAILABLE, ChargePointStatus.FAULTED);
        assertTrue("the transaction stays open", all(cp, Action.STOP_TRANSACTION).isEmpty());
        assertEquals(1, cp.connectCount());
    }

    /**
     * The driver bundle is uninstalled during a transaction and installed again within the grace period: the
     * transaction continues (no StopTransaction), its energy register never goes backwards, and it can be stopped
     * normally afterwards.
     */
    @Test
    public void transactionSurvivesDriverReinstallWithinGracePeriod() throws Exception {
        ChargePointConnection cp = startStationWithGrace();
        int transactionId = charging(cp);
        Bundle simulator = bundle(SIMULATOR);
        String location = simulator.getLocation();
        simulator.uninstall();
        Thread.sleep(1000); // the driver stays away for a moment
        Bundle again = context.installBundle(location);
        again.start();

        awaitTrue("charging again after the driver came back", () -> simStatusOrEmpty().contains("contactor=closed"));
        int afterReinstall = mark(cp);
        // two sampled MeterValues of the same transaction after the driver came back
        int next = Ocpp.indexOf(cp, awaitAfter(cp, afterReinstall, transactionMeterValues(transactionId))) + 1;
        awaitAfter(cp, next, transactionMeterValues(transactionId));
        assertTrue("no StopTransaction across the reinstall:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.STOP_TRANSACTION).isEmpty());

        double previous = -1;
        for (MeterValuesRequest r : Ocpp.meterValues(cp.received(), transactionId)) {
            for (MeterValue v : r.meterValue()) {
                Double wh = Ocpp.energyWh(v);
                assertNotNull("Energy.Active.Import.Register in " + r, wh);
                assertTrue("the energy register never goes backwards:\n" + Ocpp.describe(cp.received()),
                        wh >= previous);
                previous = wh;
            }
        }

        support.sim("stop", 1);
        StopTransactionRequest stop = cp.await(Action.STOP_TRANSACTION, Ocpp.WAIT).request(StopTransactionRequest.class);
        assertEquals(transactionId, stop.transactionId());
        assertTrue("meterStop " + stop.meterStop() + " >= last register " + previous,
                stop.meterStop() >= Math.floor(previous));
        assertEquals(1, cp.connectCount());
    }

    private ChargePointConnection startStationWithGrace() throws Exception {
        Hashtable<String, Object> extra = new Hashtable<>();
        extra.put("driverGraceSeconds", 60);
        ChargePointConnection cp = support.startStation(1, extra);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(cp, "MeterValueSampleInterval", "2");
        return cp;
    }

    private int charging(ChargePointConnection cp) throws Exception {
        int m = mark(cp);
        support.sim("plug", 1);
        support.sim("tag", "HOTSWAP");
        ReceivedMessage start = awaitAfter(cp, m, Action.START_TRANSACTION);
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        awaitAfter(cp, m, transactionMeterValues(transactionId));
        return transactionId;
    }

    private static Predicate<ReceivedMessage> transactionMeterValues(int transactionId) {
        return x -> x.action() == Action.METER_VALUES
                && Objects.equals(((MeterValuesRequest) x.request()).transactionId(), transactionId);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " not installed");
    }

    private static String supportedFeatureProfiles(ChargePointConnection cp) throws Exception {
        GetConfigurationResponse r = call(cp, new GetConfigurationRequest(List.of("SupportedFeatureProfiles")));
        return r.configurationKey().get(0).value();
    }

    /** The simulator's {@code sim:status} text, empty while the simulator bundle is away. */
    private String simStatusOrEmpty() {
        try {
            return String.valueOf(support.sim("status"));
        } catch (Exception e) {
            return "";
        }
    }
}
