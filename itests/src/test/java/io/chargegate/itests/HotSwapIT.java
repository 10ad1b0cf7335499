package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.CancelReservationResponse;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationResponse;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.ReserveNowResponse;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnitOfMeasure;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.ops4j.pax.tinybundles.InnerClassStrategy;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import javax.inject.Inject;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

/**
 * Hot swap in a real Felix (ARCHITECTURE.md "Dispatch rules" and "Hot swap"): profile bundles and the driver bundle
 * are uninstalled, stopped and reinstalled while a station is connected to the demo CSMS, and the CSMS sees
 * capabilities come and go but never a lost reply, a lost transaction or a reconnect.
 *
 * <p>The Core profile contributes no configuration keys, so a synthetic {@code Reservation} profile bundle
 * ({@link SyntheticReservationProfile}, {@link GatedActionHandler}) is built at test time with TinyBundles. TinyBundles
 * runs on the test's class path (the native container shares the JVM): the system bundle exports its API package.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotSwapIT {

    private static final Duration WAIT = StationSupport.WAIT;
    private static final String CORE_PROFILE = "io.chargegate.profile.core";
    private static final String SIMULATOR = "io.chargegate.driver.simulator";
    private static final String SYNTHETIC_BSN = "io.chargegate.itests.synthetic.reservation";
    private static final String SYNTHETIC_LOCATION = "tinybundles:" + SYNTHETIC_BSN;
    private static final String KEY = SyntheticReservationProfile.RESERVE_CONNECTOR_ZERO_SUPPORTED;
    private static final Pattern REPLY = Pattern.compile("^\\[\\s*([34])\\s*,\\s*\"([^\"]*)\"");

    @Inject
    private BundleContext context;

    private StationSupport support;
    private final List<ServiceRegistration<?>> gates = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(ChargeGateOptions.runtime(),
                // TinyBundles is on the test class path (Pax Exam uses it for the probe), not a bundle here
                systemPackage("org.ops4j.pax.tinybundles;version=\"1.0.0\""),
                ChargeGateOptions.chargegate(SIMULATOR),
                ChargeGateOptions.chargegate(CORE_PROFILE));
    }

    @Before
    public void setUp() throws Exception {
        support = new StationSupport(context, "CP-HOTSWAP");
        support.startCsms();
        support.startSimulator(2);
    }

    @After
    public void tearDown() throws Exception {
        for (ServiceRegistration<?> r : gates) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // fine
            }
        }
        support.close();
    }

    /**
     * Uninstalling a profile bundle while connected removes its actions (NotSupported), its profile from
     * SupportedFeatureProfiles and its keys (unknownKey), without touching the connection; reinstalled, it answers
     * again and finds the key value it had.
     */
    @Test
    public void uninstallAndReinstallProfileWhileConnected() throws Exception {
        ChargePointConnection cp = support.startStation(2, null);
        cp.await(Action.BOOT_NOTIFICATION, WAIT);
        Bundle profile = installSynthetic();
        awaitProfiles(cp, p -> p.contains("Reservation"));

        // routed to the synthetic profile: connector 0 cannot be reserved while the key is false
        assertEquals(ReservationStatus.REJECTED, answer(cp.call(reserveConnectorZero(1))).status());
        assertEquals("false", value(getConfiguration(cp, KEY), KEY));
        assertEquals(ConfigurationStatus.ACCEPTED, answer(cp.call(new ChangeConfigurationRequest(KEY, "true"))).status());
        assertEquals("true", value(getConfiguration(cp, KEY), KEY));

        profile.uninstall();

        assertEquals(ErrorCode.NotSupported, callError(cp.call(reserveConnectorZero(2))));
        assertEquals(ErrorCode.NotSupported, callError(cp.call(new CancelReservationRequest(2))));
        GetConfigurationResponse named = getConfiguration(cp, KEY, "SupportedFeatureProfiles");
        assertNotNull("unknownKey after the profile left: " + named, named.unknownKey());
        assertTrue("unknownKey lists " + KEY + ": " + named, named.unknownKey().contains(KEY));
        assertNull("no value for a key of an uninstalled profile: " + named, find(named, KEY));
        String profiles = value(named, "SupportedFeatureProfiles");
        assertFalse("SupportedFeatureProfiles without Reservation: " + profiles, profiles.contains("Reservation"));
        assertTrue("SupportedFeatureProfiles keeps Core: " + profiles, profiles.contains("Core"));
        GetConfigurationResponse all = getConfiguration(cp);
        assertNull("GetConfiguration (all keys) does not list " + KEY + ": " + all, find(all, KEY));
        assertEquals("ChangeConfiguration of a key nobody owns now", ConfigurationStatus.NOT_SUPPORTED,
                answer(cp.call(new ChangeConfigurationRequest(KEY, "false"))).status());

        Bundle again = installSynthetic();
        assertEquals(Bundle.ACTIVE, again.getState());
        awaitProfiles(cp, p -> p.contains("Reservation"));
        assertEquals("the value set before the uninstall is back", "true", value(getConfiguration(cp, KEY), KEY));
        // and in effect: connector 0 can be reserved now
        assertEquals(ReservationStatus.ACCEPTED, answer(cp.call(reserveConnectorZero(3))).status());
        assertEquals(CancelReservationStatus.ACCEPTED, answer(cp.call(new CancelReservationRequest(3))).status());

        assertEquals("the WebSocket stayed up", 1, cp.connectCount());
        assertEquals("no second BootNotification", 1, count(cp, m -> m.action() == Action.BOOT_NOTIFICATION));
    }

    /**
     * A profile bundle stopped while one of its handlers is mid-call: the CALL gets exactly one reply, whether the
     * handler completes after the stop (within the handler timeout) or never in time (InternalError, and a later
     * completion is not sent).
     */
    @Test
    public void stopProfileBundleMidCall() throws Exception {
        Dictionary<String, Object> extra = new Hashtable<>();
        extra.put("handlerTimeoutSeconds", 3);
        ChargePointConnection cp = support.startStation(2, extra);
        cp.await(Action.BOOT_NOTIFICATION, WAIT);
        Bundle profile = installSynthetic();
        awaitProfiles(cp, p -> p.contains("Reservation"));
        assertEquals(ReservationStatus.REJECTED, answer(cp.call(reserveConnectorZero(1))).status());

        BlockingQueue<CompletableFuture<Response>> inFlight = new LinkedBlockingQueue<>();
        registerGate(Action.RESERVE_NOW, (station, request) -> {
            CompletableFuture<Response> f = new CompletableFuture<>();
            inFlight.add(f);
            return f;
        });

        // 1: the handler completes after its bundle stopped, well within the handler timeout
        cp.sendRaw(reserveNowFrame("mid-1", 11));
        CompletableFuture<Response> first = inFlight.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull("the synthetic handler got mid-1", first);
        profile.stop();
        first.complete(new ReserveNowResponse(ReservationStatus.REJECTED));
        String reply1 = awaitReply(cp, "mid-1");

        // 2: the handler never completes in time: InternalError after the timeout, its late answer is dropped
        profile.start();
        awaitProfiles(cp, p -> p.contains("Reservation"));
        cp.sendRaw(reserveNowFrame("mid-2", 12));
        CompletableFuture<Response> second = inFlight.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull("the synthetic handler got mid-2", second);
        profile.stop();
        String reply2 = awaitReply(cp, "mid-2");
        second.complete(new ReserveNowResponse(ReservationStatus.REJECTED));

        // after the stop: no handler for ReserveNow at all
        cp.sendRaw(reserveNowFrame("mid-3", 13));
        String reply3 = awaitReply(cp, "mid-3");
        assertTrue("ReserveNow without a profile: NotSupported, got " + reply3, reply3.startsWith("[4,\"mid-3\",\"NotSupported\""));

        // a settle time for any duplicate reply to show up (the late completion of mid-2, a second timeout of mid-1)
        Thread.sleep(1500);
        Map<String, List<String>> replies = replies(cp);
        assertEquals("exactly one reply to mid-1: " + replies.get("mid-1"), 1, replies.get("mid-1").size());
        assertEquals("exactly one reply to mid-2: " + replies.get("mid-2"), 1, replies.get("mid-2").size());
        assertTrue("mid-1 answered with the late result or InternalError: " + reply1,
                reply1.startsWith("[3,") || reply1.startsWith("[4,\"mid-1\",\"InternalError\""));
        assertTrue("mid-2 (never completed in time) answered with InternalError: " + reply2,
                reply2.startsWith("[4,\"mid-2\",\"InternalError\""));
        assertEquals(1, cp.connectCount());
    }

    /**
     * The Core profile and the synthetic profile are each stopped and started 20 times while the CSMS keeps sending
     * GetConfiguration and ReserveNow: every CALL gets exactly one reply, the connection stays, and no threads leak.
     */
    @Test
    public void stopStartProfilesUnderLoad() throws Exception {
        ChargePointConnection cp = support.startStation(2, null);
        cp.await(Action.BOOT_NOTIFICATION, WAIT);
        Bundle synthetic = installSynthetic();
        Bundle core = bundle(CORE_PROFILE);
        awaitProfiles(cp, p -> p.contains("Reservation") && p.contains("Core"));
        int threadsBefore = liveThreads();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Throwable> senderFailure = new AtomicReference<>();
        List<String> sent = new ArrayList<>();
        Thread sender = new Thread(() -> {
            try {
                for (int n = 0; running.get(); n++) {
                    String id = "load-" + n;
                    String frame = n % 2 == 0 ? "[2,\"" + id + "\",\"GetConfiguration\",{\"key\":[\"HeartbeatInterval\"]}]"
                            : reserveNowFrame(id, 100 + n);
                    synchronized (sent) {
                        sent.add(id);
                    }
                    cp.sendRaw(frame);
                    awaitReply(cp, id);
                    answered.incrementAndGet();
                }
            } catch (Throwable t) {
                senderFailure.set(t);
            }
        }, "hotswap-it-sender");
        sender.start();
        try {
            // after each step, at least one GetConfiguration and one ReserveNow are sent (and answered) in full
            for (int i = 0; i < 20; i++) {
                core.stop();
                awaitProgress(answered, senderFailure);
                core.start();
                awaitProgress(answered, senderFailure);
                synthetic.stop();
                awaitProgress(answered, senderFailure);
                synthetic.start();
                awaitProgress(answered, senderFailure);
            }
        } finally {
            running.set(false);
            sender.join(WAIT.toMillis());
        }
        assertFalse("sender thread ended", sender.isAlive());
        if (senderFailure.get() != null) {
            throw new AssertionError("sender failed", senderFailure.get());
        }

        Map<String, List<String>> replies = replies(cp);
        List<String> wrong = new ArrayList<>();
        int notSupported = 0;
        for (String id : sent) {
            List<String> r = replies.getOrDefault(id, List.of());
            if (r.size() != 1) {
                wrong.add(id + " -> " + r);
            } else if (r.get(0).startsWith("[4,\"" + id + "\",\"NotSupported\"")) {
                notSupported++;
            }
        }
        assertTrue("every CALL has exactly one reply; not so for " + wrong, wrong.isEmpty());
        // each of the 40 stopped windows saw a full CALL for the stopped profile
        assertTrue("NotSupported while a profile was stopped: " + notSupported + " of " + sent.size(), notSupported >= 40);
        assertEquals("no reconnect", 1, cp.connectCount());
        assertEquals("no second BootNotification", 1, count(cp, m -> m.action() == Action.BOOT_NOTIFICATION));
        // both profiles still work afterwards
        awaitProfiles(cp, p -> p.contains("Reservation") && p.contains("Core"));
        assertEquals(ReservationStatus.REJECTED, answer(cp.call(reserveConnectorZero(1))).status());

        int tolerance = 3;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int threadsAfter = liveThreads();
        while (threadsAfter > threadsBefore + tolerance && System.nanoTime() < deadline) {
            Thread.sleep(200);
            threadsAfter = liveThreads();
        }
        assertTrue("live threads back to " + threadsBefore + " (+" + tolerance + ") after " + sent.size() + " calls ("
                + notSupported + " NotSupported), now " + threadsAfter + ": " + threadNames(),
                threadsAfter <= threadsBefore + tolerance);
    }

    /**
     * The simulator driver bundle is uninstalled during a transaction: the connector reports Unavailable or Faulted,
     * the transaction stays open; reinstalled within the grace period, the transaction continues with the same id
     * and the energy register never goes backwards.
     */
    @Test
    public void uninstallDriverDuringTransaction() throws Exception {
        ChargePointConnection cp = support.startStation(2, null); // driverGraceSeconds: default (60 s)
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        assertEquals(ConfigurationStatus.ACCEPTED,
                answer(cp.call(new ChangeConfigurationRequest("MeterValueSampleInterval", "1"))).status());
        // the simulator keeps its energy register in its data directory, but not whether an EV is plugged in: a
        // reinstalled simulator starts unplugged, which must not end the transaction (a real EV stays plugged)
        assertEquals(ConfigurationStatus.ACCEPTED,
                answer(cp.call(new ChangeConfigurationRequest("StopTransactionOnEVSideDisconnect", "false"))).status());

        support.sim("plug", 1);
        support.sim("tag", "04E1A2B3");
        ReceivedMessage start = cp.await(Action.START_TRANSACTION, WAIT);
        int txId = ((StartTransactionResponse) start.response()).transactionId();
        awaitStatus(cp, 0, 1, ChargePointStatus.CHARGING);
        // energy flowing in the transaction's samples
        awaitMessage(cp, 0, m -> isMeterValues(m, txId) && energy(m) > 0);
        double beforeUninstall = lastEnergy(cp, txId);

        Bundle simulator = bundle(SIMULATOR);
        String location = simulator.getLocation();
        int mark = cp.received().size();
        simulator.uninstall();

        ReceivedMessage gone = awaitMessage(cp, mark, m -> m.action() == Action.STATUS_NOTIFICATION
                && ((StatusNotificationRequest) m.request()).connectorId() == 1
                && (((StatusNotificationRequest) m.request()).status() == ChargePointStatus.UNAVAILABLE
                || ((StatusNotificationRequest) m.request()).status() == ChargePointStatus.FAULTED));
        assertNotNull(gone);
        assertEquals("no StopTransaction while the driver is away", 0,
                count(cp, m -> m.action() == Action.STOP_TRANSACTION));

        int markReinstall = cp.received().size();
        Bundle reinstalled = context.installBundle(location);
        reinstalled.start();
        support.sim("plug", 1); // the EV is still there (see above)
        awaitMessage(cp, markReinstall, m -> m.action() == Action.STATUS_NOTIFICATION
                && ((StatusNotificationRequest) m.request()).connectorId() == 1
                && ((StatusNotificationRequest) m.request()).status() == ChargePointStatus.CHARGING);
        awaitMessage(cp, markReinstall, m -> isMeterValues(m, txId) && energy(m) > beforeUninstall);

        assertEquals("the transaction stayed open", 0, count(cp, m -> m.action() == Action.STOP_TRANSACTION));
        assertEquals("one transaction only", 1, count(cp, m -> m.action() == Action.START_TRANSACTION));
        double previous = -1;
        List<Double> register = new ArrayList<>();
        for (ReceivedMessage m : cp.received()) {
            if (m.action() == Action.METER_VALUES && ((MeterValuesRequest) m.request()).connectorId() == 1) {
                MeterValuesRequest mv = (MeterValuesRequest) m.request();
                assertEquals("MeterValues of connector 1 carry the transaction id: " + m, Integer.valueOf(txId),
                        mv.transactionId());
                double e = energy(m);
                register.add(e);
                assertTrue("energy register never goes backwards: " + register, e >= previous);
                previous = e;
            }
        }
        assertEquals("no reconnect", 1, cp.connectCount());
    }

    /** Waits until the sender has completed three more CALLs (so one of each kind was sent after this point). */
    private static void awaitProgress(AtomicInteger answered, AtomicReference<Throwable> senderFailure)
            throws InterruptedException {
        int target = answered.get() + 3;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (answered.get() < target) {
            if (senderFailure.get() != null) {
                throw new AssertionError("sender failed", senderFailure.get());
            }
            if (System.nanoTime() > deadline) {
                fail("the sender made no progress within " + WAIT);
            }
            Thread.sleep(2);
        }
    }

    // ---- synthetic profile bundle

    private Bundle installSynthetic() throws Exception {
        Bundle b = context.installBundle(SYNTHETIC_LOCATION, syntheticProfile());
        b.start();
        return b;
    }

    /** The synthetic Reservation profile bundle, built anew each time. */
    private static InputStream syntheticProfile() {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        // TinyBundles finds its factory with ServiceLoader through the context class loader
        t.setContextClassLoader(TinyBundles.class.getClassLoader());
        try {
            return TinyBundles.bundle()
                    .addClass(SyntheticReservationProfile.class, InnerClassStrategy.NONE)
                    .addClass(GatedActionHandler.class, InnerClassStrategy.NONE)
                    .setHeader("Bundle-ManifestVersion", "2")
                    .setHeader("Bundle-SymbolicName", SYNTHETIC_BSN)
                    .setHeader("Bundle-Version", "1.0.0")
                    .setHeader("Bundle-Activator", SyntheticReservationProfile.class.getName())
                    .setHeader("Import-Package", SyntheticReservationProfile.IMPORTS)
                    .build(TinyBundles.rawBuilder());
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private void registerGate(Action action, BiFunction<Object, Object, CompletionStage<?>> gate) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(GatedActionHandler.GATE_PROPERTY, action.wireName());
        gates.add(context.registerService(BiFunction.class, gate, props));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    // ---- OCPP helpers

    private static ReserveNowRequest reserveConnectorZero(int reservationId) {
        return new ReserveNowRequest(0, Instant.now().plusSeconds(3600), "04E1A2B3", reservationId);
    }

    private static String reserveNowFrame(String id, int reservationId) {
        return "[2,\"" + id + "\",\"ReserveNow\",{\"connectorId\":0,\"expiryDate\":\""
                + Instant.now().plusSeconds(3600) + "\",\"idTag\":\"04E1A2B3\",\"reservationId\":" + reservationId + "}]";
    }

    private static GetConfigurationResponse getConfiguration(ChargePointConnection cp, String... keys) throws Exception {
        return answer(cp.call(keys.length == 0 ? new GetConfigurationRequest() : new GetConfigurationRequest(List.of(keys))));
    }

    private static KeyValue find(GetConfigurationResponse r, String key) {
        if (r.configurationKey() == null) {
            return null;
        }
        return r.configurationKey().stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }

    private static String value(GetConfigurationResponse r, String key) {
        KeyValue kv = find(r, key);
        assertNotNull(key + " is known: " + r, kv);
        return kv.value();
    }

    private static void awaitProfiles(ChargePointConnection cp, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String now;
        while (!wanted.test(now = value(getConfiguration(cp, "SupportedFeatureProfiles"), "SupportedFeatureProfiles"))) {
            if (System.nanoTime() > deadline) {
                fail("SupportedFeatureProfiles still " + now + " after " + WAIT);
            }
            Thread.sleep(50);
        }
    }

    private static <R> R answer(CompletionStage<R> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static ErrorCode callError(CompletionStage<?> stage) throws Exception {
        try {
            Object r = stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("expected a CALLERROR, got " + r);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcppException o) {
                return o.code();
            }
            throw e;
        }
    }

    /** Every [3,...] / [4,...] frame the charge point sent, by message id. */
    private static Map<String, List<String>> replies(ChargePointConnection cp) {
        Map<String, List<String>> out = new HashMap<>();
        for (String f : cp.framesReceived()) {
            Matcher m = REPLY.matcher(f);
            if (m.find()) {
                out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /** Waits for the first reply to {@code id} and returns it. */
    private static String awaitReply(ChargePointConnection cp, String id) throws InterruptedException {
        String result = "[3,\"" + id + "\"";
        String error = "[4,\"" + id + "\"";
        long deadline = System.nanoTime() + WAIT.toNanos();
        int from = 0;
        while (true) {
            List<String> frames = cp.framesReceived();
            for (int i = from; i < frames.size(); i++) {
                String f = frames.get(i);
                if (f.startsWith(result) || f.startsWith(error)) {
                    return f;
                }
            }
            from = frames.size();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no reply to " + id + " within " + WAIT);
            }
            Thread.sleep(5);
        }
    }

    private static long count(ChargePointConnection cp, Predicate<ReceivedMessage> p) {
        return cp.received().stream().filter(p).count();
    }

    private static void awaitStatus(ChargePointConnection cp, int from, int connector, ChargePointStatus status)
            throws InterruptedException {
        awaitMessage(cp, from, m -> m.action() == Action.STATUS_NOTIFICATION
                && ((StatusNotificationRequest) m.request()).connectorId() == connector
                && ((StatusNotificationRequest) m.request()).status() == status);
    }

    /** Waits for a received CALL at index {@code from} or later that matches. */
    private static ReceivedMessage awaitMessage(ChargePointConnection cp, int from, Predicate<ReceivedMessage> p)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ReceivedMessage> all = cp.received();
            for (int i = from; i < all.size(); i++) {
                if (p.test(all.get(i))) {
                    return all.get(i);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching message within " + WAIT + " after #" + from + "; received since: "
                        + all.subList(Math.min(from, all.size()), all.size()));
            }
            Thread.sleep(50);
        }
    }

    private static boolean isMeterValues(ReceivedMessage m, int txId) {
        return m.action() == Action.METER_VALUES && ((MeterValuesRequest) m.request()).connectorId() == 1
                && Integer.valueOf(txId).equals(((MeterValuesRequest) m.request()).transactionId());
    }

    private static double lastEnergy(ChargePointConnection cp, int txId) {
        double last = -1;
        for (ReceivedMessage m : cp.received()) {
            if (isMeterValues(m, txId)) {
                last = energy(m);
            }
        }
        return last;
    }

    /** The (last) Energy.Active.Import.Register value of a MeterValues, in Wh; fails when it has none. */
    private static double energy(ReceivedMessage m) {
        Double wh = null;
        for (MeterValue mv : ((MeterValuesRequest) m.request()).meterValue()) {
            for (SampledValue sv : mv.sampledValue()) {
                boolean register = sv.measurand() == null || sv.measurand() == Measurand.ENERGY_ACTIVE_IMPORT_REGISTER;
                if (register && sv.phase() == null) {
                    double v = Double.parseDouble(sv.value());
                    wh = sv.unit() == UnitOfMeasure.KWH ? v * 1000 : v;
                }
            }
        }
        if (wh == null) {
            throw new AssertionError("no Energy.Active.Import.Register in " + m);
        }
        return wh;
    }

    // ---- threads

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static String threadNames() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.add(t.getName());
        }
        names.sort(null);
        return names.toString();
    }
}
