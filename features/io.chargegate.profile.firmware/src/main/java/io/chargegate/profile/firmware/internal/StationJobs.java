package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.FirmwareStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.profile.firmware.internal.Jobs.DiagnosticsJob;
import io.chargegate.profile.firmware.internal.Jobs.FirmwareJob;
import io.chargegate.profile.firmware.internal.Jobs.Phase;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Delivery;
import io.chargegate.station.api.ProfileState;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The firmware update and diagnostics upload jobs of one station. Each job is one entry of the station's profile
 * state (namespace {@value #NAMESPACE}) and every step runs on the component's single scheduler thread; a step first
 * persists where the job goes next, then acts, so a restart at any point resumes the job with {@link #resume()}.
 *
 * <p>Firmware: {@code WAITING} until {@code retrieveDate} (CSMS clock) - {@code DOWNLOADING} (Downloading; attempts
 * {@code 1 + retries}, {@code retryInterval} seconds apart; DownloadFailed ends the job) - {@code DOWNLOADED}
 * (Downloaded; free connectors are made Inoperative, and the job waits while any transaction runs) -
 * {@code INSTALLING} (Installing; persisted before {@link SystemDriver#installFirmware} is called) - on success
 * {@code REBOOTING} (persisted, then {@code Station.reset(HARD)}: the runtime stops, calls
 * {@code SystemDriver.reset(HARD)} and starts again with a new BootNotification; its {@code Station} service stays
 * registered) - Installed once the new BootNotification was accepted; on failure (the driver throws) InstallationFailed
 * without a restart. Then the connectors this job made Inoperative become Operative again and the job is removed.
 *
 * <p>Reboot rule: the driver reports a failed installation by throwing, before any restart (SPI contract), and the
 * outcome is persisted ({@code REBOOTING} / {@code INSTALLATION_FAILED}) before anything else happens. The new boot is
 * observed through the boot counter of {@link Station#status()} ({@code StationStatus.bootCount()}, accepted
 * BootNotifications in this process): its value just before {@code Station.reset(HARD)} is persisted with
 * {@code REBOOTING}, and Installed is reported once the counter is past that value and the registration is
 * {@code Accepted} (polled every 100 ms; a short down time cannot be missed); while the station is stopped its
 * profile state is not touched. A job found in {@code INSTALLING} or {@code REBOOTING} when the component activates
 * or a station is bound means the charge point (or the gateway) restarted since (the counter started again at 0):
 * Installed is reported as soon as the station is registered. A job found in {@code INSTALLED} or
 * {@code INSTALLATION_FAILED} reports that outcome. Known limit: if the station stays registered without a new boot
 * for {@value #RESTART_OBSERVATION_SECONDS} s after the accepted Reset, Installed is reported anyway, with a warning.
 *
 * <p>Diagnostics: the driver's file is collected while the CALL is answered; then Uploading, attempts like above,
 * Uploaded or UploadFailed; the job and the file are removed.
 *
 * <p>A newer request replaces a job of the same kind (its pending steps stop at their next persist). While a job
 * runs, the last status it sent is kept under {@value #FIRMWARE_STATUS_KEY} / {@value #DIAGNOSTICS_STATUS_KEY}; the
 * key is removed with the job, so a TriggerMessage answers {@code Idle} when the key is absent (1.6 errata).
 */
final class StationJobs {
    /** The profile state namespace. */
    static final String NAMESPACE = "firmware";
    /** The key of the firmware job. */
    static final String FIRMWARE_KEY = "updateFirmware";
    /** The key of the diagnostics job. */
    static final String DIAGNOSTICS_KEY = "getDiagnostics";
    /** The key of the last FirmwareStatusNotification status sent by the running job (absent: Idle). */
    static final String FIRMWARE_STATUS_KEY = "firmwareStatus";
    /** The key of the last DiagnosticsStatusNotification status sent by the running job (absent: Idle). */
    static final String DIAGNOSTICS_STATUS_KEY = "diagnosticsStatus";

    /**
     * How long the station may stay registered without a new boot after an accepted restart request before Installed
     * is reported anyway.
     */
    static final int RESTART_OBSERVATION_SECONDS = 120;
    /** Poll period while waiting for the new boot to be accepted. */
    private static final Duration BOOT_POLL = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(StationJobs.class);

    private final Station station;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final FileTransfer transfer;
    private final Function<String, Optional<SystemDriver>> drivers;
    private final String id;

    private final Object lock = new Object();
    private ScheduledFuture<?> firmwareTask;
    private ScheduledFuture<?> diagnosticsTask;
    private boolean closed;

    /** Thrown inside a step whose job was replaced, or whose component went away: the step stops silently. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }

    StationJobs(Station station, Settings settings, ScheduledExecutorService scheduler, FileTransfer transfer,
                Function<String, Optional<SystemDriver>> drivers) {
        this.station = station;
        this.settings = settings;
        this.scheduler = scheduler;
        this.transfer = transfer;
        this.drivers = drivers;
        this.id = station.chargePointId();
    }

    /** The station these jobs belong to. */
    Station station() {
        return station;
    }

    private ProfileState state() {
        return station.profileState(NAMESPACE);
    }

    // ---------------------------------------------------------------- requests (handler threads)

    /** Stores the UpdateFirmware job (durable when this returns) and schedules it. */
    void updateFirmware(UpdateFirmwareRequest request) {
        FirmwareJob job = new FirmwareJob(UUID.randomUUID().toString(), request.location(), request.retrieveDate(),
                retries(request.retries()), retryInterval(request.retryInterval()), 0, Phase.WAITING, null, List.of());
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the firmware profile is stopping");
            }
            Optional<String> previous = state().get(FIRMWARE_KEY);
            if (previous.isPresent()) {
                LOG.info("{}: UpdateFirmware replaces the pending firmware job {}", id, describe(previous.get()));
                try {
                    // the connectors the replaced job made Inoperative become Operative when the new job ends
                    job = job.withUnavailable(FirmwareJob.decode(previous.get()).unavailable());
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: the replaced firmware job was unreadable: {}", id, e.getMessage());
                }
            }
            state().put(FIRMWARE_KEY, job.encode());
            scheduleFirmware(null, Duration.ZERO);
        }
        LOG.info("{}: UpdateFirmware from {} at {} accepted ({})", id, Locations.mask(job.location()),
                job.retrieveDate(), job);
    }

    /**
     * Collects the diagnostics file through the station's {@link SystemDriver}, stores the upload job and schedules
     * it.
     *
     * @return the file's name, or null when there is no driver, nothing was collected or collecting failed
     */
    String getDiagnostics(GetDiagnosticsRequest request) {
        Optional<SystemDriver> driver = drivers.apply(id);
        if (driver.isEmpty()) {
            LOG.warn("{}: GetDiagnostics: no SystemDriver for this station, nothing to upload", id);
            return null;
        }
        Path file;
        try {
            file = driver.get().collectDiagnostics(request.startTime(), request.stopTime(),
                    settings.stationDirectory(id).resolve("diagnostics"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: GetDiagnostics: collecting diagnostics failed: {}", id, e.toString());
            return null;
        }
        if (file == null || !Files.isRegularFile(file)) {
            LOG.info("{}: GetDiagnostics: the driver collected nothing", id);
            return null;
        }
        String fileName = file.getFileName().toString();
        if (fileName.length() > 255) {
            LOG.warn("{}: GetDiagnostics: file name longer than 255 characters: {}", id, fileName);
            return null;
        }
        DiagnosticsJob job = new DiagnosticsJob(UUID.randomUUID().toString(), request.location(),
                file.toAbsolutePath().toString(), retries(request.retries()), retryInterval(request.retryInterval()),
                0);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the firmware profile is stopping");
            }
            state().get(DIAGNOSTICS_KEY).ifPresent(p -> LOG.info(
                    "{}: GetDiagnostics replaces the pending diagnostics job {}", id, describe(p)));
            state().put(DIAGNOSTICS_KEY, job.encode());
            scheduleDiagnostics(null, true, Duration.ZERO);
        }
        LOG.info("{}: GetDiagnostics: uploading {} to {}", id, fileName, Locations.mask(job.location()));
        return fileName;
    }

    /** Resumes the stored jobs (after activation or a station's return); runs on the scheduler. */
    void resume() {
        Optional<String> firmware = state().get(FIRMWARE_KEY);
        if (firmware.isPresent()) {
            try {
                FirmwareJob job = FirmwareJob.decode(firmware.get());
                LOG.info("{}: resuming {}", id, job);
                if (job.phase() == Phase.DOWNLOADING) {
                    guard(() -> send(FirmwareStatus.DOWNLOADING));
                }
                scheduleFirmware(job.id(), Duration.ZERO);
            } catch (IllegalArgumentException e) {
                LOG.error("{}: dropping an unreadable firmware job: {}", id, e.getMessage());
                state().remove(FIRMWARE_KEY);
            }
        }
        Optional<String> diagnostics = state().get(DIAGNOSTICS_KEY);
        if (diagnostics.isPresent()) {
            try {
                DiagnosticsJob job = DiagnosticsJob.decode(diagnostics.get());
                LOG.info("{}: resuming {}", id, job);
                scheduleDiagnostics(job.id(), true, Duration.ZERO);
            } catch (IllegalArgumentException e) {
                LOG.error("{}: dropping an unreadable diagnostics job: {}", id, e.getMessage());
                state().remove(DIAGNOSTICS_KEY);
            }
        }
    }

    /** Stops every pending step; the jobs stay in the store. */
    void close() {
        synchronized (lock) {
            closed = true;
            if (firmwareTask != null) {
                firmwareTask.cancel(false);
            }
            if (diagnosticsTask != null) {
                diagnosticsTask.cancel(false);
            }
        }
    }

    // ---------------------------------------------------------------- firmware steps (scheduler thread)

    /** Advances the stored firmware job (every scheduled step reads it anew, so a replaced job never runs). */
    private void firmwareStep() {
        Optional<String> stored = state().get(FIRMWARE_KEY);
        if (stored.isEmpty()) {
            return;
        }
        FirmwareJob job;
        try {
            job = FirmwareJob.decode(stored.get());
        } catch (IllegalArgumentException e) {
            LOG.error("{}: dropping an unreadable firmware job: {}", id, e.getMessage());
            state().remove(FIRMWARE_KEY);
            return;
        }
        switch (job.phase()) {
            case WAITING -> {
                Duration wait = Duration.between(station.now(), job.retrieveDate());
                if (wait.isNegative() || wait.isZero()) {
                    FirmwareJob downloading = saveFirmware(job.withPhase(Phase.DOWNLOADING));
                    send(FirmwareStatus.DOWNLOADING);
                    download(downloading);
                } else {
                    LOG.debug("{}: firmware download starts in {}", id, wait);
                    scheduleFirmware(job.id(), wait);
                }
            }
            case DOWNLOADING -> download(job);
            case DOWNLOADED -> install(job);
            case INSTALLING, REBOOTING -> {
                LOG.info("{}: the charge point restarted {} the firmware installation: Installed once registered", id,
                        job.phase() == Phase.INSTALLING ? "during" : "after");
                awaitBoot(job.id(), FirmwareJob.NO_BOOT_COUNT, System.nanoTime()); // the counter started anew
            }
            case INSTALLED -> finish(job, FirmwareStatus.INSTALLED);
            case INSTALLATION_FAILED -> finish(job, FirmwareStatus.INSTALLATION_FAILED);
        }
    }

    private void download(FirmwareJob job) {
        URI uri;
        try {
            uri = Locations.parse(job.location());
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: firmware download failed: {}", id, e.getMessage());
            finish(saveFirmware(job), FirmwareStatus.DOWNLOAD_FAILED);
            return;
        }
        Path target = settings.stationDirectory(id).resolve("firmware").resolve(Locations.fileName(uri, "firmware.bin"));
        int attempt = job.attempts() + 1;
        try {
            transfer.download(uri, target);
        } catch (IOException | RuntimeException e) {
            retryOrFail(job, attempt, e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("{}: firmware download interrupted (the profile is stopping); it resumes later", id);
            return;
        }
        long size = size(target);
        LOG.info("{}: firmware downloaded from {} to {} ({} bytes, attempt {})", id, Locations.mask(job.location()),
                target, size, attempt);
        FirmwareJob downloaded = saveFirmware(job.withFile(target.toAbsolutePath().toString())
                .withPhase(Phase.DOWNLOADED));
        send(FirmwareStatus.DOWNLOADED);
        install(downloaded);
    }

    private void retryOrFail(FirmwareJob job, int attempt, Exception e) {
        String reason = masked(e, job.location());
        if (attempt > job.retries()) {
            LOG.warn("{}: firmware download from {} failed after {} attempt(s): {}", id,
                    Locations.mask(job.location()), attempt, reason);
            finish(saveFirmware(job.withAttempts(attempt)), FirmwareStatus.DOWNLOAD_FAILED);
        } else {
            LOG.info("{}: firmware download attempt {} of {} from {} failed ({}); retrying in {} s", id, attempt,
                    job.retries() + 1, Locations.mask(job.location()), reason, job.retryInterval());
            saveFirmware(job.withAttempts(attempt));
            scheduleFirmware(job.id(), Duration.ofSeconds(job.retryInterval()));
        }
    }

    private void install(FirmwareJob job) {
        List<Integer> unavailable = new ArrayList<>(job.unavailable());
        boolean busy = false;
        FirmwareJob current = job;
        for (int connectorId = 1; connectorId <= station.connectorCount(); connectorId++) {
            ConnectorState connector = station.connector(connectorId);
            if (connector.hasTransaction()) {
                busy = true;
            } else if (connector.operative() && !unavailable.contains(connectorId)) {
                unavailable.add(connectorId);
                current = saveFirmware(current.withUnavailable(unavailable)); // before the change: undone on restart
                AvailabilityStatus result = station.changeAvailability(connectorId, AvailabilityType.INOPERATIVE);
                if (result == AvailabilityStatus.SCHEDULED) {
                    busy = true; // a transaction started meanwhile; the connector goes Inoperative when it ends
                } else if (result != AvailabilityStatus.ACCEPTED) {
                    LOG.info("{}: connector {} answered {} to Inoperative before the firmware installation", id,
                            connectorId, result);
                    unavailable.remove(Integer.valueOf(connectorId));
                    current = saveFirmware(current.withUnavailable(unavailable));
                }
            }
        }
        if (busy) {
            LOG.info("{}: firmware installation waits for the running transactions to end", id);
            scheduleFirmware(job.id(), settings.installCheckInterval());
            return;
        }
        Optional<SystemDriver> driver = drivers.apply(id);
        if (driver.isEmpty()) {
            LOG.warn("{}: firmware installation failed: no SystemDriver for this station", id);
            finish(saveFirmware(current.withPhase(Phase.INSTALLATION_FAILED)), FirmwareStatus.INSTALLATION_FAILED);
            return;
        }
        FirmwareJob installing = saveFirmware(current.withPhase(Phase.INSTALLING));
        send(FirmwareStatus.INSTALLING);
        Path file = Path.of(installing.file());
        LOG.info("{}: installing firmware {}", id, file);
        try {
            driver.get().installFirmware(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: firmware installation of {} failed: {}", id, file.getFileName(), e.toString());
            finish(saveFirmware(installing.withPhase(Phase.INSTALLATION_FAILED)), FirmwareStatus.INSTALLATION_FAILED);
            return;
        }
        long bootsBefore = bootCount(); // the boot after the restart takes the counter past this value
        FirmwareJob rebooting = saveFirmware(installing.withPhase(Phase.REBOOTING, bootsBefore)); // before the restart
        LOG.info("{}: firmware {} installed; restarting the charge point (hard reset)", id, file.getFileName());
        ResetStatus reset;
        try {
            reset = station.reset(ResetType.HARD);
        } catch (RuntimeException e) {
            LOG.warn("{}: the restart after the firmware installation failed: {}", id, e.toString());
            reset = ResetStatus.REJECTED;
        }
        if (reset != ResetStatus.ACCEPTED) {
            LOG.warn("{}: the station refused the restart after the firmware installation: Installed reported now",
                    id);
            finish(saveFirmware(rebooting.withPhase(Phase.INSTALLED)), FirmwareStatus.INSTALLED);
            return;
        }
        awaitBoot(rebooting.id(), bootsBefore,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(RESTART_OBSERVATION_SECONDS));
    }

    /**
     * The station's boot counter now ({@code StationStatus.bootCount()}), or {@link FirmwareJob#NO_BOOT_COUNT} when
     * the station cannot tell.
     */
    private long bootCount() {
        try {
            return station.status().bootCount();
        } catch (RuntimeException e) {
            LOG.debug("{}: station status unavailable: {}", id, e.toString());
            return FirmwareJob.NO_BOOT_COUNT;
        }
    }

    /**
     * One poll of the wait for the restart after an installation: once the station's boot counter went past
     * {@code bootsBefore} (a BootNotification was accepted after the restart request) and it is registered,
     * Installed is reported. {@code bootsBefore} {@link FirmwareJob#NO_BOOT_COUNT}: the restart already happened (the
     * job was found {@code REBOOTING} by a new instance: the counter of a restarted gateway starts again at 0), so
     * being registered is enough. Touches the profile state only when the station is registered (it throws while
     * the station is stopped).
     *
     * @param bootsBefore the station's boot counter recorded before the restart request
     * @param giveUpNanos {@link System#nanoTime()} after which a restart that never happened (the station stayed
     *                    registered without a new boot) no longer is waited for
     */
    private void awaitBoot(String jobId, long bootsBefore, long giveUpNanos) {
        boolean registered;
        boolean booted;
        try {
            StationStatus status = station.status();
            registered = status.registration() == RegistrationStatus.ACCEPTED;
            booted = registered && status.bootCount() > bootsBefore;
        } catch (UnsupportedOperationException e) {
            LOG.warn("{}: the station cannot report its registration: Installed reported without waiting", id);
            registered = true;
            booted = true;
        } catch (RuntimeException e) {
            LOG.debug("{}: station status unavailable: {}", id, e.toString());
            registered = false;
            booted = false;
        }
        boolean givenUp = registered && !booted && System.nanoTime() - giveUpNanos > 0;
        if (booted || givenUp) {
            if (givenUp) {
                LOG.warn("{}: no new boot within {} s after the firmware installation: Installed reported", id,
                        RESTART_OBSERVATION_SECONDS);
            }
            try {
                Optional<FirmwareJob> job = state().get(FIRMWARE_KEY).map(FirmwareJob::decode)
                        .filter(j -> j.id().equals(jobId));
                if (job.isEmpty()) {
                    LOG.info("{}: the firmware job was replaced during the restart", id);
                    return;
                }
                LOG.info("{}: registered again after the firmware installation: reporting Installed", id);
                finish(saveFirmware(job.get().withPhase(Phase.INSTALLED)), FirmwareStatus.INSTALLED);
                return;
            } catch (IllegalStateException stopped) {
                LOG.debug("{}: the station stopped again: {}", id, stopped.toString());
            }
        }
        scheduleFirmwareStep(() -> awaitBoot(jobId, bootsBefore, giveUpNanos), BOOT_POLL);
    }

    /**
     * Ends the job: makes the connectors it made Inoperative Operative again, reports {@code status} (DownloadFailed,
     * Installed or InstallationFailed) and removes the job and its file.
     */
    private void finish(FirmwareJob job, FirmwareStatus status) {
        for (int connectorId : job.unavailable()) {
            AvailabilityStatus result = station.changeAvailability(connectorId, AvailabilityType.OPERATIVE);
            if (result != AvailabilityStatus.ACCEPTED) {
                LOG.warn("{}: connector {} answered {} to Operative after the firmware job", id, connectorId, result);
            }
        }
        send(status);
        removeFirmware(job);
        if (job.file() != null) {
            try {
                Files.deleteIfExists(Path.of(job.file()));
            } catch (IOException e) {
                LOG.debug("{}: cannot delete {}: {}", id, job.file(), e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- diagnostics steps (scheduler thread)

    /** Advances the stored diagnostics job; {@code first}: report Uploading before this attempt. */
    private void uploadStep(boolean first) {
        Optional<String> stored = state().get(DIAGNOSTICS_KEY);
        if (stored.isEmpty()) {
            return;
        }
        DiagnosticsJob job;
        try {
            job = DiagnosticsJob.decode(stored.get());
        } catch (IllegalArgumentException e) {
            LOG.error("{}: dropping an unreadable diagnostics job: {}", id, e.getMessage());
            state().remove(DIAGNOSTICS_KEY);
            return;
        }
        saveDiagnostics(job);
        if (first) {
            send(DiagnosticsStatus.UPLOADING);
        }
        Path file = Path.of(job.file());
        String fileName = file.getFileName().toString();
        int attempt = job.attempts() + 1;
        try {
            URI target = Locations.parse(job.location().endsWith("/") ? job.location() + fileName : job.location());
            if (!Files.isRegularFile(file)) {
                throw new IOException("diagnostics file vanished: " + file);
            }
            transfer.upload(file, target);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: diagnostics upload failed: {}", id, e.getMessage());
            endDiagnostics(job, DiagnosticsStatus.UPLOAD_FAILED);
            return;
        } catch (IOException | RuntimeException e) {
            String reason = masked(e, job.location());
            if (attempt > job.retries()) {
                LOG.warn("{}: diagnostics upload to {} failed after {} attempt(s): {}", id,
                        Locations.mask(job.location()), attempt, reason);
                endDiagnostics(job, DiagnosticsStatus.UPLOAD_FAILED);
            } else {
                LOG.info("{}: diagnostics upload attempt {} of {} to {} failed ({}); retrying in {} s", id, attempt,
                        job.retries() + 1, Locations.mask(job.location()), reason, job.retryInterval());
                saveDiagnostics(job.withAttempts(attempt));
                scheduleDiagnostics(job.id(), false, Duration.ofSeconds(job.retryInterval()));
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("{}: diagnostics upload interrupted (the profile is stopping); it resumes later", id);
            return;
        }
        LOG.info("{}: diagnostics {} uploaded to {}", id, fileName, Locations.mask(job.location()));
        endDiagnostics(job, DiagnosticsStatus.UPLOADED);
    }

    private void endDiagnostics(DiagnosticsJob job, DiagnosticsStatus status) {
        saveDiagnostics(job);
        send(status);
        synchronized (lock) {
            if (isCurrent(DIAGNOSTICS_KEY, job.id())) {
                state().remove(DIAGNOSTICS_KEY);
                state().remove(DIAGNOSTICS_STATUS_KEY);
            }
        }
        try {
            Files.deleteIfExists(Path.of(job.file()));
        } catch (IOException e) {
            LOG.debug("{}: cannot delete {}: {}", id, job.file(), e.toString());
        }
    }

    // ---------------------------------------------------------------- persistence and notifications

    /** Stores {@code job} if it is still this station's job and the component is active, else stops the step. */
    private FirmwareJob saveFirmware(FirmwareJob job) {
        synchronized (lock) {
            if (closed || !isCurrent(FIRMWARE_KEY, job.id())) {
                throw new Stale();
            }
            state().put(FIRMWARE_KEY, job.encode());
            return job;
        }
    }

    private DiagnosticsJob saveDiagnostics(DiagnosticsJob job) {
        synchronized (lock) {
            if (closed || !isCurrent(DIAGNOSTICS_KEY, job.id())) {
                throw new Stale();
            }
            state().put(DIAGNOSTICS_KEY, job.encode());
            return job;
        }
    }

    private void removeFirmware(FirmwareJob job) {
        synchronized (lock) {
            if (isCurrent(FIRMWARE_KEY, job.id())) {
                state().remove(FIRMWARE_KEY);
                state().remove(FIRMWARE_STATUS_KEY);
            }
        }
    }

    private boolean isCurrent(String key, String jobId) {
        return state().get(key).map(StationJobs::jobId).filter(jobId::equals).isPresent();
    }

    private static String jobId(String encoded) {
        for (String line : encoded.split("\n")) {
            if (line.startsWith("id=")) {
                return line.substring(3).trim();
            }
        }
        return "";
    }

    private static String describe(String encoded) {
        try {
            return FirmwareJob.decode(encoded).toString();
        } catch (IllegalArgumentException e) {
            try {
                return DiagnosticsJob.decode(encoded).toString();
            } catch (IllegalArgumentException e2) {
                return "(unreadable)";
            }
        }
    }

    private void send(FirmwareStatus status) {
        state().put(FIRMWARE_STATUS_KEY, status.value());
        deliver(new FirmwareStatusNotificationRequest(status));
    }

    private void send(DiagnosticsStatus status) {
        state().put(DIAGNOSTICS_STATUS_KEY, status.value());
        deliver(new DiagnosticsStatusNotificationRequest(status));
    }

    private <R extends Response> void deliver(Request<R> request) {
        LOG.info("{}: {} {}", id, request.action().wireName(), request);
        try {
            station.send(request, Delivery.BEST_EFFORT).whenComplete((response, failure) -> {
                if (failure != null) {
                    LOG.warn("{}: {} not delivered: {}", id, request.action().wireName(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: {} not sent: {}", id, request.action().wireName(), e.toString());
        }
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Schedules the next firmware step in place of the pending one; with a {@code jobId}, only while that job is
     * still the stored one (so a step of a replaced job never cancels the step of its successor).
     */
    private void scheduleFirmware(String jobId, Duration delay) {
        synchronized (lock) {
            if (closed || (jobId != null && !isCurrent(FIRMWARE_KEY, jobId))) {
                return;
            }
            if (firmwareTask != null) {
                firmwareTask.cancel(false);
            }
            firmwareTask = schedule(this::firmwareStep, delay);
        }
    }

    /** Schedules {@code step} as the pending firmware step without reading the store (the station may be stopped). */
    private void scheduleFirmwareStep(Runnable step, Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (firmwareTask != null) {
                firmwareTask.cancel(false);
            }
            firmwareTask = schedule(step, delay);
        }
    }

    /** As {@link #scheduleFirmware} for the diagnostics job; {@code first}: report Uploading first. */
    private void scheduleDiagnostics(String jobId, boolean first, Duration delay) {
        synchronized (lock) {
            if (closed || (jobId != null && !isCurrent(DIAGNOSTICS_KEY, jobId))) {
                return;
            }
            if (diagnosticsTask != null) {
                diagnosticsTask.cancel(false);
            }
            diagnosticsTask = schedule(() -> uploadStep(first), delay);
        }
    }

    private ScheduledFuture<?> schedule(Runnable step, Duration delay) {
        try {
            return scheduler.schedule(() -> guard(step), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: scheduler stopped; the job resumes at the next activation", id);
            return null;
        }
    }

    private void guard(Runnable step) {
        try {
            step.run();
        } catch (Stale stale) {
            LOG.debug("{}: a replaced job or a stopped profile ended a step", id);
        } catch (RuntimeException e) {
            LOG.error("{}: firmware profile step failed", id, e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private int retries(Integer requested) {
        return requested == null ? settings.defaultRetries() : Math.max(0, requested);
    }

    private int retryInterval(Integer requested) {
        return requested == null ? (int) settings.defaultRetryInterval().toSeconds() : Math.max(0, requested);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The exception as text with the location's credentials masked, should a library have echoed them. */
    private static String masked(Exception e, String location) {
        String text = e.toString();
        URI uri;
        try {
            uri = new URI(location);
        } catch (Exception ignored) {
            return text;
        }
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            text = text.replace(location, Locations.mask(location)).replace(info, "***");
            Locations.Credentials credentials = Locations.credentials(uri);
            if (credentials != null && !credentials.password().isEmpty()) {
                text = text.replace(credentials.password(), "***");
            }
        }
        return text;
    }
}
