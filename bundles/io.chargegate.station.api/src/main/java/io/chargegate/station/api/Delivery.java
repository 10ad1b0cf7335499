package io.chargegate.station.api;

/** How the runtime delivers a charge-point-initiated message. */
public enum Delivery {
    /** Sent now if connected, else fails at once (Heartbeat, Authorize, DataTransfer). */
    IMMEDIATE,
    /**
     * Persisted before anything else happens, sent in order, kept across disconnects and restarts until the CSMS
     * answers (StartTransaction, StopTransaction, transaction MeterValues); a CALLERROR or timeout is retried per
     * {@code TransactionMessageAttempts} / {@code TransactionMessageRetryInterval}, then the message is dropped with
     * an ERROR log (a lost connection does not count as an attempt).
     */
    TRANSACTIONAL,
    /** Queued while offline, in memory only, latest per connector wins (StatusNotification). */
    BEST_EFFORT
}
