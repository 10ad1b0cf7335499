package io.chargegate.hardware.api;

/** How the charge point restarts. */
public enum ResetKind {
    /** Restart the software (the gateway's station runtime). */
    SOFT,
    /** Restart the hardware (reboot the controller). */
    HARD
}
