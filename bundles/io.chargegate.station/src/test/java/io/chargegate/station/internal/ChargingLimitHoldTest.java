package io.chargegate.station.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.station.api.ChargingLimits;
import io.chargegate.station.api.FeatureProfileProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FR-2: limits of a smart charging profile that goes away are held, then fall back; TC_060. */
class ChargingLimitHoldTest extends RuntimeTestBase {

    private final FeatureProfileProvider smartCharging = profile(FeatureProfile.SMART_CHARGING);

    private static ChargingLimits.Limit amps(double a) {
        return new ChargingLimits.Limit(a, ChargingRateUnitType.A, null);
    }

    /** Two connectors, SmartCharging registered; connector 1 limited to 16 A by the profile, connector 2 not. */
    private StationRuntime start(int holdSeconds, double fallbackA) {
        h = new Harness(dir, 2);
        h.config.put("smartChargingHoldSeconds", holdSeconds);
        h.config.put("smartChargingFallbackLimitAmperes", Double.toString(fallbackA));
        h.profiles.add(smartCharging, Map.of());
        StationRuntime st = bootPrepared(2);
        st.chargingLimits().setLimit(1, amps(16));
        assertEquals(ChargingLimit.amperes(16), h.evse[1].lastLimit());
        return st;
    }

    @Test
    void heldLimitFallsBackAfterTheHoldAndUnsetConnectorsAreUntouched() {
        StationRuntime st = start(1, 6);
        int evse2Limits = h.evse[2].limits.size();
        h.profiles.remove(smartCharging);
        assertTrue(st.holdingLimits());
        assertEquals(amps(16), st.chargingLimits().limit(1), "held");
        Harness.await("fallback", () -> ChargingLimit.amperes(6).equals(h.evse[1].lastLimit()));
        assertFalse(st.holdingLimits());
        assertEquals(amps(6), st.chargingLimits().limit(1));
        assertEquals(evse2Limits, h.evse[2].limits.size(), "connector 2 had no smart charging limit");
        assertEquals(amps(32), st.chargingLimits().limit(2));
        // the profile comes back and lifts its limit: the default applies again
        h.profiles.add(smartCharging, Map.of());
        assertEquals(amps(6), st.chargingLimits().limit(1), "kept until the profile sets its own");
        st.chargingLimits().setLimit(1, null);
        assertEquals(ChargingLimit.amperes(32), h.evse[1].lastLimit());
    }

    @Test
    void aHeldLimitBelowTheFallbackIsKept() {
        StationRuntime st = start(0, 6);
        st.chargingLimits().setLimit(1, new ChargingLimits.Limit(1380, ChargingRateUnitType.W, 1)); // 6 A at 230 V, 1 phase
        st.chargingLimits().setLimit(2, amps(4));
        h.profiles.remove(smartCharging);
        Harness.await("hold over", () -> !st.holdingLimits());
        assertEquals(new ChargingLimits.Limit(1380, ChargingRateUnitType.W, 1), st.chargingLimits().limit(1));
        assertEquals(amps(4), st.chargingLimits().limit(2));
        assertEquals(ChargingLimit.amperes(4), h.evse[2].lastLimit());
    }

    @Test
    void theFallbackIsCappedAtTheHardwareMaximum() {
        StationRuntime st = start(0, 40);
        st.chargingLimits().setLimit(1, amps(63)); // above the hardware: the driver clamps, the fallback must not exceed 32
        h.profiles.remove(smartCharging);
        Harness.await("hold over", () -> !st.holdingLimits());
        assertEquals(amps(32), st.chargingLimits().limit(1));
    }

    @Test
    void theProfileComingBackDuringTheHoldCancelsTheFallback() {
        StationRuntime st = start(600, 6);
        h.profiles.remove(smartCharging);
        assertTrue(st.holdingLimits());
        h.profiles.add(smartCharging, Map.of());
        assertFalse(st.holdingLimits());
        assertEquals(amps(16), st.chargingLimits().limit(1));
        assertEquals(ChargingLimit.amperes(16), h.evse[1].lastLimit());
    }

    @Test
    void aFallbackOfZeroHoldsIndefinitelyAlsoAcrossAReset() {
        StationRuntime st = start(0, 0);
        h.profiles.remove(smartCharging);
        assertTrue(st.holdingLimits());
        st.reset(ResetType.SOFT);
        h.csms.next(io.chargegate.ocpp.model.messages.BootNotificationRequest.class);
        Harness.await("restarted", st::isRunning);
        assertTrue(st.holdingLimits());
        assertEquals(amps(16), st.chargingLimits().limit(1));
        Harness.await("re-applied to the re-attached driver", () -> ChargingLimit.amperes(16).equals(h.evse[1].lastLimit()));
    }

    @Test
    void tc060_remoteStartWithAProfileOtherThanTxProfileIsRejected() {
        StationRuntime st = boot(1);
        ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A, List.of(new ChargingSchedulePeriod(0, 10, null)));
        ChargingProfile txDefault = new ChargingProfile(1, 0, ChargingProfilePurposeType.TX_DEFAULT_PROFILE,
                ChargingProfileKindType.RELATIVE, schedule);
        assertEquals(RemoteStartStopStatus.REJECTED, st.remoteStart("TAG1", 1, txDefault));
        ChargingProfile tx = new ChargingProfile(2, 0, ChargingProfilePurposeType.TX_PROFILE,
                ChargingProfileKindType.RELATIVE, schedule);
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("TAG1", 1, tx));
    }
}
