package io.chargegate.hardware.api;

/**
 * A charging limit the runtime asks the EVSE to enforce.
 *
 * @param value  the limit, in {@code unit}; 0 means no energy
 * @param unit   amperes per phase or watts
 * @param phases number of phases to use (1 or 3), or null for "as connected"
 */
public record ChargingLimit(double value, Unit unit, Integer phases) {

    /** Unit of a {@link ChargingLimit}. */
    public enum Unit {
        /** Amperes per phase. */
        AMPERE,
        /** Watts in total. */
        WATT
    }

    public ChargingLimit {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("limit must be >= 0, got " + value);
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (phases != null && phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, got " + phases);
        }
    }

    /** A current limit per phase. */
    public static ChargingLimit amperes(double value) {
        return new ChargingLimit(value, Unit.AMPERE, null);
    }

    /** A power limit. */
    public static ChargingLimit watts(double value) {
        return new ChargingLimit(value, Unit.WATT, null);
    }
}
