package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The FirmwareManagement profile's core component: announces the profile and its read-only key
 * {@code SupportedFileTransferProtocols}, tracks the {@link Station}s and the {@link SystemDriver}s (by
 * {@code chargegate.station}, see {@link SystemDrivers}), keeps one {@link StationJobs} per station and owns the
 * single scheduler thread all job steps run on. A station that is bound (also at activation, so after a restart)
 * resumes its stored jobs. {@code @Deactivate} stops the thread; the jobs stay in the stations' stores.
 */
@Component(service = {FirmwareService.class, FeatureProfileProvider.class}, immediate = true,
        configurationPid = FirmwareService.PID)
@Designate(ocd = FirmwareService.Config.class)
public final class FirmwareService implements FeatureProfileProvider {
    /** The configuration PID. */
    public static final String PID = "io.chargegate.profile.firmware";

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareService.class);

    /** The component's configuration. */
    @ObjectClassDefinition(name = "ChargeGate FirmwareManagement profile",
            description = "Firmware downloads and diagnostics uploads of the OCPP 1.6 FirmwareManagement profile")
    public @interface Config {
        /** Downloads and diagnostics go to {@code <workDirectory>/<charge point id>/}. */
        @AttributeDefinition(description = "Directory of downloaded firmware and collected diagnostics (a "
                + "sub-directory per charge point id); relative paths resolve against the working directory")
        String workDirectory() default "data/firmware";

        /** Retries when a request names none. */
        @AttributeDefinition(description = "Retries after a failed transfer when the request gives none")
        int defaultRetries() default 2;

        /** Seconds between attempts when a request names none. */
        @AttributeDefinition(description = "Seconds between transfer attempts when the request gives none")
        int defaultRetryIntervalSeconds() default 60;

        /** How often a pending installation checks whether the transactions ended. */
        @AttributeDefinition(description = "Seconds between checks whether transactions ended before installing")
        int installCheckIntervalSeconds() default 10;

        /** Bound of connecting and of every silence of a transfer's connection; no bound on a whole transfer. */
        @AttributeDefinition(description = "Timeout (seconds) of connecting and of every silence while a transfer "
                + "runs (no data for that long fails it); a transfer whose data keeps flowing is never cut")
        int transferTimeoutSeconds() default 60;

        /** The certificates HTTPS and FTPS servers are checked against; empty: the JVM's default trust store. */
        @AttributeDefinition(required = false, description = "Trust store for HTTPS and FTPS servers: a PEM file "
                + "with CA or server certificates, or a PKCS12 (or JKS) key store; relative paths resolve against the "
                + "working directory; empty: the JVM's default trust store. Host names are always checked")
        String trustStore() default "";

        /** The password of a PKCS12 or JKS {@link #trustStore()}. */
        @AttributeDefinition(required = false, type = AttributeType.PASSWORD,
                description = "Password of a PKCS12 or JKS trust store (unused for a PEM file)")
        String trustStorePassword() default "";
    }

    private final Settings settings;
    private final FileTransfer transfer;
    private final ScheduledExecutorService scheduler;
    private final SystemDrivers drivers = new SystemDrivers();
    private final Map<String, StationJobs> stations = new ConcurrentHashMap<>();

    /** Creates the component from its configuration, with its scheduler thread. */
    @Activate
    public FirmwareService(Config config) {
        this(settings(config), null);
    }

    /** For tests and the constructor above: the given settings and transfer (null: the real one). */
    FirmwareService(Settings settings, FileTransfer transfer) {
        this.settings = settings;
        this.transfer = transfer != null ? transfer : new Transfers(settings.transferTimeout(),
                settings.trustStore(), settings.trustStorePassword());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chargegate-firmware");
            t.setDaemon(true);
            return t;
        });
    }

    private static Settings settings(Config config) {
        return new Settings(Path.of(config.workDirectory()), Math.max(0, config.defaultRetries()),
                Duration.ofSeconds(Math.max(0, config.defaultRetryIntervalSeconds())),
                Duration.ofSeconds(Math.max(1, config.installCheckIntervalSeconds())),
                Duration.ofSeconds(Math.max(1, config.transferTimeoutSeconds())),
                trustStore(config.trustStore()), config.trustStorePassword() == null ? "" : config.trustStorePassword());
    }

    /** The configured trust store path, or null (empty: the JVM's default trust store). */
    private static Path trustStore(String configured) {
        return configured == null || configured.isBlank() ? null : Path.of(configured.trim());
    }

    /** A station came: resume its stored jobs (on the scheduler thread). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStation(Station station) {
        StationJobs created = newJobs(station);
        StationJobs previous = stations.put(station.chargePointId(), created);
        if (previous != null) {
            previous.close();
        }
        scheduler.execute(() -> {
            try {
                created.resume();
            } catch (RuntimeException e) {
                LOG.error("{}: resuming the firmware jobs failed", station.chargePointId(), e);
            }
        });
    }

    /** A station went: stop its pending steps (its store keeps the jobs). */
    void removeStation(Station station) {
        StationJobs current = stations.get(station.chargePointId());
        if (current != null && current.station() == station && stations.remove(station.chargePointId(), current)) {
            current.close();
        }
    }

    /** A system driver came. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSystemDriver(SystemDriver driver, Map<String, Object> properties) {
        drivers.add(driver, properties);
    }

    /** A system driver's properties changed. */
    void updatedSystemDriver(SystemDriver driver, Map<String, Object> properties) {
        drivers.add(driver, properties);
    }

    /** A system driver went. */
    void removeSystemDriver(SystemDriver driver) {
        drivers.remove(driver);
    }

    /** Stops every pending step and the scheduler thread; jobs stay in the stores and resume at activation. */
    @Deactivate
    void deactivate() {
        stations.values().forEach(StationJobs::close);
        stations.clear();
        scheduler.shutdownNow();
    }

    /** For tests: waits until the scheduler thread ended after {@link #deactivate()}; false on timeout. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return scheduler.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** UpdateFirmware for {@code station}: the job is stored when this returns. */
    void updateFirmware(Station station, UpdateFirmwareRequest request) {
        of(station).updateFirmware(request);
    }

    /** GetDiagnostics for {@code station}: the file name to report, or null. */
    String getDiagnostics(Station station, GetDiagnosticsRequest request) {
        return of(station).getDiagnostics(request);
    }

    /**
     * {@link #getDiagnostics} on a thread of its own: a driver may read megabytes of logs to collect the archive, and
     * neither the station's threads (shared by every station) nor this service's scheduler (busy with a transfer)
     * may wait for it. The thread ends with the collection; nothing idles between requests.
     */
    CompletableFuture<String> getDiagnosticsAsync(Station station, GetDiagnosticsRequest request) {
        return CompletableFuture.supplyAsync(() -> getDiagnostics(station, request), task -> {
            Thread t = new Thread(task, "chargegate-diagnostics-" + station.chargePointId());
            t.setDaemon(true);
            t.start();
        });
    }

    private StationJobs of(Station station) {
        StationJobs existing = stations.get(station.chargePointId());
        if (existing != null) {
            return existing;
        }
        return stations.computeIfAbsent(station.chargePointId(), id -> newJobs(station));
    }

    private StationJobs newJobs(Station station) {
        return new StationJobs(station, settings, scheduler, transfer, drivers::forStation);
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.FIRMWARE_MANAGEMENT;
    }

    /** {@code SupportedFileTransferProtocols}, read-only. */
    @Override
    public List<ConfigurationKey> configurationKeys() {
        return List.of(ConfigurationKey.readOnly("SupportedFileTransferProtocols", Locations.SUPPORTED_PROTOCOLS));
    }
}
