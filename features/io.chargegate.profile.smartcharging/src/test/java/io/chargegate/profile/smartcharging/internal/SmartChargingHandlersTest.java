package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.ClearChargingProfileRequest;
import io.chargegate.ocpp.model.messages.GetCompositeScheduleResponse;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.GetCompositeScheduleStatus;
import io.chargegate.station.api.ConfigurationKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_DEFAULT_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfilePurposeType.TX_PROFILE;
import static io.chargegate.ocpp.model.types.ChargingProfileStatus.ACCEPTED;
import static io.chargegate.ocpp.model.types.ChargingProfileStatus.REJECTED;
import static io.chargegate.ocpp.model.types.ChargingRateUnitType.A;
import static io.chargegate.ocpp.model.types.ChargingRateUnitType.W;
import static io.chargegate.ocpp.model.types.ClearChargingProfileStatus.UNKNOWN;
import static io.chargegate.profile.smartcharging.internal.Profiles.T0;
import static io.chargegate.profile.smartcharging.internal.Profiles.absolute;
import static io.chargegate.profile.smartcharging.internal.Profiles.cpMax;
import static io.chargegate.profile.smartcharging.internal.Profiles.fmt;
import static io.chargegate.profile.smartcharging.internal.Profiles.p;
import static io.chargegate.profile.smartcharging.internal.Profiles.recurring;
import static io.chargegate.profile.smartcharging.internal.Profiles.relative;
import static io.chargegate.profile.smartcharging.internal.Profiles.txDefault;
import static io.chargegate.profile.smartcharging.internal.Profiles.txProfile;
import static io.chargegate.ocpp.model.types.RecurrencyKindType.DAILY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SmartCharging handlers against a fake station: the OCPP 1.6 compliance scenarios TC_056 .. TC_082 at unit
 * level, the SetChargingProfile checks, ClearChargingProfile criteria, GetCompositeSchedule, configuration keys and
 * persistence across a restart of the component.
 */
class SmartChargingHandlersTest {

    private FakeStation station;
    private Harness h;

    @BeforeEach
    void setUp() {
        station = new FakeStation("CP-1", 2, T0.plusMillis(250));
        h = new Harness(station, Settings.defaults());
    }

    private List<Integer> installedIds() {
        return h.service.of(station).profiles().stream().map(InstalledProfile::id).sorted().toList();
    }

    // ---- compliance scenarios ----

    @Test
    void tc056_txDefaultProfileAcceptedAndReflectedInLimitAndCompositeSchedule() {
        assertEquals(ACCEPTED, h.set(0, txDefault(1, 0, p(0, 16), p(600, 10))));
        assertEquals(16.0, h.limit(1));
        assertEquals(16.0, h.limit(2));
        assertEquals(A, station.limit(1).unit());
        GetCompositeScheduleResponse r = h.composite(1, 1200, null);
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, r.status());
        assertEquals(1, r.connectorId());
        assertEquals(T0, r.scheduleStart(), "scheduleStart = now, whole seconds");
        assertEquals("0:16.0 600:10.0", fmt(r.chargingSchedule()));
        assertEquals(1200, r.chargingSchedule().duration());
        assertEquals(A, r.chargingSchedule().chargingRateUnit());
    }

    @Test
    void tc057_txProfileForTheRunningTransactionApplied() {
        h.set(0, txDefault(1, 0, p(0, 16)));
        h.startTransaction(1, 42, null);
        assertEquals(ACCEPTED, h.set(1, txProfile(2, 0, p(0, 6)).withTransactionId(42)));
        assertEquals(6.0, h.limit(1));
        assertEquals(16.0, h.limit(2), "the other connector keeps its TxDefault");
        assertEquals("0:6.0", fmt(h.composite(1, 300, null).chargingSchedule()));
        // a TxProfile without transactionId applies to the transaction running on the connector
        assertEquals(ACCEPTED, h.set(1, txProfile(3, 1, p(0, 8))));
        assertEquals(8.0, h.limit(1));
    }

    @Test
    void tc058_1_txProfileWithoutTransactionRejected() {
        assertEquals(REJECTED, h.set(1, txProfile(2, 0, p(0, 6))));
        assertEquals(REJECTED, h.set(0, txProfile(2, 0, p(0, 6))), "TxProfile on connector 0");
        h.startTransaction(1, 42, null);
        assertEquals(REJECTED, h.set(2, txProfile(2, 0, p(0, 6))), "the transaction runs on another connector");
        assertEquals(List.of(), installedIds());
    }

    @Test
    void tc058_2_txProfileWithWrongTransactionIdRejected() {
        h.startTransaction(1, 42, null);
        assertEquals(REJECTED, h.set(1, txProfile(2, 0, p(0, 6)).withTransactionId(43)));
        assertEquals(List.of(), installedIds());
        assertNull(h.limit(1));
    }

    @Test
    void txProfileWithTransactionIdWhileTheRunningOneHasNoIdYetRejected() {
        h.startTransaction(1, null, null);
        assertEquals(REJECTED, h.set(1, txProfile(2, 0, p(0, 6)).withTransactionId(42)));
        assertEquals(ACCEPTED, h.set(1, txProfile(2, 0, p(0, 6))));
    }

    @Test
    void tc059_remoteStartWithTxProfileLimitsTheTransactionAndEndsWithIt() {
        h.set(0, txDefault(1, 0, p(0, 16)));
        // the runtime starts the transaction (no CSMS id yet) and passes the RemoteStart profile to listeners
        h.startTransaction(1, null, txProfile(7, 0, p(0, 10), p(60, 12)));
        assertEquals(10.0, h.limit(1));
        assertEquals(List.of(1, 7), installedIds());
        assertEquals("0:10.0 60:12.0", fmt(h.composite(1, 120, null).chargingSchedule()));
        h.timer.advance(java.time.Duration.ofSeconds(60));
        assertEquals(12.0, h.limit(1));
        h.stopTransaction(1, 99);
        assertEquals(List.of(1), installedIds(), "the TxProfile ended with its transaction");
        assertEquals(16.0, h.limit(1), "back to the TxDefault");
    }

    @Test
    void tc060_remoteStartProfileOtherThanTxProfileIsNotInstalled() {
        h.startTransaction(1, null, txDefault(7, 0, p(0, 10)));
        assertEquals(List.of(), installedIds());
        assertNull(h.limit(1));
        h.startTransaction(2, null, cpMax(8, 0, p(0, 10)));
        assertEquals(List.of(), installedIds());
    }

    @Test
    void tc066_compositeScheduleMergesChargePointMaxTxDefaultAndTxProfile() {
        h.set(0, cpMax(1, 0, p(0, 20), p(900, 12)));
        h.set(0, txDefault(2, 0, p(0, 16), p(300, 25)));
        h.startTransaction(1, 42, null);
        h.set(1, relative(3, 0, TX_PROFILE, 600, p(0, 8)).withTransactionId(42));
        GetCompositeScheduleResponse c1 = h.composite(1, 1200, null);
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, c1.status());
        assertEquals("0:8.0 600:20.0 900:12.0", fmt(c1.chargingSchedule()));
        GetCompositeScheduleResponse c2 = h.composite(2, 1200, null);
        assertEquals("0:16.0 300:20.0 900:12.0", fmt(c2.chargingSchedule()));
        GetCompositeScheduleResponse c0 = h.composite(0, 1200, null);
        assertEquals(0, c0.connectorId());
        assertEquals("0:16.0 300:20.0 900:12.0", fmt(c0.chargingSchedule()));
        assertEquals("0:11040.0 300:13800.0 900:8280.0", fmt(h.composite(0, 1200, W).chargingSchedule()));
    }

    @Test
    void tc067_clearChargingProfileRemovesIt() {
        h.set(0, txDefault(1, 0, p(0, 16)));
        assertEquals(16.0, h.limit(1));
        assertEquals(io.chargegate.ocpp.model.types.ClearChargingProfileStatus.ACCEPTED,
                h.clear(new ClearChargingProfileRequest().withId(1)));
        assertEquals(List.of(), installedIds());
        assertNull(h.limit(1), "back to the station default");
        assertEquals(GetCompositeScheduleStatus.REJECTED, h.composite(1, 600, null).status());
        assertEquals(UNKNOWN, h.clear(new ClearChargingProfileRequest().withId(1)));
    }

    @Test
    void tc072_stackingHigherStackLevelWins() {
        h.set(0, txDefault(1, 0, p(0, 16)));
        h.set(0, absolute(2, 1, TX_DEFAULT_PROFILE, T0, 600, p(0, 6)));
        assertEquals(6.0, h.limit(1));
        assertEquals("0:6.0 600:16.0", fmt(h.composite(1, 1200, null).chargingSchedule()));
        h.timer.advance(java.time.Duration.ofSeconds(600));
        assertEquals(16.0, h.limit(1));
    }

    @Test
    void tc082_newTxDefaultProfileAppliesToTheRunningTransaction() {
        h.startTransaction(1, 42, null);
        assertNull(h.limit(1));
        assertEquals(ACCEPTED, h.set(0, txDefault(1, 0, p(0, 10))));
        assertEquals(10.0, h.limit(1));
        assertEquals(ACCEPTED, h.set(1, txDefault(2, 0, p(0, 7))));
        assertEquals(7.0, h.limit(1), "a connector TxDefault beats connector 0's at the same level");
        assertEquals(10.0, h.limit(2));
    }

    // ---- SetChargingProfile checks and replacement ----

    @Test
    void replacementBySameIdOrSameStackLevelAndPurposeOnTheSameConnector() {
        h.set(0, txDefault(1, 0, p(0, 16)));
        h.set(1, txDefault(1, 0, p(0, 12)));
        assertEquals(List.of(1), installedIds(), "same id replaces, also on another connector");
        assertEquals(12.0, h.limit(1));
        assertNull(h.limit(2));
        h.set(1, txDefault(2, 0, p(0, 8)));
        assertEquals(List.of(2), installedIds(), "same stack level and purpose on the same connector replaces");
        h.set(2, txDefault(3, 0, p(0, 9)));
        h.set(0, cpMax(4, 0, p(0, 30)));
        assertEquals(List.of(2, 3, 4), installedIds(), "another connector or purpose does not replace");
        assertEquals(Map.of(), station.state.get(StationCharging.NAMESPACE).entrySet().stream()
                .filter(e -> !List.of("profile.2", "profile.3", "profile.4").contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "store matches the book");
    }

    @Test
    void rejectedProfiles() {
        h.startTransaction(1, 42, null);
        ChargingProfile ok = txDefault(1, 0, p(0, 16));
        List<ChargingProfile> bad = List.of(
                txDefault(1, 11, p(0, 16)),
                txDefault(1, -1, p(0, 16)),
                txDefault(1, 0, IntStream.range(0, 25).mapToObj(i -> p(i * 60, 16)).toArray(ChargingSchedulePeriod[]::new)),
                txDefault(1, 0, p(10, 16)),
                txDefault(1, 0, p(0, 16), p(0, 10)),
                txDefault(1, 0, p(0, 16), p(600, 10), p(300, 8)),
                txDefault(1, 0, p(0, 16, 2)),
                txDefault(1, 0, p(0, -1)),
                txDefault(1, 0, p(0, 16)).withTransactionId(42),
                txDefault(1, 0, p(0, 16)).withValidTo(T0),
                txDefault(1, 0, p(0, 16)).withValidFrom(T0.plusSeconds(60)).withValidTo(T0.plusSeconds(60)),
                absolute(1, 0, TX_DEFAULT_PROFILE, null, null, p(0, 16)),
                absolute(1, 0, TX_DEFAULT_PROFILE, T0, 0, p(0, 16)),
                recurring(1, 0, TX_DEFAULT_PROFILE, null, T0, null, p(0, 16)),
                recurring(1, 0, TX_DEFAULT_PROFILE, DAILY, null, null, p(0, 16)),
                relative(1, 0, CHARGE_POINT_MAX_PROFILE, null, p(0, 16)),
                new ChargingProfile(1, 0, TX_DEFAULT_PROFILE, ChargingProfileKindType.ABSOLUTE,
                        Profiles.schedule(A, T0, null, p(0, 16)).withMinChargingRate(-1.0)));
        for (ChargingProfile profile : bad) {
            assertEquals(REJECTED, h.set(0, profile), profile.toString());
        }
        assertEquals(REJECTED, h.set(3, ok), "unknown connector");
        assertEquals(REJECTED, h.set(-1, ok), "unknown connector");
        assertEquals(REJECTED, h.set(1, cpMax(1, 0, p(0, 16))), "ChargePointMaxProfile on a connector");
        assertEquals(List.of(), installedIds());
        assertEquals(ACCEPTED, h.set(0, txDefault(1, 10, p(0, 16, 1), p(60, 10, 3))));
        assertEquals(ACCEPTED, h.set(0, absolute(2, 0, TX_DEFAULT_PROFILE, T0, null,
                IntStream.range(0, 24).mapToObj(i -> p(i * 60, 16)).toArray(ChargingSchedulePeriod[]::new))));
    }

    @Test
    void unitNotAllowedRejected() {
        FakeStation s = new FakeStation("CP-A", 1, T0);
        Harness onlyCurrent = new Harness(s, new Settings(10, 24, 20, EnumSet.of(A), 230, 32));
        assertEquals(REJECTED, onlyCurrent.set(0, absolute(1, 0, TX_DEFAULT_PROFILE, W, T0, null, p(0, 7000))));
        assertEquals(ACCEPTED, onlyCurrent.set(0, txDefault(1, 0, p(0, 16))));
        assertEquals(GetCompositeScheduleStatus.REJECTED, onlyCurrent.composite(1, 60, W).status());
        assertEquals(ChargingRateUnitType.A, onlyCurrent.composite(1, 60, A).chargingSchedule().chargingRateUnit());
    }

    @Test
    void maxChargingProfilesInstalled() {
        for (int i = 1; i <= 20; i++) {
            int connector = i % 3;
            assertEquals(ACCEPTED, h.set(connector, txDefault(i, i / 3, p(0, 16))), "profile " + i);
        }
        assertEquals(REJECTED, h.set(0, txDefault(21, 9, p(0, 16))), "a 21st profile");
        assertEquals(ACCEPTED, h.set(0, txDefault(3, 9, p(0, 12))), "replacing one when full");
        assertEquals(20, installedIds().size());
    }

    // ---- ClearChargingProfile ----

    @Test
    void clearByCriteriaInAnyCombination() {
        h.startTransaction(1, 42, null);
        h.set(0, cpMax(1, 0, p(0, 30)));
        h.set(0, txDefault(2, 0, p(0, 16)));
        h.set(0, txDefault(3, 1, p(0, 14)));
        h.set(1, txDefault(4, 1, p(0, 12)));
        h.set(2, txDefault(5, 2, p(0, 10)));
        h.set(1, txProfile(6, 1, p(0, 8)));
        assertEquals(UNKNOWN, h.clear(new ClearChargingProfileRequest().withId(1).withConnectorId(1)));
        assertEquals(UNKNOWN, h.clear(new ClearChargingProfileRequest().withStackLevel(7)));
        assertEquals(UNKNOWN, h.clear(new ClearChargingProfileRequest().withConnectorId(2).withChargingProfilePurpose(TX_PROFILE)));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), installedIds());
        h.clear(new ClearChargingProfileRequest().withStackLevel(1).withChargingProfilePurpose(TX_DEFAULT_PROFILE));
        assertEquals(List.of(1, 2, 5, 6), installedIds());
        h.clear(new ClearChargingProfileRequest().withConnectorId(1));
        assertEquals(List.of(1, 2, 5), installedIds());
        assertEquals(16.0, h.limit(1));
        h.clear(new ClearChargingProfileRequest().withChargingProfilePurpose(CHARGE_POINT_MAX_PROFILE));
        assertEquals(List.of(2, 5), installedIds());
        h.clear(new ClearChargingProfileRequest().withConnectorId(0).withStackLevel(0));
        assertEquals(List.of(5), installedIds());
        assertNull(h.limit(1));
        assertEquals(10.0, h.limit(2));
        h.set(0, txDefault(7, 0, p(0, 16)));
        h.clear(new ClearChargingProfileRequest());
        assertEquals(List.of(), installedIds(), "no criteria: every profile");
        assertEquals(Map.of(), station.state.get(StationCharging.NAMESPACE));
    }

    // ---- GetCompositeSchedule ----

    @Test
    void compositeScheduleRejectedCases() {
        assertEquals(GetCompositeScheduleStatus.REJECTED, h.composite(1, 600, null).status(), "no profile");
        h.set(0, txDefault(1, 0, p(0, 16)));
        assertEquals(GetCompositeScheduleStatus.REJECTED, h.composite(3, 600, null).status(), "unknown connector");
        assertEquals(GetCompositeScheduleStatus.REJECTED, h.composite(-1, 600, null).status());
        assertEquals(GetCompositeScheduleStatus.REJECTED, h.composite(1, 0, null).status(), "no duration");
        GetCompositeScheduleResponse r = h.composite(1, 600, W);
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, r.status());
        assertEquals(W, r.chargingSchedule().chargingRateUnit());
        assertEquals("0:11040.0", fmt(r.chargingSchedule()));
    }

    @Test
    void compositeScheduleStartsNowOnTheStationClock() {
        h.set(0, txDefault(1, 0, p(0, 16), p(3600, 10)));
        station.setNow(T0.plusSeconds(1000).plusMillis(900));
        GetCompositeScheduleResponse r = h.composite(1, 3600, null);
        assertEquals(T0.plusSeconds(1000), r.scheduleStart());
        assertEquals(T0.plusSeconds(1000), r.chargingSchedule().startSchedule());
        assertEquals("0:16.0 2600:10.0", fmt(r.chargingSchedule()));
    }

    // ---- profile announcement and configuration keys ----

    @Test
    void profileAndReadOnlyConfigurationKeys() {
        assertEquals(FeatureProfile.SMART_CHARGING, h.service.profile());
        Map<String, ConfigurationKey> keys = h.service.configurationKeys().stream()
                .collect(Collectors.toMap(ConfigurationKey::name, k -> k));
        assertEquals(Map.of("ChargeProfileMaxStackLevel", "10",
                        "ChargingScheduleAllowedChargingRateUnit", "Current,Power",
                        "ChargingScheduleMaxPeriods", "24",
                        "MaxChargingProfilesInstalled", "20",
                        "ConnectorSwitch3to1PhaseSupported", "false"),
                keys.values().stream().collect(Collectors.toMap(ConfigurationKey::name, ConfigurationKey::defaultValue)));
        assertTrue(keys.values().stream().allMatch(ConfigurationKey::readonly));
    }

    @Test
    void handlersAnswerTheirActions() {
        assertEquals(Action.SET_CHARGING_PROFILE, h.setHandler.action());
        assertEquals(Action.CLEAR_CHARGING_PROFILE, h.clearHandler.action());
        assertEquals(Action.GET_COMPOSITE_SCHEDULE, h.compositeHandler.action());
    }

    // ---- persistence ----

    @Test
    void profilesSurviveARestartOfTheComponentAndLimitsAreAppliedAgain() {
        h.set(0, cpMax(1, 0, p(0, 20)));
        h.set(0, txDefault(2, 0, p(0, 16), p(600, 10)));
        h.startTransaction(1, 42, null);
        h.set(1, txProfile(3, 0, p(0, 6)));
        h.startTransaction(2, 43, null);
        h.set(2, txProfile(4, 0, p(0, 8)).withTransactionId(43));
        h.deactivate();
        int callsBefore = station.limitCalls().size();
        // while the bundle is away: the transaction on connector 2 ends, and time passes
        station.stopTransaction(2);
        station.advance(java.time.Duration.ofSeconds(700));
        h.timer.runDue();
        assertEquals(callsBefore, station.limitCalls().size(), "no timer runs after deactivation");
        assertEquals(8.0, h.limit(2), "the last limit is left in place (held by the runtime)");

        h.activate();
        assertEquals(List.of(1, 2, 3), installedIds(), "the TxProfile of the ended transaction is gone");
        assertEquals(6.0, h.limit(1));
        assertEquals(10.0, h.limit(2));
        assertTrue(station.limitCalls().size() > callsBefore, "limits set again after the restart");
        assertEquals(List.of("profile.1", "profile.2", "profile.3"),
                new ArrayList<>(station.state.get(StationCharging.NAMESPACE).keySet()));
    }

    @Test
    void txProfileOfAnotherTransactionIsDroppedOnRestart() {
        h.startTransaction(1, 42, null);
        h.set(1, txProfile(3, 0, p(0, 6)).withTransactionId(42));
        h.deactivate();
        station.stopTransaction(1);
        station.startTransaction(1, 44);
        h.activate();
        assertEquals(List.of(), installedIds());
        assertNull(h.limit(1));
    }

    @Test
    void unreadableStoredProfileIsDropped() {
        h.set(0, txDefault(2, 0, p(0, 16)));
        h.deactivate();
        station.state.get(StationCharging.NAMESPACE).put("profile.9", "{not json");
        h.activate();
        assertEquals(List.of(2), installedIds());
        assertEquals(List.of("profile.2"), new ArrayList<>(station.state.get(StationCharging.NAMESPACE).keySet()));
    }

    @Test
    void withoutProfileStateProfilesAreKeptInMemory() {
        FakeStation s = new FakeStation("CP-M", 1, T0);
        s.profileStateSupported = false;
        Harness m = new Harness(s, Settings.defaults());
        assertEquals(ACCEPTED, m.set(0, txDefault(1, 0, p(0, 16))));
        assertEquals(16.0, m.limit(1));
        assertEquals(GetCompositeScheduleStatus.ACCEPTED, m.composite(1, 60, null).status());
    }

    @Test
    void stationsAreKeptApart() {
        FakeStation other = new FakeStation("CP-2", 2, T0);
        h.service.addStation(other);
        h.timer.runDue();
        h.set(0, txDefault(1, 0, p(0, 16)));
        assertEquals(16.0, h.limit(1));
        assertNull(other.limit(1));
        assertEquals(List.of(), h.service.of(other).profiles());
        h.service.removeStation(other);
        assertEquals(List.of(1), installedIds());
    }
}
