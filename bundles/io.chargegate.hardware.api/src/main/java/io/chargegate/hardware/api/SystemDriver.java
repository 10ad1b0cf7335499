package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ConsumerType;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The charge point as a whole: identity, firmware installation, diagnostics, restart. Registered once per
 * charge point with {@link DriverProperties#STATION}. Downloads and uploads are done by the gateway; the driver
 * only works on local files.
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
}
