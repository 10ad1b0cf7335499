package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.PilotState;
import io.chargegate.hardware.api.PowerSink;
import io.chargegate.hardware.api.UnlockResult;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sim:* commands, called as Gogo would call them. */
class SimulatorCommandsTest {

    private final ManualTicker ticker = new ManualTicker();
    private final SimulatorCommands commands = new SimulatorCommands();

    private ChargePointSimulator start(String stationId) throws IOException {
        ChargePointSimulator simulator = new ChargePointSimulator(SimulatorSettings.fromProperties(
                Map.of(SimulatorSettings.STATION_ID, stationId)), ticker, Runnable::run);
        commands.addSimulator(simulator);
        return simulator;
    }

    @Test
    void withoutSimulatorsCommandsExplain() {
        assertEquals("no simulator is running", commands.status());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> commands.plug(1));
        assertTrue(e.getMessage().contains(SimulatedChargePoint.PID), e.getMessage());
    }

    @Test
    void commandsWithoutStationActOnTheFirstSimulatorAndWithStationOnTheNamedOne() throws IOException {
        ChargePointSimulator first = start("CP-1");
        ChargePointSimulator second = start("CP-2");
        assertEquals("CP-1 connector 1: EV plugged in", commands.plug(1));
        assertEquals(PilotState.B, first.connector(1).status().pilot());
        assertEquals(PilotState.A, second.connector(1).status().pilot());

        assertEquals("CP-2 connector 2: EV plugged in", commands.plug("CP-2", 2));
        assertEquals(PilotState.B, second.connector(2).status().pilot());
        assertEquals("CP-2 connector 2: EV was already plugged in", commands.plug("CP-2", 2));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.plug("CP-9", 1));
        assertTrue(e.getMessage().contains("CP-1, CP-2"), e.getMessage());

        commands.removeSimulator(first);
        assertEquals("CP-2 connector 1: EV plugged in", commands.plug(1));
    }

    @Test
    void plugEvAndUnplug() throws IOException {
        ChargePointSimulator sim = start("CP-1");
        commands.plug(1);
        commands.ev(1, "charging");
        assertEquals(PilotState.C, sim.connector(1).status().pilot());
        commands.ev(1, "suspended");
        assertEquals(PilotState.B, sim.connector(1).status().pilot());
        commands.ev(1, "charge");
        assertEquals(PilotState.C, sim.connector(1).status().pilot());
        commands.ev(1, "SUSPEND");
        assertEquals(PilotState.B, sim.connector(1).status().pilot());
        commands.ev(1, "idle");
        assertEquals(PilotState.B, sim.connector(1).status().pilot(), "idle EV with no power offered stays in B");
        assertThrows(IllegalArgumentException.class, () -> commands.ev(1, "fly"));
        assertEquals("CP-1 connector 1: EV unplugged", commands.unplug(1));
        assertEquals(PilotState.A, sim.connector(1).status().pilot());
        assertThrows(IllegalStateException.class, () -> commands.ev(1, "charge"));
        assertThrows(IllegalArgumentException.class, () -> commands.plug(3));
    }

    @Test
    void faultTakesTheOcppWireValueAndClearRemovesIt() throws IOException {
        ChargePointSimulator sim = start("CP-1");
        RecordingEvseSink sink = new RecordingEvseSink();
        sim.connector(2).attach(sink);

        assertEquals("CP-1 connector 2: fault GroundFailure[E17] blocking", commands.fault(2, "GroundFailure", "E17"));
        HardwareFault fault = sim.connector(2).status().fault();
        assertEquals(ChargePointErrorCode.GROUND_FAILURE, fault.errorCode());
        assertEquals("E17", fault.vendorErrorCode());
        assertTrue(fault.blocking());
        assertEquals(List.of("pilot:A", "contactor:false", "fault:NoError", "fault:GroundFailure"), sink.events());

        commands.fault("CP-1", 2, "WeakSignal");
        assertFalse(sim.connector(2).status().fault().blocking());

        assertEquals("CP-1 connector 2: fault cleared", commands.clear(2));
        assertFalse(sim.connector(2).status().fault().isFault());
        assertEquals("CP-1 connector 2: no fault to clear", commands.clear(2));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.fault(1, "Smoke"));
        assertTrue(e.getMessage().contains("GroundFailure"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> commands.fault(1, "NoError"));
    }

    @Test
    void tagPresentsATokenToTheStationReader() throws IOException {
        ChargePointSimulator sim = start("CP-1");
        start("CP-2");
        List<String> tokens = new ArrayList<>();
        sim.tokenReader().attach((idTag, connectorId) -> tokens.add(idTag + "@" + connectorId));
        assertEquals("CP-1: token ABC123 presented", commands.tag("ABC123"));
        assertEquals("CP-1: token ABC123 at connector 2 presented", commands.tag("ABC123", 2));
        assertTrue(commands.tag("CP-2", "XYZ", 0).contains("no runtime listens"));
        assertEquals(List.of("ABC123@0", "ABC123@2"), tokens);
    }

    @Test
    void stopMeterStatusAndLockfail() throws IOException {
        ChargePointSimulator sim = start("CP-1");
        RecordingEvseSink sink = new RecordingEvseSink();
        sim.connector(1).attach(sink);
        sink.drain();
        commands.plug(1);
        sim.connector(1).allowPowerOn(true);
        commands.stop(1);
        assertEquals(List.of("pilot:B", "pilot:C", "contactor:true", "stop"), sink.drain());

        String meter = commands.meter(1);
        assertTrue(meter.startsWith("CP-1 connector 1: 0.000 Wh, 11000.0 W, 15.94/15.94/15.94 A, "), meter);

        String[] lines = commands.status().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("pilot=C") && lines[0].contains("contactor=closed"), lines[0]);
        assertEquals(commands.status(), commands.status("CP-1"));

        sim.connector(1).lock();
        assertEquals("CP-1 connector 1: lock and unlock will fail", commands.lockfail(1, "true"));
        assertEquals(UnlockResult.UNLOCK_FAILED, sim.connector(1).unlock());
        commands.lockfail("CP-1", 1, "false");
        assertEquals(UnlockResult.UNLOCKED, sim.connector(1).unlock());
        assertThrows(IllegalArgumentException.class, () -> commands.lockfail(1, "perhaps"));
    }

    /** Records what the system driver reports about mains power ("lost:30", "lost:?", "restored"). */
    private static PowerSink recording(List<String> events) {
        return new PowerSink() {
            @Override
            public void mainsLost(Duration backupTime) {
                events.add("lost:" + (backupTime == null ? "?" : Long.toString(backupTime.toSeconds())));
            }

            @Override
            public void mainsRestored() {
                events.add("restored");
            }
        };
    }

    @Test
    void powerFailAndRestoreAreReportedToThePowerSink() throws IOException {
        ChargePointSimulator sim = start("CP-1");
        ChargePointSimulator other = start("CP-2");
        List<String> events = new ArrayList<>();
        sim.system().attachPower(recording(events));

        assertEquals("CP-1: mains power lost, on backup power (duration unknown)", commands.power("fail"));
        assertEquals("CP-1: mains power was already lost", commands.power("fail"));
        assertTrue(sim.system().onBackup());
        assertEquals("CP-1: mains power restored", commands.power("restore"));
        assertEquals("CP-1: mains power was not lost", commands.power("restore"));
        assertEquals("CP-1: mains power lost, on backup power for about 30 s", commands.power("fail", "30"));
        assertEquals("CP-1: mains power restored", commands.power("CP-1", "restore"));
        assertEquals(List.of("lost:?", "restored", "lost:30", "restored"), events);
        assertFalse(sim.system().onBackup());

        assertEquals("CP-2: mains power lost, on backup power for about 5 s (no runtime listens: no power sink attached)",
                commands.power("CP-2", "fail", 5));
        assertTrue(other.system().onBackup());
        assertFalse(sim.system().onBackup(), "only the named simulator");

        assertThrows(IllegalArgumentException.class, () -> commands.power("blackout"));
        assertThrows(IllegalArgumentException.class, () -> commands.power("fail", "soon"));
        assertThrows(IllegalArgumentException.class, () -> commands.power("CP-1", "fail", -1));
        assertThrows(IllegalArgumentException.class, () -> commands.power("CP-1", "restore", 10));
        assertEquals(List.of("lost:?", "restored", "lost:30", "restored"), events, "nothing more reported");
    }

    @Test
    void aPowerSinkAttachedWhileOnBackupHearsAtOnceWithTheBackupTimeLeftAndNothingAfterDetach() throws IOException {
        ChargePointSimulator sim = start("CP-1");
        commands.power("fail", "60");
        ticker.advance(Duration.ofSeconds(20));
        List<String> events = new ArrayList<>();
        sim.system().attachPower(recording(events));
        assertEquals(List.of("lost:40"), events);

        sim.system().detachPower();
        commands.power("restore");
        assertEquals(List.of("lost:40"), events);

        List<String> later = new ArrayList<>();
        sim.system().attachPower(recording(later));
        assertEquals(List.of(), later, "on mains: nothing to report at attach");
    }
}
