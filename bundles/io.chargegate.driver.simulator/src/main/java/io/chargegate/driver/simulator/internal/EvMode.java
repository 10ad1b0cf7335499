package io.chargegate.driver.simulator.internal;

/** How the simulated vehicle behaves while plugged in. */
public enum EvMode {
    /** Asks for energy (state C) whenever the EVSE offers power, pauses (B) otherwise; the mode after plugging in. */
    AUTO,
    /** Asks for energy (state C) regardless of what the EVSE offers ({@code sim:ev charge}). */
    CHARGE,
    /** Pauses (state B) until told otherwise ({@code sim:ev suspend}). */
    SUSPEND
}
