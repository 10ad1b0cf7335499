package io.chargegate.hardware.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of a connector's energy meter. Only the energy import register is required.
 *
 * @param timestamp          when the meter took the sample
 * @param energyImportWh     the energy import register in Wh (monotonic; never goes backwards)
 * @param powerW             active power import in W, or null
 * @param currentA           current per phase in A (L1, L2, L3; length 1 or 3), or null
 * @param voltageV           voltage per phase to neutral in V (length 1 or 3), or null
 * @param frequencyHz        grid frequency, or null
 * @param socPercent         state of charge reported by the vehicle, or null
 * @param temperatureC       temperature inside the EVSE, or null
 * @param signedData         the meter's signed data blob (for calibration law), or null
 */
public record MeterReading(Instant timestamp, double energyImportWh, Double powerW, double[] currentA, double[] voltageV,
                           Double frequencyHz, Double socPercent, Double temperatureC, String signedData) {
    public MeterReading {
        Objects.requireNonNull(timestamp, "timestamp");
        if (energyImportWh < 0 || Double.isNaN(energyImportWh)) {
            throw new IllegalArgumentException("energyImportWh must be >= 0, got " + energyImportWh);
        }
        currentA = currentA == null ? null : currentA.clone();
        voltageV = voltageV == null ? null : voltageV.clone();
    }

    /** A reading with the energy register and power only. */
    public static MeterReading of(Instant timestamp, double energyImportWh, Double powerW) {
        return new MeterReading(timestamp, energyImportWh, powerW, null, null, null, null, null, null);
    }

    @Override
    public double[] currentA() {
        return currentA == null ? null : currentA.clone();
    }

    @Override
    public double[] voltageV() {
        return voltageV == null ? null : voltageV.clone();
    }
}
