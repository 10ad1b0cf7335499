package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.PowerSink;
import io.chargegate.hardware.api.ResetKind;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.SystemIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The simulated charge point as a whole. The identity comes from the configuration. {@link #installFirmware}
 * records the file's name and SHA-256 in {@value #FIRMWARE_FILE_NAME} (in the data directory, else in memory) and
 * fails when {@code failFirmwareInstall} is set; it restarts nothing itself: the runtime restarts the station after
 * a successful installation. {@link #reset} only logs and records the request (never exits the JVM); the runtime
 * implements the restart semantics. {@link #collectDiagnostics} writes a zip with the status, the configurations
 * without secrets and the gateway log of the window. Mains power fails and comes back on command
 * ({@link #failMains}, {@link #restoreMains}, {@code sim:power}); the state is reported to the attached
 * {@link PowerSink} (at attach too), in memory only: a restarted simulator runs on mains.
 */
final class SimulatedSystem implements SystemDriver {

    /** Archive entry: the status dump. */
    static final String STATUS_ENTRY = "status.txt";
    /** Archive entry: the configurations without secrets. */
    static final String CONFIGURATION_ENTRY = "configuration.txt";
    /** Archive entry: the gateway log of the window. */
    static final String LOG_ENTRY = "gateway.log";
    /** Archive entry: what the archive holds. */
    static final String README_ENTRY = "README.txt";

    /** The firmware record in the data directory. */
    static final String FIRMWARE_FILE_NAME = "installed-firmware.properties";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSystem.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * An installed firmware file.
     *
     * @param fileName    the file's name
     * @param sha256      the file's SHA-256, lower-case hex
     * @param size        the file's size in bytes
     * @param installedAt when it was installed
     */
    record FirmwareRecord(String fileName, String sha256, long size, Instant installedAt) {
    }

    /**
     * A reset request the runtime made.
     *
     * @param kind soft or hard
     * @param at   when
     */
    record ResetRecord(ResetKind kind, Instant at) {
    }

    private final SimulatorSettings settings;
    private final Ticker ticker;
    private final Supplier<String> statusDump;
    private final ConfigurationDump.Source configurations;
    private final Path firmwareFile;
    private final Outbox outbox;
    private final SinkSlot<PowerSink> powerSlot = new SinkSlot<>();

    private final Object lock = new Object();
    private FirmwareRecord installed;
    private ResetRecord lastReset;
    private int resetCount;
    /** Since when mains power is lost (ticker nanos), or null on mains; guarded by lock. */
    private Long mainsLostAt;
    /** The backup time announced when mains was lost, or null when unknown; guarded by lock. */
    private Duration backupTime;

    SimulatedSystem(SimulatorSettings settings, Ticker ticker, Supplier<String> statusDump,
                    ConfigurationDump.Source configurations, Outbox outbox) throws IOException {
        this.settings = settings;
        this.ticker = ticker;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.statusDump = statusDump;
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.firmwareFile = settings.dataDirectory() == null ? null
                : settings.dataDirectory().resolve(FIRMWARE_FILE_NAME);
        this.installed = firmwareFile == null ? null : loadRecord(firmwareFile);
    }

    @Override
    public SystemIdentity identity() {
        return settings.identity();
    }

    @Override
    public void installFirmware(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IOException("firmware file not found: " + file);
        }
        String sha256 = sha256(file);
        long size = Files.size(file);
        String name = file.getFileName().toString();
        if (settings.failFirmwareInstall()) {
            LOG.warn("{}: installing firmware {} failed (simulated: failFirmwareInstall=true)", settings.label(), name);
            throw new IOException("simulated installation failure of " + name + " (failFirmwareInstall=true)");
        }
        FirmwareRecord record = new FirmwareRecord(name, sha256, size, ticker.now());
        if (firmwareFile != null) {
            Properties properties = new Properties();
            properties.setProperty("fileName", record.fileName());
            properties.setProperty("sha256", record.sha256());
            properties.setProperty("size", Long.toString(record.size()));
            properties.setProperty("installedAt", record.installedAt().toString());
            PropertyFiles.write(firmwareFile, properties, "ChargeGate simulator: installed firmware");
        }
        synchronized (lock) {
            installed = record;
        }
        LOG.info("{}: firmware {} installed (sha256 {}, {} bytes); the runtime restarts the station",
                settings.label(), name, sha256, size);
    }

    /**
     * Writes {@code diagnostics-<station>-<time>.zip} with {@value #STATUS_ENTRY} (status dump),
     * {@value #CONFIGURATION_ENTRY} (every configuration, secrets masked), {@value #LOG_ENTRY} (the gateway log
     * events of the window, when a log directory is configured and exists) and {@value #README_ENTRY} (what the
     * archive holds, the window, and what is missing or cut). A missing or unreadable log is noted, never fatal;
     * only failures to write the archive are thrown.
     */
    @Override
    public Path collectDiagnostics(Instant from, Instant to, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        Instant now = ticker.now();
        Instant end = to == null ? now : to;
        String base = "diagnostics-" + settings.label().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + FILE_TIME.format(now);
        Path zip = directory.resolve(base + ".zip");
        for (int i = 1; Files.exists(zip); i++) {
            zip = directory.resolve(base + "-" + i + ".zip");
        }
        List<String> contents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW);
             ZipOutputStream zipOut = new ZipOutputStream(out)) {
            entry(zipOut, STATUS_ENTRY, statusDump.get() + "\n" + describe() + "\n");
            contents.add(STATUS_ENTRY + ": connector and system status at " + now);

            ConfigurationDump.Dump configuration = ConfigurationDump.of(configurations);
            entry(zipOut, CONFIGURATION_ENTRY, configuration.text());
            if (configuration.available()) {
                contents.add(CONFIGURATION_ENTRY + ": " + configuration.summary());
            } else {
                missing.add(CONFIGURATION_ENTRY + ": " + configuration.summary());
            }

            collectLog(zipOut, from, end, contents, missing);

            StringBuilder readme = new StringBuilder();
            readme.append("ChargeGate simulator diagnostics for ").append(settings.label()).append(", window ")
                    .append(from == null ? "start" : from).append(" .. ").append(to == null ? "now" : to)
                    .append(", generated ").append(now).append('\n');
            readme.append("\nWindow: ").append(from == null ? "everything available" : from.toString())
                    .append(" .. ").append(end).append(to == null ? " (now)" : "").append('\n');
            readme.append("\nContents:\n");
            contents.forEach(line -> readme.append("- ").append(line).append('\n'));
            readme.append("- ").append(README_ENTRY).append(": this file\n");
            readme.append("\nMissing or incomplete:\n");
            if (missing.isEmpty()) {
                readme.append("- nothing\n");
            }
            missing.forEach(line -> readme.append("- ").append(line).append('\n'));
            entry(zipOut, README_ENTRY, readme.toString());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        LOG.info("{}: diagnostics written to {}", settings.label(), zip);
        return zip;
    }

    /** Adds {@value #LOG_ENTRY} when there is a log folder; says what it holds or why it is missing. */
    private void collectLog(ZipOutputStream zipOut, Instant from, Instant to, List<String> contents,
                            List<String> missing) throws IOException {
        if (settings.logDirectory() == null) {
            missing.add(LOG_ENTRY + ": not collected: no log directory configured (simulator property "
                    + SimulatorSettings.LOG_DIRECTORY + ")");
            return;
        }
        GatewayLogCollector collector = new GatewayLogCollector(settings.logDirectory(),
                settings.diagnosticsMaxLogBytes());
        GatewayLogCollector.Plan plan = collector.plan(from, to);
        if (!plan.available()) {
            missing.add(LOG_ENTRY + ": not collected: " + String.join("; ", plan.notes()));
            return;
        }
        zipOut.putNextEntry(new ZipEntry(LOG_ENTRY));
        GatewayLogCollector.Result result = collector.write(plan, zipOut);
        zipOut.closeEntry();
        contents.add(LOG_ENTRY + ": " + result.events() + " log event(s), " + result.bytes()
                + " bytes, of the window from " + settings.logDirectory()
                + (result.files().isEmpty() ? "" : " (files " + String.join(", ", result.files()) + ")")
                + (plan.skipped().isEmpty() ? "" : "; not read, outside the window: "
                + String.join(", ", plan.skipped())));
        if (plan.files().isEmpty()) {
            missing.add(LOG_ENTRY + ": no log file (" + GatewayLogCollector.CURRENT_FILE + ", "
                    + GatewayLogCollector.ROLLED_PREFIX + "*.log.gz) in the window in " + settings.logDirectory());
        }
        if (result.truncated()) {
            missing.add(LOG_ENTRY + ": cut to the newest " + result.bytes() + " bytes (cap "
                    + SimulatorSettings.DIAGNOSTICS_MAX_LOG_BYTES + " = " + collector.maxBytes()
                    + "): the oldest " + result.omittedEvents() + " event(s), " + result.omittedBytes()
                    + " bytes, of the window were left out");
        }
        result.notes().forEach(note -> missing.add(LOG_ENTRY + ": " + note));
        LOG.debug("{}: diagnostics log: {} file(s) read, {} skipped outside the window", settings.label(),
                plan.files().size(), plan.skipped().size());
    }

    @Override
    public void reset(ResetKind kind) {
        Objects.requireNonNull(kind, "kind");
        Instant now = ticker.now();
        synchronized (lock) {
            lastReset = new ResetRecord(kind, now);
            resetCount++;
        }
        LOG.info("{}: {} reset requested; recorded (the simulator keeps running, the runtime restarts the station)",
                settings.label(), kind);
    }

    /** Reports the mains state; when mains is lost now, {@code mainsLost} with the backup time left follows at once. */
    @Override
    public void attachPower(PowerSink sink) {
        powerSlot.attach(Objects.requireNonNull(sink, "sink"));
        synchronized (lock) {
            if (mainsLostAt != null) {
                Duration left = backupLeft();
                outbox.post(() -> powerSlot.deliver(sink, s -> s.mainsLost(left)));
            }
        }
        outbox.flush();
        LOG.debug("{}: power sink attached", settings.label());
    }

    @Override
    public void detachPower() {
        powerSlot.detach();
        LOG.debug("{}: power sink detached", settings.label());
    }

    /**
     * Mains power fails: the charge point runs on backup power.
     *
     * @param backup about how long the backup lasts, or null for unknown
     * @return false when mains was already lost (nothing is reported again)
     */
    boolean failMains(Duration backup) {
        if (backup != null && backup.isNegative()) {
            throw new IllegalArgumentException("backup time must not be negative, got " + backup.toSeconds() + " s");
        }
        synchronized (lock) {
            if (mainsLostAt != null) {
                return false;
            }
            PowerSink sink = powerSlot.current(); // under lock: an attachPower running now sees the new state
            mainsLostAt = ticker.nanoTime();
            backupTime = backup;
            if (sink != null) {
                outbox.post(() -> powerSlot.deliver(sink, s -> s.mainsLost(backup)));
            }
        }
        outbox.flush();
        LOG.info("{}: mains power lost, on backup power ({})", settings.label(),
                backup == null ? "duration unknown" : "about " + backup.toSeconds() + " s");
        return true;
    }

    /**
     * Mains power is back.
     *
     * @return false when mains was not lost
     */
    boolean restoreMains() {
        synchronized (lock) {
            if (mainsLostAt == null) {
                return false;
            }
            PowerSink sink = powerSlot.current();
            mainsLostAt = null;
            backupTime = null;
            if (sink != null) {
                outbox.post(() -> powerSlot.deliver(sink, PowerSink::mainsRestored));
            }
        }
        outbox.flush();
        LOG.info("{}: mains power restored", settings.label());
        return true;
    }

    /** Whether mains power is lost now (running on backup). */
    boolean onBackup() {
        synchronized (lock) {
            return mainsLostAt != null;
        }
    }

    /** Whether a power sink is attached. */
    boolean powerSinkAttached() {
        return powerSlot.current() != null;
    }

    /** The backup time left (never negative), or null when unknown; call with lock held and mains lost. */
    private Duration backupLeft() {
        if (backupTime == null) {
            return null;
        }
        Duration left = backupTime.minusNanos(ticker.nanoTime() - mainsLostAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The installed firmware, or null when none was installed. */
    FirmwareRecord installedFirmware() {
        synchronized (lock) {
            return installed;
        }
    }

    /** The last reset request, or null. */
    ResetRecord lastReset() {
        synchronized (lock) {
            return lastReset;
        }
    }

    /** How many resets were requested since the simulator started. */
    int resetCount() {
        synchronized (lock) {
            return resetCount;
        }
    }

    /** One line about the system: identity, installed firmware, resets. */
    String describe() {
        SystemIdentity id = identity();
        synchronized (lock) {
            return settings.label() + " system: " + id.vendor() + " " + id.model() + " firmware "
                    + id.firmwareVersion()
                    + (installed == null ? "" : ", installed " + installed.fileName() + " (sha256 "
                    + installed.sha256() + ") at " + installed.installedAt())
                    + ", resets " + resetCount + (lastReset == null ? "" : " (last " + lastReset.kind() + " at "
                    + lastReset.at() + ")");
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static FirmwareRecord loadRecord(Path file) throws IOException {
        Properties properties = PropertyFiles.read(file);
        if (properties == null) {
            return null;
        }
        String fileName = properties.getProperty("fileName");
        String sha256 = properties.getProperty("sha256");
        String installedAt = properties.getProperty("installedAt");
        try {
            if (fileName != null && sha256 != null && installedAt != null) {
                return new FirmwareRecord(fileName, sha256, Long.parseLong(properties.getProperty("size", "0")),
                        Instant.parse(installedAt));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        LOG.warn("{}: unreadable firmware record ignored", file);
        return null;
    }
}
