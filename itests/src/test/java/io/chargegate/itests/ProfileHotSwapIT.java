package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.ChangeAvailabilityRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.ClearCacheRequest;
import io.chargegate.ocpp.model.messages.ClearChargingProfileRequest;
import io.chargegate.ocpp.model.messages.DataTransferRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleResponse;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.GetLocalListVersionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionRequest;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.messages.SendLocalListRequest;
import io.chargegate.ocpp.model.messages.SetChargingProfileRequest;
import io.chargegate.ocpp.model.messages.TriggerMessageRequest;
import io.chargegate.ocpp.model.messages.UnlockConnectorRequest;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingProfileStatus;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.ClearChargingProfileStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.GetCompositeScheduleStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.station.api.Station;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import javax.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.chargegate.itests.Ocpp.WAIT;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

/**
 * Hot swap of the real feature profile bundles (ARCHITECTURE.md "Hot swap" and "Dispatch rules"): each of Core,
 * SmartCharging, Reservation, LocalAuthListManagement and RemoteTrigger is uninstalled while a station is connected
 * to the demo CSMS, and then reinstalled from the same jar. While it is away its actions answer the CALLERROR
 * {@code NotSupported}, {@code SupportedFeatureProfiles} no longer lists it and its configuration keys are unknown
 * (GetConfiguration lists them under {@code unknownKey}, ChangeConfiguration answers {@code NotSupported}); back,
 * its actions work again on the state it left in the station's store. The WebSocket stays up throughout: one
 * connection, one BootNotification.
 *
 * <p>One framework for the class; each test uses its own charge point identity and leaves its bundle installed and
 * started (the {@link #tearDown} puts back any profile bundle a failed test left away).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProfileHotSwapIT {

    private static final String CORE = "io.chargegate.profile.core";
    private static final String SMART_CHARGING = "io.chargegate.profile.smartcharging";
    private static final String RESERVATION = "io.chargegate.profile.reservation";
    private static final String LOCAL_AUTH_LIST = "io.chargegate.profile.localauthlist";
    private static final String REMOTE_TRIGGER = "io.chargegate.profile.remotetrigger";
    private static final List<String> PROFILES = List.of(CORE, SMART_CHARGING, RESERVATION, LOCAL_AUTH_LIST,
            REMOTE_TRIGGER);
    private static final String SUPPORTED = "SupportedFeatureProfiles";
    private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED);

    @Inject
    private BundleContext context;

    private StationSupport support;
    private ChargePointConnection cp;

    @Configuration
    public Option[] config() {
        return options(ChargeGateOptions.runtime(),
                ChargeGateOptions.chargegate("io.chargegate.driver.simulator"),
                ChargeGateOptions.chargegate(CORE),
                ChargeGateOptions.chargegate(SMART_CHARGING),
                ChargeGateOptions.chargegate(RESERVATION),
                ChargeGateOptions.chargegate(LOCAL_AUTH_LIST),
                ChargeGateOptions.chargegate(REMOTE_TRIGGER));
    }

    @Before
    public void setUp() throws Exception {
        // one identity per test: the Felix instance is shared by the class
        support = new StationSupport(context, "CP-PHS-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        support.startCsms();
        support.startSimulator(1);
        cp = support.startStation(1, null);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        awaitProfiles(p -> p.containsAll(List.of("Core", "SmartCharging", "Reservation", "LocalAuthListManagement",
                "RemoteTrigger")));
    }

    @After
    public void tearDown() throws Exception {
        try {
            // a failed test may have left its profile away: the next test of this framework needs all of them
            for (String module : PROFILES) {
                Bundle b = bundle(module);
                if (b == null) {
                    b = context.installBundle(location(module));
                }
                if (b.getState() != Bundle.ACTIVE) {
                    b.start();
                }
            }
        } finally {
            support.close();
        }
    }

    // ---- one test per profile

    /**
     * SmartCharging: a TxDefaultProfile installed before the uninstall is reported again by GetCompositeSchedule
     * after the reinstall (the profiles are in the station's store, not in the bundle).
     */
    @Test
    public void smartCharging() throws Exception {
        List<String> keys = List.of("ChargeProfileMaxStackLevel", "ChargingScheduleAllowedChargingRateUnit",
                "ChargingScheduleMaxPeriods", "MaxChargingProfilesInstalled", "ConnectorSwitch3to1PhaseSupported");
        assertKeysKnown(keys);
        assertEquals(ChargingProfileStatus.ACCEPTED,
                call(cp, new SetChargingProfileRequest(0, txDefault(21, 13))).status());
        assertCompositeLimit(call(cp, new GetCompositeScheduleRequest(1, 600)), 13.0);

        uninstall(SMART_CHARGING);

        assertNotSupported(new SetChargingProfileRequest(0, txDefault(22, 8)));
        assertNotSupported(new ClearChargingProfileRequest().withId(21));
        assertNotSupported(new GetCompositeScheduleRequest(1, 600));
        assertProfileGone("SmartCharging");
        assertKeysUnknown(keys);

        reinstall(SMART_CHARGING);

        awaitProfiles(p -> p.contains("SmartCharging"));
        assertKeysKnown(keys);
        assertEquals("10", value("ChargeProfileMaxStackLevel"));
        // the first answer of the reinstalled handler already knows the stored profile
        GetCompositeScheduleResponse composite = firstAnswer(new GetCompositeScheduleRequest(1, 600));
        assertCompositeLimit(composite, 13.0);
        // and the profile is managed by the bundle again: cleared, nothing limits any more
        assertEquals(ClearChargingProfileStatus.ACCEPTED,
                call(cp, new ClearChargingProfileRequest().withId(21)).status());
        assertEquals(GetCompositeScheduleStatus.REJECTED,
                call(cp, new GetCompositeScheduleRequest(1, 600)).status());
        assertConnectionKept();
    }

    /**
     * Reservation: a reservation made before the uninstall is still there after the reinstall (CancelReservation of
     * its id: Accepted), the connector stayed Reserved meanwhile, and ReserveConnectorZeroSupported keeps the value
     * changed before.
     */
    @Test
    public void reservation() throws Exception {
        String zero = "ReserveConnectorZeroSupported";
        Ocpp.configure(cp, zero, "true");
        int m = mark(cp);
        assertEquals(ReservationStatus.ACCEPTED,
                call(cp, new ReserveNowRequest(1, Instant.now().plusSeconds(3600), "HSRSV", 31)).status());
        awaitStatus(cp, m, 1, ChargePointStatus.RESERVED);
        int reserved = mark(cp);

        uninstall(RESERVATION);

        assertNotSupported(new ReserveNowRequest(1, Instant.now().plusSeconds(3600), "HSRSV", 32));
        assertNotSupported(new CancelReservationRequest(31));
        assertProfileGone("Reservation");
        assertKeysUnknown(List.of(zero));

        reinstall(RESERVATION);

        awaitProfiles(p -> p.contains("Reservation"));
        assertEquals("the value changed before the uninstall", "true", value(zero));
        assertTrue("connector 1 stayed Reserved while the profile was away:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(reserved, mark(cp)).stream()
                        .noneMatch(Ocpp.status(1, ChargePointStatus.AVAILABLE)));
        assertEquals("the reservation made before the uninstall is still there", CancelReservationStatus.ACCEPTED,
                firstAnswer(new CancelReservationRequest(31)).status());
        awaitStatus(cp, reserved, 1, ChargePointStatus.AVAILABLE);
        assertConnectionKept();
    }

    /** LocalAuthListManagement: GetLocalListVersion answers the version sent before the uninstall. */
    @Test
    public void localAuthList() throws Exception {
        List<String> keys = List.of("LocalAuthListEnabled", "LocalAuthListMaxLength", "SendLocalListMaxLength");
        assertKeysKnown(keys);
        assertEquals(UpdateStatus.ACCEPTED, call(cp, new SendLocalListRequest(7,
                List.of(new AuthorizationData("HSLAL1", ACCEPTED), new AuthorizationData("HSLAL2", ACCEPTED)),
                UpdateType.FULL)).status());
        assertEquals(7, call(cp, new GetLocalListVersionRequest()).listVersion());

        uninstall(LOCAL_AUTH_LIST);

        assertNotSupported(new GetLocalListVersionRequest());
        assertNotSupported(new SendLocalListRequest(8, List.of(new AuthorizationData("HSLAL3", ACCEPTED)),
                UpdateType.DIFFERENTIAL));
        assertProfileGone("LocalAuthListManagement");
        assertKeysUnknown(keys);

        reinstall(LOCAL_AUTH_LIST);

        awaitProfiles(p -> p.contains("LocalAuthListManagement"));
        assertKeysKnown(keys);
        assertEquals("true", value("LocalAuthListEnabled"));
        assertEquals("the version sent before the uninstall", 7,
                firstAnswer(new GetLocalListVersionRequest()).listVersion());
        // the list goes on from there
        assertEquals(UpdateStatus.ACCEPTED, call(cp, new SendLocalListRequest(8,
                List.of(new AuthorizationData("HSLAL3", ACCEPTED)), UpdateType.DIFFERENTIAL)).status());
        assertEquals(8, call(cp, new GetLocalListVersionRequest()).listVersion());
        assertConnectionKept();
    }

    /** RemoteTrigger: TriggerMessage is NotSupported while the bundle is away and works again once it is back. */
    @Test
    public void remoteTrigger() throws Exception {
        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED,
                call(cp, new TriggerMessageRequest(MessageTrigger.HEARTBEAT, null)).status());
        awaitAfter(cp, t, Action.HEARTBEAT);

        uninstall(REMOTE_TRIGGER);

        assertNotSupported(new TriggerMessageRequest(MessageTrigger.HEARTBEAT, null));
        assertNotSupported(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 1));
        assertProfileGone("RemoteTrigger");
        // OCPP 1.6 defines no RemoteTrigger keys: nothing else may have left
        assertKeysKnown(List.of("HeartbeatInterval", "MeterValueSampleInterval"));

        reinstall(REMOTE_TRIGGER);

        awaitProfiles(p -> p.contains("RemoteTrigger"));
        int back = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED,
                firstAnswer(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 1)).status());
        awaitStatus(cp, back, 1, ChargePointStatus.AVAILABLE);
        assertEquals(TriggerMessageStatus.REJECTED,
                call(cp, new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, 2)).status());
        assertConnectionKept();
    }

    /**
     * Core: every Core action (GetConfiguration and ChangeConfiguration included) answers NotSupported while the
     * bundle is away, so SupportedFeatureProfiles is read from the runtime directly (what GetConfiguration would
     * report). The Core keys belong to the runtime (see {@code CoreProfile}): they stay, with the values changed
     * before. The other profiles keep working meanwhile.
     */
    @Test
    public void core() throws Exception {
        Ocpp.configure(cp, "MeterValueSampleInterval", "17");
        Station station = support.service(Station.class, "(chargegate.station=" + support.chargePointId + ")");
        assertTrue(supportedNow(station).contains("Core"));

        uninstall(CORE);

        assertNotSupported(new GetConfigurationRequest(List.of(SUPPORTED)));
        assertNotSupported(new ChangeConfigurationRequest("MeterValueSampleInterval", "5"));
        assertNotSupported(new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE));
        assertNotSupported(new ClearCacheRequest());
        assertNotSupported(new DataTransferRequest("io.chargegate.itests"));
        assertNotSupported(new RemoteStartTransactionRequest("HSCORE").withConnectorId(1));
        assertNotSupported(new RemoteStopTransactionRequest(4711));
        assertNotSupported(new ResetRequest(ResetType.SOFT));
        assertNotSupported(new UnlockConnectorRequest(1));
        List<String> profiles = supportedNow(station);
        assertFalse("SupportedFeatureProfiles without Core: " + profiles, profiles.contains("Core"));
        assertTrue("SupportedFeatureProfiles keeps the others: " + profiles,
                profiles.containsAll(List.of("SmartCharging", "Reservation", "LocalAuthListManagement",
                        "RemoteTrigger")));
        Station.ConfigurationSnapshot interval = station.configuration(List.of("MeterValueSampleInterval"));
        assertEquals("the runtime's Core key stays with its value: " + interval,
                List.of(new KeyValue("MeterValueSampleInterval", false, "17")), interval.known());
        // the other profiles are unaffected
        assertEquals(0, call(cp, new GetLocalListVersionRequest()).listVersion());
        assertEquals(ReservationStatus.REJECTED,
                call(cp, new ReserveNowRequest(0, Instant.now().plusSeconds(600), "HSCORE", 41)).status());

        reinstall(CORE);

        assertEquals("17", firstAnswer(new GetConfigurationRequest(List.of("MeterValueSampleInterval")))
                .configurationKey().get(0).value());
        awaitProfiles(p -> p.contains("Core"));
        assertTrue(supportedNow(station).contains("Core"));
        Ocpp.configure(cp, "MeterValueSampleInterval", "18");
        assertEquals("18", value("MeterValueSampleInterval"));
        int m = mark(cp);
        assertEquals(AvailabilityStatus.ACCEPTED,
                call(cp, new ChangeAvailabilityRequest(1, AvailabilityType.INOPERATIVE)).status());
        awaitStatus(cp, m, 1, ChargePointStatus.UNAVAILABLE);
        assertEquals(AvailabilityStatus.ACCEPTED,
                call(cp, new ChangeAvailabilityRequest(1, AvailabilityType.OPERATIVE)).status());
        awaitStatus(cp, m, 1, ChargePointStatus.AVAILABLE);
        assertConnectionKept();
    }

    // ---- bundles

    /** The file: URL of the module's jar in the reactor (Pax Exam installed it from there). */
    private static String location(String module) {
        return ChargeGateOptions.chargegateJar(module).toURI().toString();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private void uninstall(String module) throws Exception {
        Bundle b = bundle(module);
        assertNotNull(module + " installed", b);
        assertEquals(module + " active", Bundle.ACTIVE, b.getState());
        b.uninstall();
        assertNull(module + " is gone", bundle(module));
    }

    private void reinstall(String module) throws Exception {
        Bundle b = context.installBundle(location(module));
        b.start();
        assertEquals(module + " active again", Bundle.ACTIVE, b.getState());
    }

    // ---- OCPP checks

    private void assertNotSupported(Request<?> request) throws Exception {
        OcppException e = Ocpp.callError(cp, request);
        assertEquals(request.action().wireName() + " while its profile is away: " + e, ErrorCode.NotSupported, e.code());
    }

    /**
     * The first CALLRESULT to {@code request} once its handler is registered again: CALLERROR NotSupported is
     * accepted while the reinstalled bundle's components are still coming up, any other CALLERROR fails.
     */
    private <R extends Response> R firstAnswer(Request<R> request) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return cp.call(request).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof OcppException oe) || oe.code() != ErrorCode.NotSupported) {
                    throw new AssertionError(request.action().wireName() + " after the reinstall: " + e.getCause(),
                            e.getCause());
                }
                if (System.nanoTime() > deadline) {
                    fail(request.action().wireName() + " still NotSupported " + WAIT + " after the reinstall");
                }
                Thread.sleep(20);
            }
        }
    }

    private GetConfigurationResponse getConfiguration(List<String> keys) throws Exception {
        return call(cp, keys.isEmpty() ? new GetConfigurationRequest() : new GetConfigurationRequest(keys));
    }

    private static KeyValue find(GetConfigurationResponse r, String key) {
        return r.configurationKey() == null ? null
                : r.configurationKey().stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }

    private String value(String key) throws Exception {
        GetConfigurationResponse r = getConfiguration(List.of(key));
        KeyValue kv = find(r, key);
        assertNotNull(key + " is known: " + r, kv);
        return kv.value();
    }

    private List<String> supported() throws Exception {
        return List.of(value(SUPPORTED).split(","));
    }

    private static List<String> supportedNow(Station station) {
        Station.ConfigurationSnapshot s = station.configuration(List.of(SUPPORTED));
        for (KeyValue kv : s.known()) {
            if (kv.key().equals(SUPPORTED)) {
                return List.of(kv.value().split(","));
            }
        }
        throw new AssertionError(SUPPORTED + " not known to the runtime: " + s);
    }

    /** Waits until SupportedFeatureProfiles (through GetConfiguration, once Core answers it) matches. */
    private void awaitProfiles(Predicate<List<String>> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> now = firstAnswerProfiles();
        while (!wanted.test(now)) {
            if (System.nanoTime() > deadline) {
                fail(SUPPORTED + " still " + now + " after " + WAIT);
            }
            Thread.sleep(20);
            now = supported();
        }
    }

    private List<String> firstAnswerProfiles() throws Exception {
        GetConfigurationResponse r = firstAnswer(new GetConfigurationRequest(List.of(SUPPORTED)));
        KeyValue kv = find(r, SUPPORTED);
        assertNotNull(SUPPORTED + " is known: " + r, kv);
        return List.of(kv.value().split(","));
    }

    /** Right after an uninstall: the profile has left SupportedFeatureProfiles, Core and the others stay. */
    private void assertProfileGone(String profile) throws Exception {
        List<String> now = supported();
        assertFalse(SUPPORTED + " without " + profile + ": " + now, now.contains(profile));
        assertTrue(SUPPORTED + " keeps Core: " + now, now.contains("Core"));
    }

    private void assertKeysKnown(List<String> keys) throws Exception {
        GetConfigurationResponse r = getConfiguration(keys);
        for (String k : keys) {
            assertNotNull(k + " is known: " + r, find(r, k));
            assertTrue(k + " not in unknownKey: " + r, r.unknownKey() == null || !r.unknownKey().contains(k));
        }
    }

    /**
     * The keys are unknown: listed under unknownKey when asked by name, absent from GetConfiguration of all keys,
     * and ChangeConfiguration answers NotSupported (also for keys that are read-only while their profile is there).
     */
    private void assertKeysUnknown(List<String> keys) throws Exception {
        List<String> asked = new ArrayList<>(keys);
        asked.add(SUPPORTED);
        GetConfigurationResponse named = getConfiguration(asked);
        assertNotNull(SUPPORTED + " still known: " + named, find(named, SUPPORTED));
        GetConfigurationResponse all = getConfiguration(List.of());
        for (String k : keys) {
            assertTrue(k + " listed under unknownKey: " + named, named.unknownKey() != null
                    && named.unknownKey().contains(k));
            assertNull("no value for " + k + ": " + named, find(named, k));
            assertNull("GetConfiguration (all keys) does not list " + k + ": " + all, find(all, k));
            assertEquals("ChangeConfiguration " + k + " while its profile is away", ConfigurationStatus.NOT_SUPPORTED,
                    call(cp, new ChangeConfigurationRequest(k, "false")).status());
        }
    }

    private void assertConnectionKept() {
        assertEquals("the WebSocket stayed up", 1, cp.connectCount());
        assertEquals("one BootNotification:\n" + Ocpp.describe(cp.received()), 1,
                Ocpp.all(cp, Action.BOOT_NOTIFICATION).size());
        assertTrue("still connected", cp.isConnected());
    }

    // ---- smart charging

    private static ChargingProfile txDefault(int id, double amperes) {
        return new ChargingProfile(id, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
                ChargingProfileKindType.ABSOLUTE, new ChargingSchedule(null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600), ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, amperes)), null));
    }

    private static void assertCompositeLimit(GetCompositeScheduleResponse r, double amperes) {
        assertEquals("GetCompositeSchedule: " + r, GetCompositeScheduleStatus.ACCEPTED, r.status());
        assertEquals("one period: " + r, 1, r.chargingSchedule().chargingSchedulePeriod().size());
        assertEquals("the TxDefaultProfile's limit: " + r, amperes,
                r.chargingSchedule().chargingSchedulePeriod().get(0).limit(), 0.0);
    }
}
