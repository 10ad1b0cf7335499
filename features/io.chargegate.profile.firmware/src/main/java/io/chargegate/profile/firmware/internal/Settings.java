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
 * @param transferTimeout      bound of connecting and of every silence of a transfer's connection (HTTP(S): Jetty's
 *                             connect and idle timeouts; FTP(S): connect and socket timeouts); no bound on a whole
 *                             transfer
 * @param trustStore           the certificates HTTPS and FTPS servers are checked against (a PEM file of certificates
 *                             or a PKCS12/JKS key store, see {@link TrustStores}); null: the JVM's default trust store
 * @param trustStorePassword   the key store's password ("" for none or for a PEM file); never printed
 */
record Settings(Path workDirectory, int defaultRetries, Duration defaultRetryInterval, Duration installCheckInterval,
                Duration transferTimeout, Path trustStore, String trustStorePassword) {
    Settings {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(defaultRetryInterval, "defaultRetryInterval");
        Objects.requireNonNull(installCheckInterval, "installCheckInterval");
        Objects.requireNonNull(transferTimeout, "transferTimeout");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (defaultRetries < 0 || defaultRetryInterval.isNegative() || installCheckInterval.isNegative()
                || transferTimeout.isNegative() || transferTimeout.isZero()) {
            throw new IllegalArgumentException("negative retries or durations, or a zero transfer timeout");
        }
    }

    /** Settings that trust what the JVM's default trust store trusts. */
    Settings(Path workDirectory, int defaultRetries, Duration defaultRetryInterval, Duration installCheckInterval,
             Duration transferTimeout) {
        this(workDirectory, defaultRetries, defaultRetryInterval, installCheckInterval, transferTimeout, null, "");
    }

    /** These settings with HTTPS and FTPS servers checked against {@code store} (null: the JVM's default). */
    Settings withTrustStore(Path store, String password) {
        return new Settings(workDirectory, defaultRetries, defaultRetryInterval, installCheckInterval, transferTimeout,
                store, password);
    }

    /** The directory of one station's files. */
    Path stationDirectory(String chargePointId) {
        return workDirectory.resolve(Locations.directoryName(chargePointId));
    }

    @Override
    public String toString() {
        return "Settings[workDirectory=" + workDirectory + ", defaultRetries=" + defaultRetries
                + ", defaultRetryInterval=" + defaultRetryInterval + ", installCheckInterval=" + installCheckInterval
                + ", transferTimeout=" + transferTimeout + ", trustStore=" + (trustStore == null ? "(JVM default)"
                : trustStore) + ", trustStorePassword=" + (trustStorePassword.isEmpty() ? "" : "***") + "]";
    }
}
