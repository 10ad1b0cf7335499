package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.EvseCapabilities;
import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.MeterReading;
import io.chargegate.hardware.api.PilotState;
import io.chargegate.hardware.api.UnlockResult;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EVSE, meter and lock behaviour of one simulated connector, with a manual ticker and synchronous delivery. */
class SimulatedConnectorTest {

    private static final double DELTA = 1e-9;
    /** 3 phases x 230 V. */
    private static final double W_PER_A = 690.0;

    private final ManualTicker ticker = new ManualTicker();
    private final RecordingEvseSink sink = new RecordingEvseSink();

    private ChargePointSimulator simulator(Map<String, Object> overrides) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SimulatorSettings.STATION_ID, "CP-1");
        properties.putAll(overrides);
        return new ChargePointSimulator(SimulatorSettings.fromProperties(properties), ticker, Runnable::run);
    }

    private SimulatedConnector attachedConnector(Map<String, Object> overrides) throws IOException {
        SimulatedConnector connector = simulator(overrides).connector(1);
        connector.attach(sink);
        sink.drain();
        return connector;
    }

    /** Plugged in, power allowed, auto EV in C, contactor closed; events drained. */
    private SimulatedConnector charging(Map<String, Object> overrides) throws IOException {
        SimulatedConnector connector = attachedConnector(overrides);
        connector.plug();
        connector.allowPowerOn(true);
        assertTrue(connector.status().contactor());
        sink.drain();
        return connector;
    }

    @Test
    void attachReportsTheCurrentStateAtOnce() throws IOException {
        SimulatedConnector connector = simulator(Map.of()).connector(1);
        connector.attach(sink);
        assertEquals(List.of("pilot:A", "contactor:false", "fault:NoError"), sink.events());
    }

    @Test
    void plugReportsStateBAndUnplugStateA() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        assertTrue(connector.plug());
        assertEquals(List.of("pilot:B"), sink.drain());
        assertFalse(connector.plug(), "second plug changes nothing");
        assertEquals(List.of(), sink.drain());
        assertTrue(connector.unplug());
        assertEquals(List.of("pilot:A"), sink.drain());
    }

    @Test
    void allowedPowerMakesTheAutoEvCloseTheContactorAndEnergyIntegratesExactly() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        connector.plug();
        assertEquals(List.of("pilot:B"), sink.drain());
        connector.allowPowerOn(true);
        assertEquals(List.of("pilot:C", "contactor:true"), sink.drain());

        ticker.advance(Duration.ofMinutes(30));
        MeterReading reading = connector.read();
        assertEquals(5500.0, reading.energyImportWh(), DELTA);
        assertEquals(11000.0, reading.powerW(), DELTA);
        double current = 11000.0 / W_PER_A;
        assertArrayEquals(new double[] {current, current, current}, reading.currentA(), DELTA);
        assertEquals(3, reading.voltageV().length);
        for (double v : reading.voltageV()) {
            assertTrue(Math.abs(v - 230.0) <= 0.5, "voltage near nominal: " + v);
        }
        assertEquals(ticker.now(), reading.timestamp());

        ticker.advance(Duration.ofMinutes(90));
        assertEquals(22000.0, connector.read().energyImportWh(), DELTA);
    }

    @Test
    void noEnergyWithoutAContactor() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        connector.plug();
        ticker.advance(Duration.ofHours(1));
        MeterReading reading = connector.read();
        assertEquals(0.0, reading.energyImportWh(), DELTA);
        assertEquals(0.0, reading.powerW(), DELTA);
    }

    @Test
    void evRequestingEnergyWithoutPermissionKeepsTheContactorOpen() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        connector.plug();
        connector.setEvMode(EvMode.CHARGE);
        assertEquals(List.of("pilot:B", "pilot:C"), sink.drain());
        ticker.advance(Duration.ofHours(1));
        assertEquals(0.0, connector.read().energyImportWh(), DELTA);

        connector.allowPowerOn(true);
        assertEquals(List.of("contactor:true"), sink.drain());
    }

    @Test
    void evSuspendOpensTheContactorAndStopsTheRegister() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        ticker.advance(Duration.ofHours(1));
        connector.setEvMode(EvMode.SUSPEND);
        assertEquals(List.of("contactor:false", "pilot:B"), sink.drain());
        ticker.advance(Duration.ofHours(1));
        MeterReading reading = connector.read();
        assertEquals(11000.0, reading.energyImportWh(), DELTA);
        assertEquals(0.0, reading.powerW(), DELTA);

        connector.setEvMode(EvMode.CHARGE);
        assertEquals(List.of("pilot:C", "contactor:true"), sink.drain());
    }

    @Test
    void evModeNeedsAPluggedEv() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        assertThrows(IllegalStateException.class, () -> connector.setEvMode(EvMode.CHARGE));
    }

    @Test
    void ampereLimitReducesPower() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.applyLimit(ChargingLimit.amperes(10));
        assertEquals(10 * W_PER_A, connector.read().powerW(), DELTA);
        ticker.advance(Duration.ofHours(1));
        MeterReading reading = connector.read();
        assertEquals(6900.0, reading.energyImportWh(), DELTA);
        assertArrayEquals(new double[] {10, 10, 10}, reading.currentA(), DELTA);
        assertEquals(List.of(), sink.drain(), "a limit change is no pilot/contactor event");
    }

    @Test
    void ampereLimitOnOnePhaseUsesOnePhase() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.applyLimit(new ChargingLimit(16, ChargingLimit.Unit.AMPERE, 1));
        MeterReading reading = connector.read();
        assertEquals(16 * 230.0, reading.powerW(), DELTA);
        assertArrayEquals(new double[] {16, 0, 0}, reading.currentA(), DELTA);
    }

    @Test
    void wattLimitReducesPower() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.applyLimit(ChargingLimit.watts(4000));
        ticker.advance(Duration.ofMinutes(15));
        MeterReading reading = connector.read();
        assertEquals(4000.0, reading.powerW(), DELTA);
        assertEquals(1000.0, reading.energyImportWh(), DELTA);
        assertEquals(4000.0 / W_PER_A, reading.currentA()[0], DELTA);
    }

    @Test
    void zeroLimitMeansNoEnergy() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.applyLimit(ChargingLimit.amperes(0));
        ticker.advance(Duration.ofHours(1));
        assertEquals(0.0, connector.read().energyImportWh(), DELTA);
    }

    @Test
    void powerNeverExceedsTheHardwareMaximum() throws IOException {
        SimulatedConnector connector = charging(Map.of(SimulatorSettings.EV_POWER, 50000));
        assertEquals(32 * W_PER_A, connector.read().powerW(), DELTA);
        connector.applyLimit(ChargingLimit.amperes(40));
        assertEquals(32 * W_PER_A, connector.read().powerW(), DELTA);
        connector.applyLimit(null);
        assertEquals(22080.0, connector.read().powerW(), DELTA);
    }

    @Test
    void limitChangeDuringChargingIntegratesPiecewise() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        ticker.advance(Duration.ofMinutes(30));
        connector.applyLimit(ChargingLimit.amperes(10));
        ticker.advance(Duration.ofMinutes(30));
        assertEquals(5500.0 + 3450.0, connector.read().energyImportWh(), DELTA);
    }

    @Test
    void tickAdvancesTheRegisterWithoutReads() throws IOException {
        ChargePointSimulator simulator = simulator(Map.of());
        SimulatedConnector connector = simulator.connector(1);
        connector.plug();
        connector.allowPowerOn(true);
        for (int i = 0; i < 60; i++) {
            ticker.advance(Duration.ofSeconds(1));
            simulator.tick();
        }
        assertEquals(11000.0 / 60, connector.status().energyWh(), 1e-9);
    }

    @Test
    void disablingOpensTheContactorAndEnablingClosesItAgain() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.setEnabled(false);
        assertEquals(List.of("contactor:false", "pilot:B"), sink.drain());
        assertFalse(connector.status().contactor());
        connector.setEnabled(true);
        assertEquals(List.of("pilot:C", "contactor:true"), sink.drain());
    }

    @Test
    void disallowingPowerOpensTheContactorAndStopsTheRegister() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        ticker.advance(Duration.ofMinutes(6));
        connector.allowPowerOn(false);
        assertEquals(List.of("contactor:false", "pilot:B"), sink.drain());
        ticker.advance(Duration.ofHours(1));
        assertEquals(1100.0, connector.read().energyImportWh(), DELTA);
    }

    @Test
    void blockingFaultOpensTheContactorAndIsReported() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.injectFault(HardwareFault.blocking(ChargePointErrorCode.GROUND_FAILURE, "RCD-30mA"));
        assertEquals(List.of("fault:GroundFailure", "contactor:false", "pilot:B"), sink.drain());
        HardwareFault reported = sink.faults().get(sink.faults().size() - 1);
        assertEquals("RCD-30mA", reported.vendorErrorCode());
        assertTrue(reported.blocking());
        connector.allowPowerOn(true);
        assertFalse(connector.status().contactor(), "a blocking fault keeps the contactor open");

        assertTrue(connector.clearFault());
        assertEquals(List.of("fault:NoError", "pilot:C", "contactor:true"), sink.drain());
        assertFalse(connector.clearFault());
    }

    @Test
    void warningFaultIsReportedButChargingContinues() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.injectFault(new HardwareFault(ChargePointErrorCode.WEAK_SIGNAL, null, null, false));
        assertEquals(List.of("fault:WeakSignal"), sink.drain());
        assertTrue(connector.status().contactor());
    }

    @Test
    void meterFailureMakesReadsFail() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.injectFault(HardwareFault.blocking(ChargePointErrorCode.POWER_METER_FAILURE, null));
        assertThrows(IllegalStateException.class, connector::read);
        connector.clearFault();
        assertEquals(0.0, connector.read().energyImportWh(), DELTA);
    }

    @Test
    void localStopButtonIsReported() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.pressStop();
        assertEquals(List.of("stop"), sink.drain());
        assertTrue(connector.status().contactor(), "the runtime, not the button, opens the contactor");
    }

    @Test
    void unplugWhileChargingOpensTheContactorFirst() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.unplug();
        assertEquals(List.of("contactor:false", "pilot:A"), sink.drain());
    }

    @Test
    void pluggingInWhilePowerIsAllowedGoesThroughB() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        connector.allowPowerOn(true);
        assertEquals(List.of(), sink.drain());
        connector.plug();
        assertEquals(List.of("pilot:B", "pilot:C", "contactor:true"), sink.drain());
    }

    @Test
    void detachedSinkIsNotCalledAgain() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        connector.detach();
        connector.plug();
        connector.allowPowerOn(true);
        assertEquals(List.of(), sink.events());
        RecordingEvseSink second = new RecordingEvseSink();
        connector.attach(second);
        assertEquals(List.of("pilot:C", "contactor:true", "fault:NoError"), second.events());
    }

    @Test
    void sinkIsCalledWithoutTheConnectorLockAndMayReenter() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        List<Boolean> lockHeld = new ArrayList<>();
        sink.onEvent(event -> {
            lockHeld.add(connector.lockHeldByCurrentThread());
            if (event.equals("pilot:B")) {
                connector.allowPowerOn(true); // the runtime authorizes from inside the callback
            }
        });
        connector.plug();
        assertEquals(List.of("pilot:B", "pilot:C", "contactor:true"), sink.drain());
        assertEquals(List.of(false, false, false), lockHeld);
    }

    @Test
    void capabilitiesFollowTheConfiguration() throws IOException {
        EvseCapabilities caps = simulator(Map.of(SimulatorSettings.MAX_CURRENT, 16, SimulatorSettings.PHASES, 1))
                .connector(2).capabilities();
        assertEquals(6.0, caps.minCurrent(), DELTA);
        assertEquals(16.0, caps.maxCurrent(), DELTA);
        assertEquals(1, caps.phases());
        assertTrue(caps.lockable());
        assertFalse(caps.fixedCable());
        assertEquals(230.0, caps.nominalVoltage(), DELTA);
    }

    @Test
    void fixedCableCannotBeUnlocked() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of(SimulatorSettings.FIXED_CABLE, true));
        assertFalse(connector.capabilities().lockable());
        assertTrue(connector.capabilities().fixedCable());
        assertEquals(UnlockResult.NOT_SUPPORTED, connector.unlock());
    }

    @Test
    void lockAndUnlockWithSimulatedFailure() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        assertTrue(connector.lock());
        assertTrue(connector.status().locked());
        connector.setLockFailure(true);
        assertEquals(UnlockResult.UNLOCK_FAILED, connector.unlock());
        assertTrue(connector.status().locked());
        connector.setLockFailure(false);
        assertEquals(UnlockResult.UNLOCKED, connector.unlock());
        assertFalse(connector.status().locked());
    }

    /** A jammed lock does not close either (TC_024: the runtime reports Faulted, ConnectorLockFailure). */
    @Test
    void jammedLockDoesNotLock() throws IOException {
        SimulatedConnector connector = attachedConnector(Map.of());
        connector.setLockFailure(true);
        assertFalse(connector.lock());
        assertFalse(connector.status().locked());
        connector.setLockFailure(false);
        assertTrue(connector.lock());
        assertTrue(connector.status().locked());
    }

    @Test
    void statusLineShowsTheState() throws IOException {
        SimulatedConnector connector = charging(Map.of());
        connector.applyLimit(ChargingLimit.amperes(10));
        ticker.advance(Duration.ofHours(1));
        ConnectorStatus status = connector.status();
        assertEquals(PilotState.C, status.pilot());
        assertEquals("CP-1 connector 1: pilot=C ev=auto contactor=closed enabled=true allowed=true limit=10.0 A "
                        + "energy=6900.000 Wh power=6900.0 W current=10.00 A lock=unlocked fault=none",
                status.line("CP-1"));
    }
}
