package io.chargegate.station.internal;

import io.chargegate.hardware.api.PilotState;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settle window ({@code evResponseSeconds}): right after a transaction starts, or its EVSE driver is bound again,
 * a SuspendedEV is held back while the EV has not answered the power offer, so an EV that starts drawing power
 * within the window is reported Charging directly. The fake EVs here answer only when the test says so.
 */
class EvResponseWindowTest extends RuntimeTestBase {

    /** A harness with the window set and an EV on connector 1 that does not answer the power offer by itself. */
    private StationRuntime bootWithWindow(int seconds) {
        h = new Harness(dir, 1);
        h.config.put("evResponseSeconds", seconds);
        h.evse[1].autoCharge = false;
        return bootPrepared(1);
    }

    /** Plug in, present the token; returns once the StartTransaction is answered (every status it held is sent). */
    private void startAndAwaitAnswer(StationRuntime st) {
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.reader.present("TAG1", 0);
        Harness.await("transaction id", () -> st.connector(1).transactionId() != null);
    }

    @Test
    void anEvAnsweringWithinTheWindowIsReportedChargingDirectly() {
        StationRuntime st = bootWithWindow(60);
        startAndAwaitAnswer(st);
        h.evse[1].setPilot(PilotState.C);
        assertEquals(List.of("Authorize", "StartTransaction", "Charging"), callsUntil(ChargePointStatus.CHARGING));
    }

    @Test
    void withoutAnAnswerSuspendedEvIsReportedWhenTheWindowEnds() {
        StationRuntime st = bootWithWindow(1);
        startAndAwaitAnswer(st);
        assertEquals(ChargePointStatus.SUSPENDED_EV, st.connector(1).status(), "the connector state is not held back");
        assertEquals(List.of("Authorize", "StartTransaction", "SuspendedEV"), callsUntil(ChargePointStatus.SUSPENDED_EV));
        h.evse[1].setPilot(PilotState.C); // later: charging as usual
        assertEquals(List.of("Charging"), callsUntil(ChargePointStatus.CHARGING));
    }

    @Test
    void windowZeroReportsSuspendedEvAtOnceAsBefore() {
        StationRuntime st = bootWithWindow(0);
        startAndAwaitAnswer(st);
        h.evse[1].setPilot(PilotState.C);
        assertEquals(List.of("Authorize", "StartTransaction", "SuspendedEV", "Charging"),
                callsUntil(ChargePointStatus.CHARGING));
    }

    @Test
    void anEvThatLeavesWithinTheWindowIsReportedAtOnce() {
        StationRuntime st = bootWithWindow(60);
        st.changeConfiguration("StopTransactionOnEVSideDisconnect", "false");
        startAndAwaitAnswer(st);
        h.evse[1].unplug(); // the transaction stays; the window ends: nothing left to wait for
        assertEquals(List.of("Authorize", "StartTransaction", "SuspendedEV"), callsUntil(ChargePointStatus.SUSPENDED_EV));
        assertTrue(st.connector(1).hasTransaction());
    }

    @Test
    void noWindowWhenTheEvAlreadyAsksForEnergyAtTheStart() {
        StationRuntime st = bootWithWindow(60);
        h.evse[1].setPilot(PilotState.C); // plugged in and asking for energy before the start
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.reader.present("TAG1", 0);
        Harness.await("transaction id", () -> st.connector(1).transactionId() != null);
        h.evse[1].setPilot(PilotState.B); // the EV pauses: reported at once, not after the 60 s window
        assertEquals(List.of("Authorize", "StartTransaction", "Charging", "SuspendedEV"),
                callsUntil(ChargePointStatus.SUSPENDED_EV));
    }

    @Test
    void aDriverBoundAgainDuringTheTransactionGetsTheWindowToo() {
        StationRuntime st = bootWithWindow(60);
        h.evse[1].autoCharge = true;
        startCharging("TAG1");
        Harness.await("transaction id", () -> st.connector(1).transactionId() != null);
        h.evses.remove(h.evse[1]);
        h.csms.nextStatus(1, ChargePointStatus.UNAVAILABLE);

        Fakes.FakeEvse replacement = new Fakes.FakeEvse(false);
        replacement.pilot = PilotState.B; // the EV paused while the driver was away
        replacement.autoCharge = false;
        h.evses.add(replacement, Harness.driverProps(1));
        assertTrue(replacement.powerAllowed, "power offered again");
        replacement.setPilot(PilotState.C);
        assertEquals(List.of("Charging"), callsUntil(ChargePointStatus.CHARGING));
    }

    @Test
    void evResponseSecondsIsValidated() throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("chargePointId", "CP-1");
        m.put("csmsUrl", "ws://csms.example/ocpp");
        assertEquals(3, StationSettings.from(m).evResponse().toSeconds());
        m.put("evResponseSeconds", "0");
        assertEquals(0, StationSettings.from(m).evResponse().toSeconds());
        m.put("evResponseSeconds", 60);
        assertEquals(60, StationSettings.from(m).evResponse().toSeconds());
        m.put("evResponseSeconds", "61");
        assertEquals("station config refused: evResponseSeconds=\"61\" must be between 0 and 60",
                assertThrows(StationSettings.InvalidConfigException.class, () -> StationSettings.from(m)).getMessage());
        m.put("evResponseSeconds", "soon");
        assertEquals("station config refused: evResponseSeconds=\"soon\" is not an integer",
                assertThrows(StationSettings.InvalidConfigException.class, () -> StationSettings.from(m)).getMessage());
    }

    /**
     * The CALLs from now until (and with) the first status {@code last} of connector 1, by name: a status of
     * connector 1 by its status, anything else by its action; connector 0 statuses and MeterValues are left out.
     */
    private List<String> callsUntil(ChargePointStatus last) {
        List<String> seen = new ArrayList<>();
        while (true) {
            Request<?> r = h.csms.next();
            if (r instanceof StatusNotificationRequest sn) {
                if (sn.connectorId() == 1) {
                    seen.add(sn.status().value());
                    if (sn.status() == last) {
                        return seen;
                    }
                }
            } else if (!(r instanceof MeterValuesRequest)) {
                seen.add(r.getClass().getSimpleName().replace("Request", ""));
            }
        }
    }
}
