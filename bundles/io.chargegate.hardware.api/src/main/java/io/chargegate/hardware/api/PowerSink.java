package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ProviderType;

import java.time.Duration;

/**
 * Receives the charge point's mains power state from a {@link SystemDriver} of a charge point with backup power
 * (UPS, battery, super capacitor) that can tell when mains fails. Implemented by the runtime and handed to
 * {@link SystemDriver#attachPower(PowerSink)}; drivers call it from any thread, must not hold locks while calling,
 * and should report only changes (repeats are harmless).
 *
 * @since 1.1
 */
@ProviderType
public interface PowerSink {
    /**
     * Mains power is lost and the charge point runs on backup power. The runtime stops every transaction at once
     * (reason {@code PowerLoss}), opens the contactors, reports a stopped connector whose EV is still plugged in
     * {@code Finishing} and the others {@code Unavailable}, and refuses new transactions until
     * {@link #mainsRestored()}.
     *
     * @param backupTime about how long the backup power lasts from now, or null when the driver cannot tell
     */
    void mainsLost(Duration backupTime);

    /** Mains power is back: the connectors return to their normal status and accept transactions again. */
    void mainsRestored();
}
