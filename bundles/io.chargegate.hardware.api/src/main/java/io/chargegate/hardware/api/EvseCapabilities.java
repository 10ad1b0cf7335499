package io.chargegate.hardware.api;

/**
 * What one connector's power electronics can do.
 *
 * @param minCurrent  lowest settable current per phase in A (IEC 61851: usually 6)
 * @param maxCurrent  highest current per phase in A (the hardware maximum)
 * @param phases      number of phases connected (1 or 3)
 * @param fixedCable  true for a tethered cable (no lock needed)
 * @param lockable    true when the socket has a lock that a {@link ConnectorLockDriver} drives
 * @param nominalVoltage nominal phase-to-neutral voltage in V, for A/W conversion
 */
public record EvseCapabilities(double minCurrent, double maxCurrent, int phases, boolean fixedCable, boolean lockable,
                               double nominalVoltage) {
    public EvseCapabilities {
        if (minCurrent < 0 || maxCurrent < minCurrent) {
            throw new IllegalArgumentException("need 0 <= minCurrent <= maxCurrent, got " + minCurrent + ".." + maxCurrent);
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, got " + phases);
        }
        if (nominalVoltage <= 0) {
            throw new IllegalArgumentException("nominalVoltage must be positive, got " + nominalVoltage);
        }
    }

    /** The maximum power in W at nominal voltage on all phases. */
    public double maxPower() {
        return maxCurrent * phases * nominalVoltage;
    }
}
