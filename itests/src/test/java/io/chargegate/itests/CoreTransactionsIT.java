package io.chargegate.itests;

import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.AuthorizeResponse;
import io.chargegate.ocpp.model.messages.ClearCacheRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStopTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.messages.UnlockConnectorRequest;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ClearCacheStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.Reason;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.station.api.Station;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static io.chargegate.itests.Ocpp.all;
import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Core transaction cases on the real bundles (Core profile, simulator, demo CSMS): EV side disconnected (TC_005_1,
 * TC_005_2, TC_005_3), cached ids (TC_007_1, TC_007_2), Authorize Invalid (TC_023_4, TC_023_5), offline start answered
 * Invalid (TC_037_2, TC_037_3), ClearCache (TC_061_1, TC_061_2), a stop by another idTag of the same parentIdTag
 * (TC_069) and a new session from Finishing (OCPP 1.6 section 4.9, F2). Every case asserts the message sequence the
 * compliance checklist names.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreTransactionsIT extends StationTestBase {

    /** The transactionId the CSMS gives the offline transactions of TC_037 (answered Invalid). */
    private static final int OFFLINE_TX_ID = 3700;

    private TcpProxy link;

    @Before
    public void setUp() throws Exception {
        startCsms(perTestId("CP-CT"));
        support.startSimulator(1);
    }

    @After
    public void tearDown() throws Exception {
        if (link != null) {
            link.close();
        }
    }

    // ------------------------------------------------------------------------------------ TC_005 EV side disconnect

    /**
     * TC_005_1: StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect true: the EV side is
     * disconnected, the station stops with reason EVDisconnected, unlocks, and reports Finishing then Available.
     */
    @Test
    public void tc005_1_evSideDisconnectStopsAndUnlocks() throws Exception {
        int transactionId = chargingWithEvSideDisconnectSettings(true, true, "EVD51");
        assertTrue("cable locked while charging: " + simStatus(), simStatus().contains("lock=locked"));

        int m = mark(cp);
        ReceivedMessage stop = unplugStopsWithEvDisconnected(m, transactionId);
        // Available (not Finishing) only once the runtime has unlocked the cable itself; the simulated unplug
        // pulls the whole cable, so the simulator's own lock state tells nothing here
        awaitStatus(cp, indexOf(cp, stop), 1, ChargePointStatus.AVAILABLE);
        assertEquals("after the StopTransaction: Finishing, then Available:\n" + Ocpp.describe(cp.received()),
                List.of(ChargePointStatus.FINISHING, ChargePointStatus.AVAILABLE), statuses(m, 1));
        assertTrue("StopTransaction before the statuses it causes:\n" + Ocpp.describe(cp.received()),
                indexOf(cp, stop) < indexOf(cp, awaitAfter(cp, m, Ocpp.status(1, ChargePointStatus.FINISHING))));
        assertEquals(1, all(cp, Action.STOP_TRANSACTION).size());
    }

    /**
     * TC_005_2: StopTransactionOnEVSideDisconnect true, UnlockConnectorOnEVSideDisconnect false: StopTransaction
     * EVDisconnected and Finishing; the connector stays Finishing (locked) until the CSMS sends UnlockConnector,
     * which answers Unlocked; then Available.
     */
    @Test
    public void tc005_2_evSideDisconnectStopsButStaysLockedUntilUnlockConnector() throws Exception {
        int transactionId = chargingWithEvSideDisconnectSettings(true, false, "EVD52");

        int m = mark(cp);
        unplugStopsWithEvDisconnected(m, transactionId);
        awaitStatus(cp, m, 1, ChargePointStatus.FINISHING);

        // a round trip, so what the stop caused has been reported before we look
        call(cp, new GetConfigurationRequest(List.of("UnlockConnectorOnEVSideDisconnect")));
        int beforeUnlock = mark(cp);
        assertEquals("still Finishing (cable locked) before UnlockConnector:\n" + Ocpp.describe(cp.received()),
                List.of(ChargePointStatus.FINISHING), statuses(m, 1));

        assertEquals(UnlockStatus.UNLOCKED, call(cp, new UnlockConnectorRequest(1)).status());
        awaitStatus(cp, beforeUnlock, 1, ChargePointStatus.AVAILABLE);
        assertEquals(List.of(ChargePointStatus.AVAILABLE), statuses(beforeUnlock, 1));
        assertEquals("one StopTransaction, none for the UnlockConnector", 1, all(cp, Action.STOP_TRANSACTION).size());
    }

    /**
     * TC_005_3: StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect false: the transaction
     * stays (SuspendedEV, no StopTransaction); the EV reconnects and charges again in the same transaction; the CSMS
     * stops it with RemoteStopTransaction: StopTransaction reason Remote, Finishing, then Available once unplugged.
     */
    @Test
    public void tc005_3_evSideDisconnectKeepsTransactionUntilRemoteStop() throws Exception {
        int transactionId = chargingWithEvSideDisconnectSettings(false, false, "EVD53");

        int m = mark(cp);
        support.sim("unplug", 1);
        awaitStatus(cp, m, 1, ChargePointStatus.SUSPENDED_EV);
        assertEquals(List.of(ChargePointStatus.SUSPENDED_EV), statuses(m, 1));
        assertTrue("no StopTransaction on the EV side disconnect:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.STOP_TRANSACTION).isEmpty());

        int replug = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, replug, 1, ChargePointStatus.CHARGING);
        assertEquals("the same transaction resumes", 1, all(cp, Action.START_TRANSACTION).size());
        assertTrue(all(cp, Action.STOP_TRANSACTION).isEmpty());

        int remote = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED, call(cp, new RemoteStopTransactionRequest(transactionId)).status());
        StopTransactionRequest stop = awaitAfter(cp, remote, Action.STOP_TRANSACTION)
                .request(StopTransactionRequest.class);
        assertEquals(transactionId, stop.transactionId());
        assertEquals(Reason.REMOTE, stop.reason());
        awaitStatus(cp, remote, 1, ChargePointStatus.FINISHING);
        support.sim("unplug", 1);
        awaitStatus(cp, remote, 1, ChargePointStatus.AVAILABLE);
        assertEquals(List.of(ChargePointStatus.FINISHING, ChargePointStatus.AVAILABLE), statuses(remote, 1));
        assertEquals(1, all(cp, Action.STOP_TRANSACTION).size());
    }

    // ------------------------------------------------------------------------------------------- TC_007 cached id

    /**
     * TC_007_1: AuthorizationCacheEnabled and LocalPreAuthorize: an idTag the CSMS accepted before starts the next
     * local session from the cache, without an Authorize (the CSMS would now answer Invalid).
     */
    @Test
    public void tc007_1_cachedIdStartsLocallyWithoutAuthorize() throws Exception {
        connectWithCache(false);
        localSessionFillingTheCache("CACHE71");
        assertNextStartFromTheCache("CACHE71", false);
    }

    /**
     * TC_007_2: AuthorizeRemoteTxRequests, AuthorizationCacheEnabled and LocalPreAuthorize: a RemoteStartTransaction
     * of a cached idTag is authorized from the cache: StartTransaction without an Authorize.
     */
    @Test
    public void tc007_2_cachedIdRemoteStartWithoutAuthorize() throws Exception {
        connectWithCache(true);
        remoteSessionFillingTheCache("CACHE72");
        assertNextStartFromTheCache("CACHE72", true);
    }

    // --------------------------------------------------------------------------------------- TC_023 Authorize Invalid

    /**
     * TC_023_4: plugged in, an idTag the CSMS answers Invalid: no StartTransaction, the connector never charges and
     * is Available once unplugged; a valid idTag afterwards starts the one and only transaction.
     */
    @Test
    public void tc023_4_localStartAuthorizeInvalid() throws Exception {
        connectStation(1);
        answerAuthorizeInvalidFor("INVALID234");
        int m = plugIn();
        support.sim("tag", "INVALID234");
        ReceivedMessage authorize = awaitAfter(cp, m, Action.AUTHORIZE);
        assertEquals("INVALID234", authorize.request(AuthorizeRequest.class).idTag());
        assertEquals(AuthorizationStatus.INVALID, ((AuthorizeResponse) authorize.response()).idTagInfo().status());
        support.sim("unplug", 1);
        awaitStatus(cp, indexOf(cp, authorize), 1, ChargePointStatus.AVAILABLE);
        assertEquals(List.of(ChargePointStatus.PREPARING, ChargePointStatus.AVAILABLE), statuses(m, 1));
        assertTrue("no StartTransaction for an Invalid idTag:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.START_TRANSACTION).isEmpty());

        // nothing of the refused idTag lingers: a valid one starts the only transaction
        int later = plugIn();
        support.sim("tag", "VALID234");
        awaitAfter(cp, later, Action.START_TRANSACTION);
        awaitStatus(cp, later, 1, ChargePointStatus.CHARGING);
        assertOnlyStart("VALID234");
    }

    /**
     * TC_023_5: AuthorizeRemoteTxRequests true, RemoteStartTransaction of an idTag the CSMS answers Invalid: the
     * request is Accepted, the station sends Authorize, shows Preparing and goes back to Available; no transaction.
     */
    @Test
    public void tc023_5_remoteStartAuthorizeInvalid() throws Exception {
        connectStation(1);
        Ocpp.configure(cp, "AuthorizeRemoteTxRequests", "true");
        answerAuthorizeInvalidFor("INVALID235");
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("INVALID235").withConnectorId(1)).status());
        ReceivedMessage authorize = awaitAfter(cp, m, Action.AUTHORIZE);
        assertEquals("INVALID235", authorize.request(AuthorizeRequest.class).idTag());
        int preparing = indexOf(cp, awaitAfter(cp, m, Ocpp.status(1, ChargePointStatus.PREPARING)));
        awaitStatus(cp, preparing + 1, 1, ChargePointStatus.AVAILABLE);
        assertEquals(List.of(ChargePointStatus.PREPARING, ChargePointStatus.AVAILABLE), statuses(m, 1));
        assertTrue("no StartTransaction for an Invalid idTag:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.START_TRANSACTION).isEmpty());

        // the EV comes: still nothing starts; a valid remote start then starts the only transaction
        int later = plugIn();
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("VALID235").withConnectorId(1)).status());
        awaitAfter(cp, later, Action.START_TRANSACTION);
        awaitStatus(cp, later, 1, ChargePointStatus.CHARGING);
        assertOnlyStart("VALID235");
    }

    // ------------------------------------------------------------------------------ TC_037 offline start, Invalid

    /**
     * TC_037_2: started offline (AllowOfflineTxForUnknownId), StopTransactionOnInvalidId false: after the reconnect
     * the queued StartTransaction is answered Invalid; the transaction is kept (no StopTransaction) but energy
     * stops (SuspendedEVSE, contactor open); a local stop later ends it with the CSMS's transactionId.
     */
    @Test
    public void tc037_2_offlineStartInvalidKeepsTransactionSuspended() throws Exception {
        startOfflineThenReconnect("OFF372", false);
        ReceivedMessage start = awaitAfter(cp, 0, Action.START_TRANSACTION);
        assertEquals("OFF372", start.request(StartTransactionRequest.class).idTag());
        awaitAfter(cp, indexOf(cp, start), Ocpp.status(1, ChargePointStatus.SUSPENDED_EVSE));
        assertTrue("no StopTransaction with StopTransactionOnInvalidId false:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.STOP_TRANSACTION).isEmpty());
        awaitTrue("energy delivery stopped: " + simStatus(), () -> simStatus().contains("contactor=open"));
        assertEquals("the transaction is kept: its last status is SuspendedEVSE:\n" + Ocpp.describe(cp.received()),
                ChargePointStatus.SUSPENDED_EVSE, last(statuses(indexOf(cp, start), 1)));

        int m = mark(cp);
        support.sim("stop", 1);
        StopTransactionRequest stop = awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class);
        assertEquals(OFFLINE_TX_ID, stop.transactionId());
        assertEquals(Reason.LOCAL, stop.reason());
        awaitStatus(cp, m, 1, ChargePointStatus.FINISHING);
        assertEquals(1, all(cp, Action.START_TRANSACTION).size());
    }

    /**
     * TC_037_3: started offline, StopTransactionOnInvalidId true: the queued StartTransaction answered Invalid is
     * followed by StopTransaction reason DeAuthorized with the CSMS's transactionId, then Finishing.
     */
    @Test
    public void tc037_3_offlineStartInvalidStopsDeAuthorized() throws Exception {
        startOfflineThenReconnect("OFF373", true);
        ReceivedMessage start = awaitAfter(cp, 0, Action.START_TRANSACTION);
        assertEquals("OFF373", start.request(StartTransactionRequest.class).idTag());
        ReceivedMessage stop = awaitAfter(cp, 0, Action.STOP_TRANSACTION);
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertTrue("StartTransaction before StopTransaction", indexOf(cp, start) < indexOf(cp, stop));
        assertEquals(OFFLINE_TX_ID, stopReq.transactionId());
        assertEquals(Reason.DE_AUTHORIZED, stopReq.reason());
        awaitStatus(cp, indexOf(cp, stop), 1, ChargePointStatus.FINISHING);
        awaitTrue("energy delivery stopped: " + simStatus(), () -> simStatus().contains("contactor=open"));
        assertEquals("the StartTransaction is sent once, also when its answer stops the transaction:\n"
                + Ocpp.describe(cp.received()), 1, all(cp, Action.START_TRANSACTION).size());
        assertEquals(1, all(cp, Action.STOP_TRANSACTION).size());
    }

    /**
     * Connects through a {@link TcpProxy}, sets StopTransactionOnInvalidId, cuts the link, starts charging offline with
     * an unknown idTag and restores the link with StartTransaction answered Invalid (transactionId
     * {@link #OFFLINE_TX_ID}). On return {@link #cp}'s messages are those of the new connection only.
     */
    private void startOfflineThenReconnect(String idTag, boolean stopOnInvalid) throws Exception {
        link = new TcpProxy(support.csmsPort());
        Hashtable<String, Object> extra = new Hashtable<>();
        extra.put("csmsUrl", "ws://127.0.0.1:" + link.port() + "/ocpp");
        cp = support.startStation(1, extra);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(cp, "LocalAuthorizeOffline", "true");
        Ocpp.configure(cp, "AllowOfflineTxForUnknownId", "true");
        Ocpp.configure(cp, "StopTransactionOnInvalidId", Boolean.toString(stopOnInvalid));
        cp.setResponder(Action.START_TRANSACTION, (StartTransactionRequest r) ->
                new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.INVALID), OFFLINE_TX_ID));

        Station station = support.service(Station.class, "(chargegate.station=" + support.chargePointId + ")");
        link.cut();
        awaitTrue("the CSMS sees the station gone", () -> !cp.isConnected());
        awaitTrue("the station sees itself offline", () -> !station.status().connected());
        support.sim("plug", 1);
        support.sim("tag", idTag);
        awaitTrue("charging offline: " + simStatus(), () -> simStatus().contains("contactor=closed"));
        assertTrue("nothing of the offline transaction reached the CSMS:\n" + Ocpp.describe(cp.received()),
                all(cp, Action.START_TRANSACTION).isEmpty());

        cp.clearReceived();
        link.restore();
        awaitTrue("the station reconnects", () -> cp.isConnected() && cp.connectCount() == 2);
    }

    // -------------------------------------------------------------------------------------------- TC_061 ClearCache

    /** TC_061_1: ClearCache Accepted; the next local start of the formerly cached idTag is authorized online. */
    @Test
    public void tc061_1_clearCacheThenLocalStartAuthorizesOnline() throws Exception {
        connectWithCache(false);
        localSessionFillingTheCache("CLEAR611");

        assertEquals(ClearCacheStatus.ACCEPTED, call(cp, new ClearCacheRequest()).status());
        int m = plugIn();
        presentIdTag("CLEAR611", false);
        assertAuthorizedOnlineThenStarted(m, "CLEAR611");
    }

    /** TC_061_2: ClearCache Accepted; the next remote start of the formerly cached idTag is authorized online. */
    @Test
    public void tc061_2_clearCacheThenRemoteStartAuthorizesOnline() throws Exception {
        connectWithCache(true);
        remoteSessionFillingTheCache("CLEAR612");

        assertEquals(ClearCacheStatus.ACCEPTED, call(cp, new ClearCacheRequest()).status());
        int m = plugIn();
        presentIdTag("CLEAR612", true);
        assertAuthorizedOnlineThenStarted(m, "CLEAR612");
    }

    private void assertAuthorizedOnlineThenStarted(int m, String idTag) throws Exception {
        ReceivedMessage authorize = awaitAfter(cp, m, Action.AUTHORIZE);
        assertEquals(idTag, authorize.request(AuthorizeRequest.class).idTag());
        ReceivedMessage start = awaitAfter(cp, m, Action.START_TRANSACTION);
        assertEquals(idTag, start.request(StartTransactionRequest.class).idTag());
        assertTrue("Authorize before StartTransaction:\n" + Ocpp.describe(cp.received()),
                indexOf(cp, authorize) < indexOf(cp, start));
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
    }

    // ------------------------------------------------------------------------------------------ TC_069 parentIdTag

    /**
     * TC_069: a transaction started by one idTag is stopped by another idTag with the same parentIdTag (learnt
     * from Authorize): Authorize of the second idTag, then StopTransaction reason Local with that idTag. An idTag of
     * another group does not stop it.
     */
    @Test
    public void tc069_stopByIdTagWithSameParent() throws Exception {
        connectStation(1);
        Map<String, String> parents = Map.of("TAG69A", "PARENT69", "TAG69B", "PARENT69", "TAG69X", "OTHER69");
        cp.setResponder(Action.AUTHORIZE, (AuthorizeRequest r) -> new AuthorizeResponse(
                new IdTagInfo(null, parents.get(r.idTag()), AuthorizationStatus.ACCEPTED)));
        int transactionId = startSession("TAG69A");

        int m = mark(cp);
        support.sim("tag", "TAG69X");
        awaitAfter(cp, m, x -> x.action() == Action.AUTHORIZE
                && x.request(AuthorizeRequest.class).idTag().equals("TAG69X"));
        support.sim("tag", "TAG69B");
        ReceivedMessage authorizeB = awaitAfter(cp, m, x -> x.action() == Action.AUTHORIZE
                && x.request(AuthorizeRequest.class).idTag().equals("TAG69B"));
        ReceivedMessage stop = awaitAfter(cp, m, Action.STOP_TRANSACTION);
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertTrue("Authorize of the second idTag before the stop", indexOf(cp, authorizeB) < indexOf(cp, stop));
        assertEquals(transactionId, stopReq.transactionId());
        assertEquals("stopped by the idTag of the same group", "TAG69B", stopReq.idTag());
        assertEquals(Reason.LOCAL, stopReq.reason());
        awaitStatus(cp, indexOf(cp, stop), 1, ChargePointStatus.FINISHING);
        assertEquals("exactly one StopTransaction:\n" + Ocpp.describe(cp.received()),
                1, all(cp, Action.STOP_TRANSACTION).size());
    }

    // ------------------------------------------------------------------------------------ F2 restart from Finishing

    /**
     * OCPP 1.6 section 4.9, F2 (Finishing to Preparing, "user restart charging session, e.g. presents idTag again,
     * thereby creating a new Transaction"): a session stopped locally with the EV still plugged in is Finishing; the
     * same idTag again gives Preparing, a new StartTransaction (new transactionId) and Charging, with the cable locked
     * again; a stop and the unplug end it: exactly two StartTransactions and two StopTransactions.
     */
    @Test
    public void f2_finishingRestartByTheSameIdTagStartsASecondTransaction() throws Exception {
        Hashtable<String, Object> extra = new Hashtable<>();
        extra.put("restartHoldOffSeconds", 0); // the same card restarts at once after the read that stopped
        cp = support.startStation(1, extra);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        Ocpp.configure(cp, "MinimumStatusDuration", "0");
        int first = startSession("F2TAG");

        int m = mark(cp);
        support.sim("tag", "F2TAG");
        StopTransactionRequest stop1 = awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class);
        assertEquals(first, stop1.transactionId());
        assertEquals(Reason.LOCAL, stop1.reason());
        awaitStatus(cp, m, 1, ChargePointStatus.FINISHING);
        awaitTrue("cable unlocked after the stop: " + simStatus(), () -> simStatus().contains("lock=unlocked"));

        int restart = mark(cp);
        support.sim("tag", "F2TAG");
        ReceivedMessage start2 = awaitAfter(cp, restart, Action.START_TRANSACTION);
        assertEquals("F2TAG", start2.request(StartTransactionRequest.class).idTag());
        awaitStatus(cp, restart, 1, ChargePointStatus.CHARGING);
        int second = ((StartTransactionResponse) start2.response()).transactionId();
        assertTrue("a new transactionId: " + first + " then " + second, second != first);
        assertEquals("Finishing -> Preparing -> Charging:\n" + Ocpp.describe(cp.received()),
                List.of(ChargePointStatus.PREPARING, ChargePointStatus.CHARGING), statuses(restart, 1));
        ReceivedMessage preparing = awaitAfter(cp, restart, Ocpp.status(1, ChargePointStatus.PREPARING));
        ReceivedMessage charging = awaitAfter(cp, restart, Ocpp.status(1, ChargePointStatus.CHARGING));
        assertTrue("Preparing, StartTransaction, Charging in this order:\n" + Ocpp.describe(cp.received()),
                indexOf(cp, preparing) < indexOf(cp, start2) && indexOf(cp, start2) < indexOf(cp, charging));
        assertTrue("cable locked again: " + simStatus(), simStatus().contains("lock=locked"));

        int m2 = mark(cp);
        support.sim("tag", "F2TAG");
        StopTransactionRequest stop2 = awaitAfter(cp, m2, Action.STOP_TRANSACTION).request(StopTransactionRequest.class);
        assertEquals(second, stop2.transactionId());
        assertEquals(Reason.LOCAL, stop2.reason());
        endSession(m2);
        assertEquals("exactly two StartTransactions:\n" + Ocpp.describe(cp.received()),
                2, all(cp, Action.START_TRANSACTION).size());
        assertEquals("exactly two StopTransactions:\n" + Ocpp.describe(cp.received()),
                2, all(cp, Action.STOP_TRANSACTION).size());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Sets MinimumStatusDuration 0 and the two EV side disconnect keys, then starts a local session of {@code idTag}. */
    private int chargingWithEvSideDisconnectSettings(boolean stopTransaction, boolean unlockConnector, String idTag)
            throws Exception {
        connectStation(1);
        Ocpp.configure(cp, "MinimumStatusDuration", "0");
        Ocpp.configure(cp, "StopTransactionOnEVSideDisconnect", Boolean.toString(stopTransaction));
        Ocpp.configure(cp, "UnlockConnectorOnEVSideDisconnect", Boolean.toString(unlockConnector));
        return startSession(idTag);
    }

    /** Unplugs the EV: StopTransaction of {@code transactionId} (after {@code m}) with reason EVDisconnected. */
    private ReceivedMessage unplugStopsWithEvDisconnected(int m, int transactionId) throws Exception {
        support.sim("unplug", 1);
        ReceivedMessage stop = awaitAfter(cp, m, Action.STOP_TRANSACTION);
        StopTransactionRequest stopReq = stop.request(StopTransactionRequest.class);
        assertEquals(transactionId, stopReq.transactionId());
        assertEquals(Reason.EV_DISCONNECTED, stopReq.reason());
        return stop;
    }

    /** Connects the station with AuthorizationCacheEnabled and LocalPreAuthorize (and AuthorizeRemoteTxRequests). */
    private void connectWithCache(boolean authorizeRemoteTxRequests) throws Exception {
        connectStation(1);
        if (authorizeRemoteTxRequests) {
            Ocpp.configure(cp, "AuthorizeRemoteTxRequests", "true");
        }
        Ocpp.configure(cp, "AuthorizationCacheEnabled", "true");
        Ocpp.configure(cp, "LocalPreAuthorize", "true");
    }

    /**
     * The CSMS now answers Authorize Invalid; plugged in, the cached {@code idTag} presented locally or by
     * RemoteStartTransaction starts the session (StartTransaction, Charging) without an Authorize.
     */
    private void assertNextStartFromTheCache(String idTag, boolean remote) throws Exception {
        cp.setResponder(Action.AUTHORIZE, (AuthorizeRequest r) -> new AuthorizeResponse(
                new IdTagInfo(AuthorizationStatus.INVALID)));
        int m = plugIn();
        presentIdTag(idTag, remote);
        assertEquals(idTag, awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class).idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        assertTrue("no Authorize for a cached id:\n" + Ocpp.describe(cp.received()), noneAfter(m, Action.AUTHORIZE));
    }

    /** The CSMS answers Authorize of {@code invalid} Invalid, of every other idTag Accepted. */
    private void answerAuthorizeInvalidFor(String invalid) {
        cp.setResponder(Action.AUTHORIZE, (AuthorizeRequest r) -> new AuthorizeResponse(new IdTagInfo(
                r.idTag().equals(invalid) ? AuthorizationStatus.INVALID : AuthorizationStatus.ACCEPTED)));
    }

    /** Plugs in connector 1 and waits for Preparing; returns the mark taken before. */
    private int plugIn() throws Exception {
        int m = mark(cp);
        support.sim("plug", 1);
        awaitStatus(cp, m, 1, ChargePointStatus.PREPARING);
        return m;
    }

    /** Presents {@code idTag} at the reader, or sends RemoteStartTransaction for connector 1 (Accepted). */
    private void presentIdTag(String idTag, boolean remote) throws Exception {
        if (remote) {
            assertEquals(RemoteStartStopStatus.ACCEPTED,
                    call(cp, new RemoteStartTransactionRequest(idTag).withConnectorId(1)).status());
        } else {
            support.sim("tag", idTag);
        }
    }

    /**
     * A whole local session of an idTag the station does not know yet: authorized online (Authorize Accepted), then
     * stopped by the same idTag and unplugged (Available again).
     */
    private void localSessionFillingTheCache(String idTag) throws Exception {
        int m = mark(cp);
        startSession(idTag);
        assertEquals("not cached yet: authorized online", idTag,
                awaitAfter(cp, m, Action.AUTHORIZE).request(AuthorizeRequest.class).idTag());
        support.sim("tag", idTag);
        assertEquals(Reason.LOCAL, awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class)
                .reason());
        endSession(m);
    }

    /** Like {@link #localSessionFillingTheCache}, started by RemoteStartTransaction and stopped remotely. */
    private void remoteSessionFillingTheCache(String idTag) throws Exception {
        int m = plugIn();
        presentIdTag(idTag, true);
        assertEquals("not cached yet: authorized online", idTag,
                awaitAfter(cp, m, Action.AUTHORIZE).request(AuthorizeRequest.class).idTag());
        ReceivedMessage start = awaitAfter(cp, m, Action.START_TRANSACTION);
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        int transactionId = ((StartTransactionResponse) start.response()).transactionId();
        assertEquals(RemoteStartStopStatus.ACCEPTED, call(cp, new RemoteStopTransactionRequest(transactionId)).status());
        assertEquals(Reason.REMOTE, awaitAfter(cp, m, Action.STOP_TRANSACTION).request(StopTransactionRequest.class)
                .reason());
        endSession(m);
    }

    /** After a stop with the EV plugged in: Finishing, unplug, Available. */
    private void endSession(int m) throws Exception {
        int finishing = indexOf(cp, awaitAfter(cp, m, Ocpp.status(1, ChargePointStatus.FINISHING)));
        support.sim("unplug", 1);
        awaitStatus(cp, finishing + 1, 1, ChargePointStatus.AVAILABLE);
    }

    /** The statuses of {@code connector} received after {@code from}, in order. */
    private List<ChargePointStatus> statuses(int from, int connector) {
        List<ReceivedMessage> received = cp.received();
        List<ChargePointStatus> result = new ArrayList<>();
        for (ReceivedMessage x : received.subList(Math.min(from, received.size()), received.size())) {
            if (x.action() == Action.STATUS_NOTIFICATION
                    && x.request(StatusNotificationRequest.class).connectorId() == connector) {
                result.add(x.request(StatusNotificationRequest.class).status());
            }
        }
        return result;
    }

    private static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    private boolean noneAfter(int from, Action action) {
        List<ReceivedMessage> received = cp.received();
        return received.subList(from, received.size()).stream().noneMatch(Ocpp.is(action));
    }

    private void assertOnlyStart(String idTag) {
        List<ReceivedMessage> starts = all(cp, Action.START_TRANSACTION);
        assertEquals("exactly one StartTransaction:\n" + Ocpp.describe(cp.received()), 1, starts.size());
        assertEquals(idTag, starts.get(0).request(StartTransactionRequest.class).idTag());
    }
}
