package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.FirmwareStatus;
import io.chargegate.station.api.Station;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;

/**
 * What the FirmwareManagement integration tests ({@code FirmwareIT} over HTTP, {@code FirmwareFtpIT} over FTP) share:
 * the bundles to provision, one station per test (CSMS, simulator, station) with the profile writing into a temporary
 * folder, and the FirmwareStatusNotification / DiagnosticsStatusNotification sequences the CSMS received.
 */
final class FirmwareSupport implements AutoCloseable {

    private static final String FIRMWARE_PID = "io.chargegate.profile.firmware";
    private static final String SIMULATOR_FACTORY_PID = "io.chargegate.driver.simulator";

    final StationSupport support;
    private final List<Configuration> ownConfigurations = new ArrayList<>();
    private ChargePointConnection cp;

    /** One station identity per test (the Felix instance is shared by the class); configures the profile. */
    FirmwareSupport(BundleContext context, String idPrefix) throws Exception {
        support = new StationSupport(context, idPrefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        configureFirmwareProfile();
    }

    /** The runtime, the simulator and the profile core with the FirmwareManagement profile and its FTP client. */
    static Option firmwareRuntime() {
        return composite(ChargeGateOptions.runtime(),
                ChargeGateOptions.runtime("commons-net", 2),
                ChargeGateOptions.chargegate("io.chargegate.driver.simulator"),
                ChargeGateOptions.chargegate("io.chargegate.profile.core"),
                ChargeGateOptions.chargegate("io.chargegate.profile.firmware"));
    }

    /**
     * Apache FtpServer and what it needs, for the test's FTP server ({@link FtpFileServer}); the probe reaches it
     * through its {@code DynamicImport-Package: *}. ftpserver-core imports {@code org.slf4j} in [1.7,2), which
     * slf4j-api 2 also exports (as 1.7.36).
     */
    static Option ftpServer() {
        return composite(ChargeGateOptions.runtime("ftplet-api", 2),
                ChargeGateOptions.runtime("mina-core", 2),
                ChargeGateOptions.runtime("ftpserver-core", 2));
    }

    /** Downloads and diagnostics into a temporary folder, never into the working directory (once per framework). */
    private void configureFirmwareProfile() throws Exception {
        ConfigurationAdmin ca = support.service(ConfigurationAdmin.class, null);
        Configuration c = ca.getConfiguration(FIRMWARE_PID, "?");
        if (c.getProperties() == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("workDirectory", Files.createTempDirectory("chargegate-it-firmware-").toString());
            props.put("transferTimeoutSeconds", 10);
            c.update(props);
        }
    }

    /**
     * CSMS, simulator ({@code failFirmwareInstall} as given), one-connector station (with {@code stationExtra}
     * properties, may be null) connected and Available.
     */
    ChargePointConnection start(boolean failFirmwareInstall, Dictionary<String, Object> stationExtra)
            throws Exception {
        support.startCsms();
        if (failFirmwareInstall) {
            // StationSupport.startSimulator has no option for it: an own simulator configuration
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("stationId", support.chargePointId);
            props.put("connectors", 1);
            props.put("dataDirectory", simulatorDirectory().toString());
            props.put("failFirmwareInstall", true);
            ConfigurationAdmin ca = support.service(ConfigurationAdmin.class, null);
            Configuration c = ca.createFactoryConfiguration(SIMULATOR_FACTORY_PID, "?");
            c.update(props);
            ownConfigurations.add(c);
        } else {
            support.startSimulator(1);
        }
        cp = support.startStation(1, stationExtra);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
        return cp;
    }

    /** The simulator's data directory (where it records the installed firmware). */
    Path simulatorDirectory() {
        return support.dataDirectory.resolve("simulator");
    }

    /** What the simulator recorded of the installed firmware (fileName, sha256, size). */
    Properties installedFirmware() throws IOException {
        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(simulatorDirectory().resolve("installed-firmware.properties"))) {
            record.load(in);
        }
        return record;
    }

    /** True when the simulator never recorded an installed firmware. */
    boolean noFirmwareInstalled() {
        return Files.notExists(simulatorDirectory().resolve("installed-firmware.properties"));
    }

    /** UpdateFirmware due now with {@code retries} and {@code retryInterval} seconds. */
    static UpdateFirmwareRequest update(String location, int retries, int retryInterval) {
        return new UpdateFirmwareRequest(location, Instant.now().minusSeconds(1)).withRetries(retries)
                .withRetryInterval(retryInterval);
    }

    /** The FirmwareStatusNotification statuses and BootNotifications received after {@code mark}, in order. */
    List<String> firmwareSequence(int mark) {
        List<String> sequence = new ArrayList<>();
        List<ReceivedMessage> all = cp.received();
        for (int i = mark; i < all.size(); i++) {
            ReceivedMessage m = all.get(i);
            if (m.action() == Action.FIRMWARE_STATUS_NOTIFICATION) {
                sequence.add(((FirmwareStatusNotificationRequest) m.request()).status().value());
            } else if (m.action() == Action.BOOT_NOTIFICATION) {
                sequence.add("BootNotification");
            }
        }
        return sequence;
    }

    /** The DiagnosticsStatusNotification statuses received after {@code mark}, in order. */
    List<String> diagnosticsSequence(int mark) {
        List<String> sequence = new ArrayList<>();
        List<ReceivedMessage> all = cp.received();
        for (int i = mark; i < all.size(); i++) {
            if (all.get(i).action() == Action.DIAGNOSTICS_STATUS_NOTIFICATION) {
                sequence.add(((DiagnosticsStatusNotificationRequest) all.get(i).request()).status().value());
            }
        }
        return sequence;
    }

    /** Waits for a FirmwareStatusNotification with {@code status} after {@code mark}. */
    ReceivedMessage awaitFirmware(int mark, FirmwareStatus status) throws InterruptedException {
        return awaitAfter(cp, mark, m -> m.action() == Action.FIRMWARE_STATUS_NOTIFICATION
                && ((FirmwareStatusNotificationRequest) m.request()).status() == status);
    }

    /** Waits for a DiagnosticsStatusNotification with {@code status} after {@code mark}. */
    ReceivedMessage awaitDiagnostics(int mark, DiagnosticsStatus status) throws InterruptedException {
        return awaitAfter(cp, mark, m -> m.action() == Action.DIAGNOSTICS_STATUS_NOTIFICATION
                && ((DiagnosticsStatusNotificationRequest) m.request()).status() == status);
    }

    /** Waits until the profile's state of this station is empty: no job, no status (TriggerMessage says Idle). */
    void awaitProfileStateEmpty() throws Exception {
        Station station = support.service(Station.class, "(chargegate.station=" + support.chargePointId + ")");
        awaitTrue("the firmware profile state to be empty", () -> {
            try {
                return station.profileState("firmware").snapshot().isEmpty();
            } catch (IllegalStateException stopped) {
                return false;
            }
        });
    }

    /** The lower-case hex SHA-256 of {@code bytes}, as the simulator records it. */
    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The entries of a zip archive by name, in archive order (none when the bytes are not a zip). */
    static Map<String, byte[]> zipEntries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Stops the station, simulator and CSMS of the test and removes the test's own configurations. */
    @Override
    public void close() throws Exception {
        support.close();
        for (Configuration c : ownConfigurations) {
            c.delete();
        }
    }
}
