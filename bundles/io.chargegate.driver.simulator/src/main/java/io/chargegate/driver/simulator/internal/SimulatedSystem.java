package io.chargegate.driver.simulator.internal;

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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
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
 * implements the restart semantics.
 */
final class SimulatedSystem implements SystemDriver {

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
    private final Path firmwareFile;

    private final Object lock = new Object();
    private FirmwareRecord installed;
    private ResetRecord lastReset;
    private int resetCount;

    SimulatedSystem(SimulatorSettings settings, Ticker ticker, Supplier<String> statusDump) throws IOException {
        this.settings = settings;
        this.ticker = ticker;
        this.statusDump = statusDump;
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

    @Override
    public Path collectDiagnostics(Instant from, Instant to, Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        Instant now = ticker.now();
        String base = "diagnostics-" + settings.label().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + FILE_TIME.format(now);
        Path zip = directory.resolve(base + ".zip");
        for (int i = 1; Files.exists(zip); i++) {
            zip = directory.resolve(base + "-" + i + ".zip");
        }
        String readme = "ChargeGate simulator diagnostics for " + settings.label() + ", window "
                + (from == null ? "start" : from) + " .. " + (to == null ? "now" : to) + ", generated " + now + "\n";
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            entry(zipOut, "README.txt", readme);
            entry(zipOut, "status.txt", statusDump.get() + "\n" + describe() + "\n");
        }
        LOG.info("{}: diagnostics written to {}", settings.label(), zip);
        return zip;
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
