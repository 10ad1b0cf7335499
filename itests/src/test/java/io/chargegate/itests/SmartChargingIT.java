package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ClearChargingProfileRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleResponse;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionRequest;
import io.chargegate.ocpp.model.messages.SetChargingProfileRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingProfileStatus;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.ClearChargingProfileStatus;
import io.chargegate.ocpp.model.types.GetCompositeScheduleStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.rpc.ErrorCode;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.callError;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The SmartCharging profile bundle in Felix against the demo CSMS and the simulator: TC_056, TC_057, TC_058_1,
 * TC_058_2, TC_059, TC_060, TC_066, TC_067, TC_072 and TC_082 end to end (the limit is read from the simulator's
 * connector status), the configuration keys, and a stop/start of the profile bundle (limit held, profiles kept in the
 * station's store).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmartChargingIT extends StationTestBase {

    private static final String SMART_CHARGING = "io.chargegate.profile.smartcharging";

    public SmartChargingIT() {
        super(SMART_CHARGING);
    }

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-SC", 1);
    }

    @After
    public void tearDown() throws Exception {
        Bundle b = bundle();
        if (b.getState() != Bundle.ACTIVE) {
            b.start();
        }
    }

    private Bundle bundle() {
        for (Bundle b : context.getBundles()) {
            if (SMART_CHARGING.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + SMART_CHARGING + " not installed");
    }

    private static ChargingProfile profile(int id, int stackLevel, ChargingProfilePurposeType purpose,
                                           ChargingProfileKindType kind, Instant start, ChargingSchedulePeriod... periods) {
        return new ChargingProfile(id, stackLevel, purpose, kind,
                new ChargingSchedule(null, start, ChargingRateUnitType.A, List.of(periods), null));
    }

    private static ChargingProfile txDefault(int id, double amperes) {
        return profile(id, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE, ChargingProfileKindType.ABSOLUTE,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600), new ChargingSchedulePeriod(0, amperes));
    }

    /** The simulator connector's limit as its status shows it ("16.0 A", "7400 W", "max"). */
    private String limitNow() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("limit=(max|\\S+ [AW]\\S*)")
                .matcher(String.valueOf(support.sim("status")));
        assertTrue("no limit in the simulator status", m.find());
        return m.group(1);
    }

    private void awaitLimit(String text) throws Exception {
        awaitTrue("simulator connector limit=" + text, () -> {
            try {
                return String.valueOf(support.sim("status")).contains("limit=" + text);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** TC_056 + TC_066 + configuration keys: TxDefaultProfile Accepted, applied, reported by GetCompositeSchedule. */
    @Test
    public void txDefaultProfileIsAppliedAndReported() throws Exception {
        GetConfigurationResponse conf = call(cp, new GetConfigurationRequest(List.of("SupportedFeatureProfiles",
                "ChargeProfileMaxStackLevel", "ChargingScheduleAllowedChargingRateUnit", "ChargingScheduleMaxPeriods",
                "MaxChargingProfilesInstalled")));
        Map<String, String> values = conf.configurationKey().stream()
                .collect(Collectors.toMap(KeyValue::key, KeyValue::value));
        assertTrue(values.toString(), values.get("SupportedFeatureProfiles").contains("SmartCharging"));
        assertEquals("10", values.get("ChargeProfileMaxStackLevel"));
        assertEquals("Current,Power", values.get("ChargingScheduleAllowedChargingRateUnit"));
        assertEquals("24", values.get("ChargingScheduleMaxPeriods"));
        assertEquals("20", values.get("MaxChargingProfilesInstalled"));

        assertEquals(ChargingProfileStatus.ACCEPTED, call(cp, new SetChargingProfileRequest(0, txDefault(1, 16))).status());
        awaitLimit("16.0 A");
        GetCompositeScheduleResponse composite = call(cp, new GetCompositeScheduleRequest(1, 600));
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, composite.status());
        assertEquals(Integer.valueOf(1), composite.connectorId());
        assertEquals(1, composite.chargingSchedule().chargingSchedulePeriod().size());
        assertEquals(16.0, composite.chargingSchedule().chargingSchedulePeriod().get(0).limit(), 0.0);
        GetCompositeScheduleResponse watts = call(cp, new GetCompositeScheduleRequest(0, 600)
                .withChargingRateUnit(ChargingRateUnitType.W));
        assertEquals(11040.0, watts.chargingSchedule().chargingSchedulePeriod().get(0).limit(), 0.0);
    }

    /** TC_058_1: a TxProfile without a transaction is Rejected. */
    @Test
    public void txProfileWithoutTransactionIsRejected() throws Exception {
        ChargingProfile tx = profile(5, 0, ChargingProfilePurposeType.TX_PROFILE, ChargingProfileKindType.RELATIVE,
                null, new ChargingSchedulePeriod(0, 6));
        assertEquals(ChargingProfileStatus.REJECTED, call(cp, new SetChargingProfileRequest(1, tx)).status());
    }

    /** TC_059: RemoteStartTransaction with a TxProfile limits the transaction; the limit ends with it. */
    @Test
    public void remoteStartWithTxProfileLimitsTheTransaction() throws Exception {
        call(cp, new SetChargingProfileRequest(0, txDefault(1, 16)));
        awaitLimit("16.0 A");
        int m = mark(cp);
        ChargingProfile tx = profile(9, 0, ChargingProfilePurposeType.TX_PROFILE, ChargingProfileKindType.RELATIVE,
                null, new ChargingSchedulePeriod(0, 10));
        assertEquals(RemoteStartStopStatus.ACCEPTED, call(cp, new RemoteStartTransactionRequest("SC59")
                .withConnectorId(1).withChargingProfile(tx)).status());
        support.sim("plug", 1);
        StartTransactionResponse start = (StartTransactionResponse) awaitAfter(cp, m, Action.START_TRANSACTION).response();
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        awaitLimit("10.0 A");
        assertEquals(10.0, call(cp, new GetCompositeScheduleRequest(1, 60)).chargingSchedule()
                .chargingSchedulePeriod().get(0).limit(), 0.0);
        call(cp, new RemoteStopTransactionRequest(start.transactionId()));
        awaitAfter(cp, m, Action.STOP_TRANSACTION);
        awaitLimit("16.0 A");
    }

    /** TC_067: ClearChargingProfile removes the profile; the station default applies again. */
    @Test
    public void clearChargingProfile() throws Exception {
        String stationDefault = limitNow();
        call(cp, new SetChargingProfileRequest(0, txDefault(3, 12)));
        awaitLimit("12.0 A");
        assertEquals(ClearChargingProfileStatus.ACCEPTED, call(cp, new ClearChargingProfileRequest().withId(3)).status());
        awaitLimit(stationDefault);
        assertEquals(GetCompositeScheduleStatus.REJECTED, call(cp, new GetCompositeScheduleRequest(1, 600)).status());
        assertEquals(ClearChargingProfileStatus.UNKNOWN, call(cp, new ClearChargingProfileRequest().withId(3)).status());
    }

    /** Hot swap: stopping the bundle keeps the limit in place; started again, it finds its profiles in the store. */
    @Test
    public void profilesSurviveAStopOfTheBundleAndTheLimitIsHeld() throws Exception {
        call(cp, new SetChargingProfileRequest(0, txDefault(4, 14)));
        awaitLimit("14.0 A");
        bundle().stop();
        assertEquals(ErrorCode.NotSupported, callError(cp, new GetCompositeScheduleRequest(1, 600)).code());
        assertTrue(String.valueOf(support.sim("status")).contains("limit=14.0 A"));
        assertEquals("the WebSocket stays up", 1, cp.connectCount());
        bundle().start();
        awaitTrue("GetCompositeSchedule answered again", () -> {
            try {
                GetCompositeScheduleResponse r = cp.call(new GetCompositeScheduleRequest(1, 600)).toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                return r.status() == GetCompositeScheduleStatus.ACCEPTED
                        && r.chargingSchedule().chargingSchedulePeriod().get(0).limit() == 14.0;
            } catch (Exception notYet) {
                return false;
            }
        });
        awaitLimit("14.0 A");
    }

    /** TC_057: a TxProfile for the running transaction is Accepted, reaches the connector and the composite. */
    @Test
    public void tc057_txProfileForTheRunningTransactionIsApplied() throws Exception {
        int tx = startTransaction("SC57");
        ChargingProfile p = profile(57, 0, ChargingProfilePurposeType.TX_PROFILE, ChargingProfileKindType.RELATIVE,
                null, new ChargingSchedulePeriod(0, 8)).withTransactionId(tx);
        assertEquals(ChargingProfileStatus.ACCEPTED, call(cp, new SetChargingProfileRequest(1, p)).status());
        awaitLimit("8.0 A");
        assertEquals(8.0, firstLimit(call(cp, new GetCompositeScheduleRequest(1, 60))), 0.0);
    }

    /** TC_058_2: a TxProfile naming a transactionId that is not the running transaction's is Rejected. */
    @Test
    public void tc058_2_txProfileWithAWrongTransactionIdIsRejected() throws Exception {
        String before = limitNow();
        int tx = startTransaction("SC582");
        ChargingProfile p = profile(582, 0, ChargingProfilePurposeType.TX_PROFILE, ChargingProfileKindType.RELATIVE,
                null, new ChargingSchedulePeriod(0, 6)).withTransactionId(tx + 1000);
        assertEquals(ChargingProfileStatus.REJECTED, call(cp, new SetChargingProfileRequest(1, p)).status());
        // nothing was installed: no composite schedule, the limit is the one before
        assertEquals(GetCompositeScheduleStatus.REJECTED, call(cp, new GetCompositeScheduleRequest(1, 60)).status());
        assertEquals(before, limitNow());
    }

    /**
     * TC_060: RemoteStartTransaction with a charging profile whose purpose is not TxProfile is Rejected (the
     * checklist allows Rejected or PropertyConstraintViolation; the runtime answers Rejected) and installs nothing.
     */
    @Test
    public void tc060_remoteStartWithAProfileThatIsNotATxProfileIsRejected() throws Exception {
        int m = mark(cp);
        ChargingProfile txDefault = profile(60, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
                ChargingProfileKindType.RELATIVE, null, new ChargingSchedulePeriod(0, 6));
        assertEquals(RemoteStartStopStatus.REJECTED, call(cp, new RemoteStartTransactionRequest("SC60")
                .withConnectorId(1).withChargingProfile(txDefault)).status());
        ChargingProfile maxProfile = profile(61, 0, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE,
                ChargingProfileKindType.RELATIVE, null, new ChargingSchedulePeriod(0, 6));
        assertEquals(RemoteStartStopStatus.REJECTED, call(cp, new RemoteStartTransactionRequest("SC60")
                .withConnectorId(1).withChargingProfile(maxProfile)).status());
        assertEquals(GetCompositeScheduleStatus.REJECTED, call(cp, new GetCompositeScheduleRequest(1, 60)).status());
        // the connector is still free: a remote start without a profile is Accepted and starts with this idTag
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("SC60OK").withConnectorId(1)).status());
        support.sim("plug", 1);
        assertEquals("SC60OK", awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class)
                .idTag());
    }

    /**
     * TC_072: two TxDefaultProfiles stacked; the one with the higher stackLevel wins while it is valid (even with a
     * higher limit: stacking is not a minimum), then the lower one applies. GetCompositeSchedule shows both periods.
     */
    @Test
    public void tc072_higherStackLevelWins() throws Exception {
        assertEquals(ChargingProfileStatus.ACCEPTED, call(cp, new SetChargingProfileRequest(0, txDefault(721, 10)))
                .status());
        awaitLimit("10.0 A");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ChargingProfile upper = new ChargingProfile(722, 1, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
                ChargingProfileKindType.ABSOLUTE, new ChargingSchedule(300, start, ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, 14)), null));
        assertEquals(ChargingProfileStatus.ACCEPTED, call(cp, new SetChargingProfileRequest(0, upper)).status());
        awaitLimit("14.0 A");
        GetCompositeScheduleResponse composite = call(cp, new GetCompositeScheduleRequest(1, 600));
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, composite.status());
        List<ChargingSchedulePeriod> periods = composite.chargingSchedule().chargingSchedulePeriod();
        assertEquals(periods.toString(), 2, periods.size());
        assertEquals(14.0, periods.get(0).limit(), 0.0);
        assertEquals(0, periods.get(0).startPeriod());
        assertEquals(10.0, periods.get(1).limit(), 0.0);
        // the stackLevel 1 profile ends 300 s after its start, which is before the composite schedule's start + 300
        assertTrue(periods.toString(), periods.get(1).startPeriod() > 0 && periods.get(1).startPeriod() <= 300);
        // without the upper profile the lower one applies again
        assertEquals(ClearChargingProfileStatus.ACCEPTED,
                call(cp, new ClearChargingProfileRequest().withId(722)).status());
        awaitLimit("10.0 A");
    }

    /** TC_082: a new TxDefaultProfile set during a transaction applies to that transaction at once. */
    @Test
    public void tc082_newTxDefaultProfileAppliesToTheOngoingTransaction() throws Exception {
        call(cp, new SetChargingProfileRequest(0, txDefault(821, 16)));
        awaitLimit("16.0 A");
        int m = mark(cp);
        int tx = startTransaction("SC82");
        // same purpose and stackLevel on the same connector: replaces profile 821
        assertEquals(ChargingProfileStatus.ACCEPTED, call(cp, new SetChargingProfileRequest(0, txDefault(822, 8)))
                .status());
        awaitLimit("8.0 A");
        assertEquals(8.0, firstLimit(call(cp, new GetCompositeScheduleRequest(1, 60))), 0.0);
        assertEquals(ClearChargingProfileStatus.UNKNOWN, call(cp, new ClearChargingProfileRequest().withId(821)).status());
        assertTrue("the transaction goes on:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(m, mark(cp)).stream().noneMatch(Ocpp.is(Action.STOP_TRANSACTION)));
        call(cp, new RemoteStopTransactionRequest(tx));
        awaitAfter(cp, m, Action.STOP_TRANSACTION);
    }

    /** Starts a transaction on connector 1 locally (token, then plug-in); returns its transactionId once Charging. */
    private int startTransaction(String idTag) throws Exception {
        int m = mark(cp);
        support.sim("tag", idTag);
        support.sim("plug", 1);
        StartTransactionResponse start = (StartTransactionResponse) awaitAfter(cp, m, Action.START_TRANSACTION).response();
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        return start.transactionId();
    }

    /** The limit of the first period of an Accepted composite schedule. */
    private static double firstLimit(GetCompositeScheduleResponse r) {
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, r.status());
        return r.chargingSchedule().chargingSchedulePeriod().get(0).limit();
    }
}
