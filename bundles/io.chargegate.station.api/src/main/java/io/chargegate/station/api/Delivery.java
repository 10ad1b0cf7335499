package io.chargegate.station.api;

/** How the runtime delivers a charge-point-initiated message. */
public enum Delivery {
    /** Sent now if connected, else fails at once (Heartbeat, Authorize, DataTransfer). */
    IMMEDIATE,
    /**
     * Persisted before anything else happens, sent in order, retried across disconnects and restarts until the CSMS
     * answers (StartTransaction, StopTransaction, transaction MeterValues).
     */
    TRANSACTIONAL,
    /** Queued while offline, in memory only, latest per connector wins (StatusNotification). */
    BEST_EFFORT
}
