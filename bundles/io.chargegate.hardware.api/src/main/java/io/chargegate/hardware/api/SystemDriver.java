package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ConsumerType;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The charge point as a whole: identity, firmware installation, diagnostics, restart and, on charge points with
 * backup power, the mains power state. Registered once per charge point with {@link DriverProperties#STATION}.
 * Downloads and uploads are done by the gateway; the driver only works on local files.
 */
@ConsumerType
public interface SystemDriver {
    /** The identity for BootNotification. */
    SystemIdentity identity();

    /**
     * Installs a downloaded firmware file. May restart the charge point (the runtime persists the job first).
     *
     * @throws IOException when installation failed (reported as InstallationFailed)
     */
    void installFirmware(Path file) throws IOException;

    /**
     * Collects diagnostics for the time window into a file in {@code directory} and returns it.
     *
     * @param from start of the window, or null for "as far back as available"
     * @param to   end of the window, or null for "now"
     */
    Path collectDiagnostics(Instant from, Instant to, Path directory) throws IOException;

    /** Restarts the charge point after the runtime has stopped transactions and flushed its state. */
    void reset(ResetKind kind);

    /**
     * Starts reporting the mains power state to the sink (optional: for charge points with backup power that can
     * tell when mains fails). The runtime calls it once it binds the driver; a driver already running on backup
     * power then calls {@link PowerSink#mainsLost} at once, and afterwards reports every change until
     * {@link #detachPower()}. Must return quickly. The default does nothing: the driver has no power-fail signal, and
     * a power loss is noticed only after the restart (the runtime then stops the interrupted transactions).
     *
     * @since 1.1
     */
    default void attachPower(PowerSink sink) {
    }

    /**
     * Stops reporting the mains power state; the sink must not be called after this returns. The default does
     * nothing.
     *
     * @since 1.1
     */
    default void detachPower() {
    }
}
