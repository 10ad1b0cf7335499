package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.ocpp.model.Action;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.GetLocalListVersionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.SendLocalListRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.ocpp.rpc.ErrorCode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import java.util.ArrayList;
import java.util.List;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The LocalAuthListManagement profile bundle on the real runtime: TC_042_1, TC_042_2, TC_043, TC_043_1, TC_043_2,
 * TC_043_3, TC_008_1 / TC_008_2 (local and remote start from the list without Authorize), an offline start
 * authorized from the list (LocalAuthorizeOffline), a Full update with an entry without idTagInfo, and the profile's
 * keys.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalAuthListIT extends StationTestBase {

    private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED);

    public LocalAuthListIT() {
        super("io.chargegate.profile.localauthlist");
    }

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-LAL", 1);
    }

    private int version() throws Exception {
        return call(cp, new GetLocalListVersionRequest()).listVersion();
    }

    private UpdateStatus send(int version, UpdateType type, List<AuthorizationData> entries) throws Exception {
        return call(cp, new SendLocalListRequest(version, entries, type)).status();
    }

    /** The profile's three keys with their access and values, and the profile in SupportedFeatureProfiles. */
    @Test
    public void profileIsAnnouncedWithItsKeys() throws Exception {
        ProfileChecks.assertProfileSupported(cp, "LocalAuthListManagement");
        KeyValue enabled = ProfileChecks.key(cp, "LocalAuthListEnabled");
        assertEquals("true", enabled.value());
        assertFalse(enabled.readonly());
        KeyValue listMax = ProfileChecks.key(cp, "LocalAuthListMaxLength");
        assertEquals("1000", listMax.value());
        assertTrue(listMax.readonly());
        KeyValue sendMax = ProfileChecks.key(cp, "SendLocalListMaxLength");
        assertEquals("100", sendMax.value());
        assertTrue(sendMax.readonly());
    }

    /** TC_042_1: with LocalAuthListEnabled=false GetLocalListVersion answers -1. */
    @Test
    public void tc042_1_disabledListAnswersMinusOne() throws Exception {
        assertEquals(UpdateStatus.ACCEPTED, send(3, UpdateType.FULL, List.of(new AuthorizationData("A421", ACCEPTED))));
        Ocpp.configure(cp, "LocalAuthListEnabled", "false");
        assertEquals(-1, version());
        Ocpp.configure(cp, "LocalAuthListEnabled", "true");
        assertEquals(3, version());
    }

    /** TC_042_2: a fresh list is version 0; after a Full update without entries (version 1) the list is empty: 0. */
    @Test
    public void tc042_2_emptyListIsVersionZero() throws Exception {
        assertEquals(0, version());
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, null));
        assertEquals("OCPP 1.6 §5.10: version 0 = the list is empty (station-bugs.md LL-1)", 0, version());
    }

    /** TC_043: a Full update, then a Differential one, both Accepted; the version follows. */
    @Test
    public void tc043_fullThenDifferential() throws Exception {
        assertEquals(UpdateStatus.ACCEPTED, send(2, UpdateType.FULL,
                List.of(new AuthorizationData("A431", ACCEPTED), new AuthorizationData("B431", ACCEPTED))));
        assertEquals(2, version());
        assertEquals(UpdateStatus.ACCEPTED, send(3, UpdateType.DIFFERENTIAL,
                List.of(new AuthorizationData("C431", ACCEPTED), new AuthorizationData("A431"))));
        assertEquals(3, version());
    }

    /** TC_043_2: a Differential update whose version is not above the current one -> VersionMismatch. */
    @Test
    public void tc043_2_versionMismatch() throws Exception {
        assertEquals(UpdateStatus.ACCEPTED, send(2, UpdateType.FULL, List.of(new AuthorizationData("A432", ACCEPTED))));
        assertEquals(2, version());
        assertEquals(UpdateStatus.ACCEPTED,
                send(5, UpdateType.DIFFERENTIAL, List.of(new AuthorizationData("B432", ACCEPTED))));
        assertEquals(5, version());
        assertEquals(UpdateStatus.VERSION_MISMATCH,
                send(5, UpdateType.DIFFERENTIAL, List.of(new AuthorizationData("C432", ACCEPTED))));
        assertEquals(UpdateStatus.VERSION_MISMATCH,
                send(4, UpdateType.DIFFERENTIAL, List.of(new AuthorizationData("C432", ACCEPTED))));
        assertEquals(5, version());
    }

    /** TC_043_3: an update with more entries than SendLocalListMaxLength (100) -> Failed, version unchanged. */
    @Test
    public void tc043_3_tooManyEntriesFail() throws Exception {
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, List.of(new AuthorizationData("A433", ACCEPTED))));
        List<AuthorizationData> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(new AuthorizationData("T433-" + i, ACCEPTED));
        }
        assertEquals(UpdateStatus.FAILED, send(2, UpdateType.FULL, tooMany));
        assertEquals(1, version());
        assertEquals(UpdateStatus.ACCEPTED, send(2, UpdateType.FULL, tooMany.subList(0, 100)));
        assertEquals(2, version());
    }

    /** A Full update with an entry without idTagInfo is a CALLERROR OccurenceConstraintViolation; nothing changes. */
    @Test
    public void fullUpdateEntryWithoutIdTagInfoIsAnOccurenceConstraintViolation() throws Exception {
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, List.of(new AuthorizationData("A44", ACCEPTED))));
        assertEquals(ErrorCode.OccurenceConstraintViolation, Ocpp.callError(cp, new SendLocalListRequest(2,
                List.of(new AuthorizationData("B44", ACCEPTED), new AuthorizationData("NOINFO")), UpdateType.FULL))
                .code());
        assertEquals(1, version());
    }

    /**
     * TC_008_1: with LocalPreAuthorize=true an idTag Accepted in the local list starts locally without an Authorize
     * (the CSMS never sees one for it).
     */
    @Test
    public void tc008_1_startFromTheLocalListWithoutAuthorize() throws Exception {
        Ocpp.configure(cp, "LocalPreAuthorize", "true");
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, List.of(new AuthorizationData("LOCAL81", ACCEPTED))));
        int m = mark(cp);
        support.sim("tag", "LOCAL81");
        support.sim("plug", 1);
        StartTransactionRequest start = awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("LOCAL81", start.idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        assertTrue("no Authorize before the StartTransaction:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(m, mark(cp)).stream().noneMatch(Ocpp.is(Action.AUTHORIZE)));
    }

    /**
     * TC_008_2: with LocalPreAuthorize=true and AuthorizeRemoteTxRequests=true, a RemoteStartTransaction for an idTag
     * Accepted in the local list is authorized from the list: the CSMS never sees an Authorize for it.
     */
    @Test
    public void tc008_2_remoteStartFromTheLocalListWithoutAuthorize() throws Exception {
        Ocpp.configure(cp, "LocalPreAuthorize", "true");
        Ocpp.configure(cp, "AuthorizeRemoteTxRequests", "true");
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, List.of(new AuthorizationData("LOCAL82", ACCEPTED))));
        int m = mark(cp);
        assertEquals(RemoteStartStopStatus.ACCEPTED,
                call(cp, new RemoteStartTransactionRequest("LOCAL82").withConnectorId(1)).status());
        support.sim("plug", 1);
        StartTransactionRequest start = awaitAfter(cp, m, Action.START_TRANSACTION).request(StartTransactionRequest.class);
        assertEquals("LOCAL82", start.idTag());
        awaitStatus(cp, m, 1, ChargePointStatus.CHARGING);
        assertTrue("no Authorize before the StartTransaction:\n" + Ocpp.describe(cp.received()),
                cp.received().subList(m, mark(cp)).stream().noneMatch(Ocpp.is(Action.AUTHORIZE)));
    }

    /**
     * TC_043_1: while LocalAuthListEnabled is false the charge point does not support the local list (GetLocalListVersion
     * answers -1, TC_042_1), so SendLocalList answers NotSupported and leaves the list as it was.
     */
    @Test
    public void tc043_1_sendLocalListWhileDisabledIsNotSupported() throws Exception {
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, List.of(new AuthorizationData("A4311", ACCEPTED))));
        Ocpp.configure(cp, "LocalAuthListEnabled", "false");
        assertEquals(UpdateStatus.NOT_SUPPORTED, send(2, UpdateType.FULL, List.of(new AuthorizationData("B4311", ACCEPTED))));
        assertEquals(UpdateStatus.NOT_SUPPORTED,
                send(3, UpdateType.DIFFERENTIAL, List.of(new AuthorizationData("C4311", ACCEPTED))));
        Ocpp.configure(cp, "LocalAuthListEnabled", "true");
        assertEquals("the refused updates changed nothing", 1, version());
        assertEquals(UpdateStatus.ACCEPTED,
                send(2, UpdateType.DIFFERENTIAL, List.of(new AuthorizationData("B4311", ACCEPTED))));
        assertEquals(2, version());
    }

    /**
     * Offline authorization from the list (TC_037_1 with the local list): with LocalAuthorizeOffline=true and
     * AllowOfflineTxForUnknownId=false, a tag Accepted in the list starts a transaction while the CSMS is gone and an
     * unknown tag does not; the StartTransaction of the listed tag arrives after the CSMS is back.
     */
    @Test
    public void offlineStartAuthorizedFromTheLocalList() throws Exception {
        Ocpp.configure(cp, "LocalAuthorizeOffline", "true");
        Ocpp.configure(cp, "AllowOfflineTxForUnknownId", "false");
        assertEquals(UpdateStatus.ACCEPTED, send(1, UpdateType.FULL, List.of(new AuthorizationData("OFFLIST", ACCEPTED))));
        support.stopCsms();
        Ocpp.awaitTrue("the station saw the CSMS go", () -> !cp.isConnected());
        support.sim("plug", 1);
        support.sim("tag", "UNKNOWN-OFF");
        support.sim("tag", "OFFLIST");
        Ocpp.awaitTrue("charging offline (contactor closed)",
                () -> {
                    try {
                        return String.valueOf(support.sim("status")).contains("contactor=closed");
                    } catch (Exception e) {
                        return false;
                    }
                });
        ChargePointConnection second = support.restartCsms().awaitChargePoint(support.chargePointId, Ocpp.WAIT);
        ReceivedMessage start = second.await(Action.START_TRANSACTION, Ocpp.WAIT);
        assertEquals("the first StartTransaction is the listed tag's: the unknown one did not start",
                "OFFLIST", start.request(StartTransactionRequest.class).idTag());
        assertTrue("no Authorize for the listed tag:\n" + Ocpp.describe(second.received()),
                second.received().stream().noneMatch(r -> r.action() == Action.AUTHORIZE
                        && "OFFLIST".equals(((AuthorizeRequest) r.request()).idTag())));
    }
}
