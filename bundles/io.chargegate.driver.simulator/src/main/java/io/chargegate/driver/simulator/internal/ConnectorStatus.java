package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.ChargingLimit;
import io.chargegate.hardware.api.HardwareFault;
import io.chargegate.hardware.api.PilotState;

import java.util.Locale;

/**
 * A snapshot of one simulated connector, for {@code sim:status}, diagnostics and tests.
 *
 * @param connectorId     the connector id (1..n)
 * @param pilot           the control pilot state
 * @param evMode          the simulated vehicle's behaviour
 * @param contactor       whether the contactor is closed
 * @param enabled         operative (true) or inoperative
 * @param allowed         whether the runtime allows power
 * @param limit           the applied limit, or null for the hardware maximum
 * @param energyWh        the energy import register
 * @param powerW          the active power now
 * @param currentPerPhase the current per used phase in A
 * @param locked          whether the cable lock is closed
 * @param lockFailure     whether unlocking is set to fail
 * @param fault           the active fault ({@link HardwareFault#NONE} for none)
 */
public record ConnectorStatus(int connectorId, PilotState pilot, EvMode evMode, boolean contactor, boolean enabled,
                              boolean allowed, ChargingLimit limit, double energyWh, double powerW,
                              double currentPerPhase, boolean locked, boolean lockFailure, HardwareFault fault) {

    /** One line for {@code sim:status}, prefixed with the station label. */
    public String line(String label) {
        return String.format(Locale.ROOT,
                "%s connector %d: pilot=%s ev=%s contactor=%s enabled=%s allowed=%s limit=%s energy=%.3f Wh "
                        + "power=%.1f W current=%.2f A lock=%s fault=%s",
                label, connectorId, pilot, evMode.name().toLowerCase(Locale.ROOT), contactor ? "closed" : "open",
                enabled, allowed, describe(limit), energyWh, powerW, currentPerPhase,
                locked ? "locked" : "unlocked" + (lockFailure ? " (unlock fails)" : ""), describe(fault));
    }

    /** A limit as text: "16.0 A", "7400 W", "max". */
    static String describe(ChargingLimit limit) {
        if (limit == null) {
            return "max";
        }
        String phases = limit.phases() == null ? "" : "/" + limit.phases() + "ph";
        return limit.unit() == ChargingLimit.Unit.AMPERE
                ? String.format(Locale.ROOT, "%.1f A%s", limit.value(), phases)
                : String.format(Locale.ROOT, "%.0f W%s", limit.value(), phases);
    }

    /** A fault as text: "none" or "GroundFailure[V42] blocking". */
    static String describe(HardwareFault fault) {
        if (!fault.isFault()) {
            return "none";
        }
        return fault.errorCode().value() + (fault.vendorErrorCode() == null ? "" : "[" + fault.vendorErrorCode() + "]")
                + (fault.blocking() ? " blocking" : " warning");
    }
}
