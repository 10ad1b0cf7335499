package io.chargegate.profile.firmware.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The firmware profile's settings (from the component configuration, or set directly by tests).
 *
 * @param workDirectory        downloads and diagnostics go to {@code <workDirectory>/<charge point id>/}
 * @param defaultRetries       retries after the first attempt when a request gives none
 * @param defaultRetryInterval the wait between attempts when a request gives none
 * @param installCheckInterval how often a pending installation checks again whether transactions ended
 * @param transferTimeout      bound of every connect, read and response wait of a transfer
 */
record Settings(Path workDirectory, int defaultRetries, Duration defaultRetryInterval, Duration installCheckInterval,
                Duration transferTimeout) {
    Settings {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(defaultRetryInterval, "defaultRetryInterval");
        Objects.requireNonNull(installCheckInterval, "installCheckInterval");
        Objects.requireNonNull(transferTimeout, "transferTimeout");
        if (defaultRetries < 0 || defaultRetryInterval.isNegative() || installCheckInterval.isNegative()
                || transferTimeout.isNegative() || transferTimeout.isZero()) {
            throw new IllegalArgumentException("negative retries or durations, or a zero transfer timeout");
        }
    }

    /** The directory of one station's files. */
    Path stationDirectory(String chargePointId) {
        return workDirectory.resolve(Locations.directoryName(chargePointId));
    }
}
