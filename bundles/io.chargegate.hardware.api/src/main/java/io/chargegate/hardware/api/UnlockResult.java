package io.chargegate.hardware.api;

/** The outcome of unlocking a connector. */
public enum UnlockResult {
    /** The connector is unlocked. */
    UNLOCKED,
    /** The lock did not open. */
    UNLOCK_FAILED,
    /** This connector has no lock (for example a tethered cable). */
    NOT_SUPPORTED
}
