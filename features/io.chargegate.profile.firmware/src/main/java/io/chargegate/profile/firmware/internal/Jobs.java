package io.chargegate.profile.firmware.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The two durable jobs of a station, each stored as one string (a {@link Properties} text) under one key of the
 * station's profile state, so every change of a job is a single atomic write.
 */
final class Jobs {
    private Jobs() {
    }

    /** Where a firmware update is. */
    enum Phase {
        /** Waiting for {@code retrieveDate}. */
        WAITING,
        /** Downloading (attempt {@code attempts + 1}). */
        DOWNLOADING,
        /** Downloaded; the installation waits until no transaction runs. */
        DOWNLOADED,
        /** {@code SystemDriver.installFirmware} was called (persisted before the call). */
        INSTALLING,
        /**
         * The driver returned: the station was asked to restart ({@code Station.reset(HARD)}, persisted before the
         * call, with the station's boot counter of that moment); Installed is reported once the BootNotification
         * after the restart was accepted (the counter went past the recorded value).
         */
        REBOOTING,
        /** The installation succeeded and the station is registered again: Installed is being reported. */
        INSTALLED,
        /** The driver failed: InstallationFailed is being reported. */
        INSTALLATION_FAILED
    }

    /**
     * One UpdateFirmware job.
     *
     * @param id            identifies this job (a newer request replaces it)
     * @param location      the download URI (may hold credentials: never log it unmasked)
     * @param retrieveDate  when to start downloading (CSMS clock)
     * @param retries       retries after the first failed attempt
     * @param retryInterval seconds between attempts
     * @param attempts      failed download attempts so far
     * @param phase         where the job is
     * @param file          the downloaded file, once there
     * @param unavailable   connectors this job made Inoperative, to make Operative again when it ends
     * @param bootCount     {@code StationStatus.bootCount()} just before the restart was requested (stored with
     *                      {@link Phase#REBOOTING}), or {@link #NO_BOOT_COUNT} when not recorded
     */
    record FirmwareJob(String id, String location, Instant retrieveDate, int retries, int retryInterval, int attempts,
                       Phase phase, String file, List<Integer> unavailable, long bootCount) {
        /** The {@code bootCount} of a job that has not recorded one (or a station that cannot tell). */
        static final long NO_BOOT_COUNT = -1;

        FirmwareJob {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(retrieveDate, "retrieveDate");
            Objects.requireNonNull(phase, "phase");
            unavailable = List.copyOf(unavailable);
            if (bootCount < NO_BOOT_COUNT) {
                throw new IllegalArgumentException("bootCount " + bootCount);
            }
        }

        /** A job without a recorded boot count. */
        FirmwareJob(String id, String location, Instant retrieveDate, int retries, int retryInterval, int attempts,
                    Phase phase, String file, List<Integer> unavailable) {
            this(id, location, retrieveDate, retries, retryInterval, attempts, phase, file, unavailable, NO_BOOT_COUNT);
        }

        FirmwareJob withPhase(Phase newPhase) {
            return new FirmwareJob(id, location, retrieveDate, retries, retryInterval, attempts, newPhase, file,
                    unavailable, bootCount);
        }

        FirmwareJob withAttempts(int newAttempts) {
            return new FirmwareJob(id, location, retrieveDate, retries, retryInterval, newAttempts, phase, file,
                    unavailable, bootCount);
        }

        FirmwareJob withFile(String newFile) {
            return new FirmwareJob(id, location, retrieveDate, retries, retryInterval, attempts, phase, newFile,
                    unavailable, bootCount);
        }

        FirmwareJob withUnavailable(List<Integer> connectors) {
            return new FirmwareJob(id, location, retrieveDate, retries, retryInterval, attempts, phase, file,
                    connectors, bootCount);
        }

        /** This job in {@code newPhase} with the station's boot counter {@code count} recorded. */
        FirmwareJob withPhase(Phase newPhase, long count) {
            return new FirmwareJob(id, location, retrieveDate, retries, retryInterval, attempts, newPhase, file,
                    unavailable, count);
        }

        /** The job as stored. */
        String encode() {
            Properties p = new Properties();
            p.setProperty("id", id);
            p.setProperty("location", location);
            p.setProperty("retrieveDate", retrieveDate.toString());
            p.setProperty("retries", Integer.toString(retries));
            p.setProperty("retryInterval", Integer.toString(retryInterval));
            p.setProperty("attempts", Integer.toString(attempts));
            p.setProperty("phase", phase.name());
            if (file != null) {
                p.setProperty("file", file);
            }
            p.setProperty("unavailable", unavailable.stream().map(String::valueOf).collect(Collectors.joining(",")));
            if (bootCount != NO_BOOT_COUNT) {
                p.setProperty("bootCount", Long.toString(bootCount));
            }
            return write(p);
        }

        /** A stored job; {@link IllegalArgumentException} when it cannot be read. */
        static FirmwareJob decode(String text) {
            Properties p = read(text);
            try {
                String unavailable = p.getProperty("unavailable", "");
                return new FirmwareJob(p.getProperty("id"), p.getProperty("location"),
                        Instant.parse(p.getProperty("retrieveDate")), Integer.parseInt(p.getProperty("retries")),
                        Integer.parseInt(p.getProperty("retryInterval")), Integer.parseInt(p.getProperty("attempts")),
                        Phase.valueOf(p.getProperty("phase")), p.getProperty("file"),
                        unavailable.isBlank() ? List.of() : Arrays.stream(unavailable.split(","))
                                .map(String::trim).map(Integer::valueOf).toList(),
                        Long.parseLong(p.getProperty("bootCount", Long.toString(NO_BOOT_COUNT))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unreadable firmware job: " + e, e);
            }
        }

        @Override
        public String toString() {
            return "FirmwareJob[" + id + " " + phase + " " + Locations.mask(location) + ", attempts " + attempts
                    + "/" + (retries + 1) + "]";
        }
    }

    /**
     * One GetDiagnostics upload job.
     *
     * @param id            identifies this job (a newer request replaces it)
     * @param location      the upload URI (may hold credentials: never log it unmasked)
     * @param file          the diagnostics file collected by the driver
     * @param retries       retries after the first failed attempt
     * @param retryInterval seconds between attempts
     * @param attempts      failed upload attempts so far
     */
    record DiagnosticsJob(String id, String location, String file, int retries, int retryInterval, int attempts) {
        DiagnosticsJob {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(file, "file");
        }

        DiagnosticsJob withAttempts(int newAttempts) {
            return new DiagnosticsJob(id, location, file, retries, retryInterval, newAttempts);
        }

        /** The job as stored. */
        String encode() {
            Properties p = new Properties();
            p.setProperty("id", id);
            p.setProperty("location", location);
            p.setProperty("file", file);
            p.setProperty("retries", Integer.toString(retries));
            p.setProperty("retryInterval", Integer.toString(retryInterval));
            p.setProperty("attempts", Integer.toString(attempts));
            return write(p);
        }

        /** A stored job; {@link IllegalArgumentException} when it cannot be read. */
        static DiagnosticsJob decode(String text) {
            Properties p = read(text);
            try {
                return new DiagnosticsJob(p.getProperty("id"), p.getProperty("location"), p.getProperty("file"),
                        Integer.parseInt(p.getProperty("retries")), Integer.parseInt(p.getProperty("retryInterval")),
                        Integer.parseInt(p.getProperty("attempts")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unreadable diagnostics job: " + e, e);
            }
        }

        @Override
        public String toString() {
            return "DiagnosticsJob[" + id + " " + Locations.mask(location) + ", attempts " + attempts + "/"
                    + (retries + 1) + "]";
        }
    }

    private static String write(Properties p) {
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // drop the date comment line so equal jobs encode equally
        return out.toString().lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
    }

    private static Properties read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable job: " + e.getMessage(), e);
        }
        return p;
    }
}
