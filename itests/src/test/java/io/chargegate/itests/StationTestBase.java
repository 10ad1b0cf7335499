package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import org.junit.After;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

import javax.inject.Inject;
import java.util.Dictionary;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;

/**
 * Base of the Pax Exam tests that drive one station of the real runtime (simulator, Core profile, demo CSMS): the
 * {@link Configuration}, the injected {@link BundleContext}, the {@link StationSupport} closed after each test and
 * the set-up steps the tests share.
 * <p>
 * Pax Exam 4's JUnit 4 runner finds the inherited public {@code @Configuration} method ({@code ReactorManager} looks
 * through {@link Class#getMethods()}) and injects {@code @Inject} fields of superclasses too. A subclass that
 * overrides {@link #config()} must annotate it again (annotations on methods are not inherited); a second
 * {@code @Configuration} method of another name would run every test once per configuration.
 */
public abstract class StationTestBase {

    @Inject
    protected BundleContext context;

    /** The station of the running test; closed (configurations deleted, CSMS gone) after each test. */
    protected StationSupport support;
    /** The CSMS's view of the station, once {@link #connectStation(int)} connected it. */
    protected ChargePointConnection cp;

    private final String[] extraBundles;

    /** @param extraBundles feature profile modules installed beside the Core profile */
    protected StationTestBase(String... extraBundles) {
        this.extraBundles = extraBundles.clone();
    }

    @Configuration
    public Option[] config() {
        return ChargeGateOptions.coreStation(extraBundles);
    }

    @After
    public void closeStation() throws Exception {
        if (support != null) {
            support.close();
        }
    }

    /**
     * A station id of its own for each test ({@code prefix-} and a base-36 clock reading): with one Felix instance
     * per class, a station (or simulator) of the previous test that is still going away is never mistaken for this
     * one.
     */
    protected static String perTestId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    /** Opens {@link #support} for {@code chargePointId} and starts the demo CSMS. */
    protected void startCsms(String chargePointId) throws Exception {
        startCsms(chargePointId, null);
    }

    /** Opens {@link #support} for {@code chargePointId} and starts the demo CSMS with extra properties. */
    protected void startCsms(String chargePointId, Dictionary<String, Object> csmsExtra) throws Exception {
        support = new StationSupport(context, chargePointId);
        support.startCsms(csmsExtra);
    }

    /** Starts the station (no extra properties) and waits until its connector {@code connectors} is Available. */
    protected void connectStation(int connectors) throws Exception {
        cp = support.startStation(connectors, null);
        awaitStatus(cp, 0, connectors, ChargePointStatus.AVAILABLE);
    }

    /**
     * The usual start of a test: a {@link #perTestId per-test} station id, the demo CSMS, a simulator and the
     * station with {@code connectors} connectors, the last one Available.
     */
    protected void startConnectedStation(String idPrefix, int connectors) throws Exception {
        startCsms(perTestId(idPrefix));
        support.startSimulator(connectors);
        connectStation(connectors);
    }

    /** Plug in connector 1, present {@code idTag}, wait for StartTransaction and Charging; returns the transaction id. */
    protected int startSession(String idTag) throws Exception {
        return startSession(cp, idTag);
    }

    /** {@link #startSession(String)} on a station connection of the test's own. */
    protected int startSession(ChargePointConnection station, String idTag) throws Exception {
        int m = mark(station);
        support.sim("plug", 1);
        awaitStatus(station, m, 1, ChargePointStatus.PREPARING);
        support.sim("tag", idTag);
        ReceivedMessage start = awaitAfter(station, m, Action.START_TRANSACTION);
        assertEquals(idTag, start.request(StartTransactionRequest.class).idTag());
        awaitStatus(station, m, 1, ChargePointStatus.CHARGING);
        return ((StartTransactionResponse) start.response()).transactionId();
    }

    /** The simulator's {@code sim:status} text. */
    protected String simStatus() {
        try {
            return String.valueOf(support.sim("status"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
