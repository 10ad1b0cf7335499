package io.chargegate.hardware.api;

/** IEC 61851-1 control pilot states as seen by the EVSE. */
public enum PilotState {
    /** A: no vehicle connected. */
    A,
    /** B: vehicle connected, not ready to take energy. */
    B,
    /** C: vehicle connected and requesting energy. */
    C,
    /** D: vehicle requesting energy with ventilation. */
    D,
    /** E: error (short circuit of the pilot, no power). */
    E,
    /** F: EVSE not available (pilot at -12 V). */
    F;

    /** Whether a vehicle is plugged in (B, C or D). */
    public boolean vehicleConnected() {
        return this == B || this == C || this == D;
    }

    /** Whether the vehicle asks for energy (C or D). */
    public boolean vehicleRequestsEnergy() {
        return this == C || this == D;
    }
}
