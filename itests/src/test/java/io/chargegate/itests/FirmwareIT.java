package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsResponse;
import io.chargegate.ocpp.model.messages.TriggerMessageRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.FirmwareStatus;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.station.api.Station;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import javax.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

/**
 * The FirmwareManagement profile bundle on the real runtime, the simulator and the demo CSMS, with files served by
 * a small HTTP/1.1 server of the test ({@link FileServer}, plain sockets: nothing to export to the probe): TC_044_1 (download, install,
 * the restart with a new BootNotification, then Installed; the simulator records the installed file), TC_044_2
 * (404: DownloadFailed after the retry), TC_044_3 (a simulator that fails installations: InstallationFailed, no
 * restart), TC_045_1 (GetDiagnostics: fileName, Uploading, Uploaded, the file arrives by HTTP PUT) and TC_045_2
 * (server error and refused port: UploadFailed). After each job the profile state keys the runtime's TriggerMessage
 * reads ({@code firmwareStatus} / {@code diagnosticsStatus}) are gone; TC_054 with the RemoteTrigger profile reports
 * the running job's status, and Idle without one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FirmwareIT {

    private static final String FIRMWARE_PID = "io.chargegate.profile.firmware";
    private static final byte[] IMAGE = "ChargeGate firmware image 2.0\n\u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    private BundleContext context;

    private StationSupport support;
    private ChargePointConnection cp;
    private FileServer http;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<org.osgi.service.cm.Configuration> ownConfigurations = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(ChargeGateOptions.runtime(),
                ChargeGateOptions.runtime("commons-net", 2),
                ChargeGateOptions.chargegate("io.chargegate.driver.simulator"),
                ChargeGateOptions.chargegate("io.chargegate.profile.core"),
                ChargeGateOptions.chargegate("io.chargegate.profile.remotetrigger"),
                ChargeGateOptions.chargegate("io.chargegate.profile.firmware"));
    }

    @Before
    public void setUp() throws Exception {
        // one identity per test: the Felix instance is shared by the class
        support = new StationSupport(context, "CP-FW-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        configureFirmwareProfile();
        http = new FileServer(this::serve);
    }

    @After
    public void tearDown() throws Exception {
        try {
            support.close();
            for (org.osgi.service.cm.Configuration c : ownConfigurations) {
                c.delete();
            }
        } finally {
            http.close();
        }
    }

    /** Downloads and diagnostics into a temporary folder, never into the working directory (once per framework). */
    private void configureFirmwareProfile() throws Exception {
        ConfigurationAdmin ca = support.service(ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration c = ca.getConfiguration(FIRMWARE_PID, "?");
        if (c.getProperties() == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("workDirectory", Files.createTempDirectory("chargegate-it-firmware-").toString());
            props.put("transferTimeoutSeconds", 10);
            c.update(props);
        }
    }

    /** CSMS, simulator ({@code failFirmwareInstall} as given), one-connector station connected and Available. */
    private void start(boolean failFirmwareInstall) throws Exception {
        support.startCsms();
        if (failFirmwareInstall) {
            // StationSupport.startSimulator has no option for it: an own simulator configuration
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("stationId", support.chargePointId);
            props.put("connectors", 1);
            props.put("dataDirectory", simulatorDirectory().toString());
            props.put("failFirmwareInstall", true);
            ConfigurationAdmin ca = support.service(ConfigurationAdmin.class, null);
            org.osgi.service.cm.Configuration c = ca.createFactoryConfiguration("io.chargegate.driver.simulator", "?");
            c.update(props);
            ownConfigurations.add(c);
        } else {
            support.startSimulator(1);
        }
        cp = support.startStation(1, null);
        awaitStatus(cp, 0, 1, ChargePointStatus.AVAILABLE);
    }

    private Path simulatorDirectory() {
        return support.dataDirectory.resolve("simulator");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    /** GET of {@link #files} (404 otherwise), PUT under /upload/ (201), anything under /fail/ answers 500. */
    private FileServer.Reply serve(String method, String path, byte[] body) {
        requests.add(method + " " + path);
        if (path.startsWith("/fail/")) {
            return new FileServer.Reply(500, new byte[0]);
        } else if (method.equals("PUT") && path.startsWith("/upload/")) {
            uploads.put(path, body);
            return new FileServer.Reply(201, new byte[0]);
        } else if (method.equals("GET") && files.containsKey(path)) {
            return new FileServer.Reply(200, files.get(path));
        }
        return new FileServer.Reply(404, new byte[0]);
    }

    /**
     * A minimal HTTP/1.1 server on loopback: one request per connection (Content-Length bodies), answered with
     * {@code Connection: close}. Enough for the profile's java.net.http GET and PUT.
     */
    static final class FileServer implements AutoCloseable {
        /** What the server answers. */
        record Reply(int status, byte[] body) {
        }

        /** Answers one request. */
        interface Handler {
            Reply handle(String method, String path, byte[] body);
        }

        private final ServerSocket socket;
        private final Handler handler;
        private final Thread acceptor;

        FileServer(Handler handler) throws IOException {
            this.handler = handler;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::acceptLoop, "firmware-it-http");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connection.setSoTimeout(10_000);
                    answer(connection);
                } catch (SocketException closed) {
                    return;
                } catch (IOException | RuntimeException e) {
                    System.err.println("FileServer: " + e); // the test sees the failed transfer
                }
            }
        }

        private void answer(Socket connection) throws IOException {
            InputStream in = connection.getInputStream();
            String requestLine = line(in);
            long length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                }
            }
            String[] parts = requestLine.split(" ");
            if (parts.length < 2) {
                return;
            }
            byte[] body = in.readNBytes((int) length);
            String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
            Reply reply = handler.handle(parts[0], path, body);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + reply.status() + " Status\r\nContent-Length: " + reply.body().length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(reply.body());
            out.flush();
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(10_000);
        }
    }

    private static UpdateFirmwareRequest update(String location, int retries) {
        return new UpdateFirmwareRequest(location, Instant.now().minusSeconds(1)).withRetries(retries)
                .withRetryInterval(0);
    }

    /** The FirmwareStatusNotification statuses and BootNotifications received after {@code mark}, in order. */
    private List<String> firmwareSequence(int mark) {
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

    private List<String> diagnosticsSequence(int mark) {
        List<String> sequence = new ArrayList<>();
        List<ReceivedMessage> all = cp.received();
        for (int i = mark; i < all.size(); i++) {
            if (all.get(i).action() == Action.DIAGNOSTICS_STATUS_NOTIFICATION) {
                sequence.add(((DiagnosticsStatusNotificationRequest) all.get(i).request()).status().value());
            }
        }
        return sequence;
    }

    private ReceivedMessage awaitFirmware(int mark, FirmwareStatus status) throws InterruptedException {
        return awaitAfter(cp, mark, m -> m.action() == Action.FIRMWARE_STATUS_NOTIFICATION
                && ((FirmwareStatusNotificationRequest) m.request()).status() == status);
    }

    private ReceivedMessage awaitDiagnostics(int mark, DiagnosticsStatus status) throws InterruptedException {
        return awaitAfter(cp, mark, m -> m.action() == Action.DIAGNOSTICS_STATUS_NOTIFICATION
                && ((DiagnosticsStatusNotificationRequest) m.request()).status() == status);
    }

    /** Waits until the profile's state of this station is empty: no job, no status (TriggerMessage says Idle). */
    private void awaitProfileStateEmpty() throws Exception {
        Station station = support.service(Station.class, "(chargegate.station=" + support.chargePointId + ")");
        awaitTrue("the firmware profile state to be empty", () -> {
            try {
                return station.profileState("firmware").snapshot().isEmpty();
            } catch (IllegalStateException stopped) {
                return false;
            }
        });
    }

    /** SupportedFeatureProfiles lists FirmwareManagement; SupportedFileTransferProtocols is reported. */
    @Test
    public void profileIsAnnounced() throws Exception {
        start(false);
        ProfileChecks.assertProfileSupported(cp, "FirmwareManagement");
        String protocols = ProfileChecks.key(cp, "SupportedFileTransferProtocols").value();
        assertTrue(protocols, List.of(protocols.split(",")).contains("HTTP"));
    }

    /**
     * TC_044_1: Downloading, Downloaded, Installing, a new BootNotification (the restart), Installed; the simulator
     * recorded the file, and the connector is Available again.
     */
    @Test
    public void tc044_1_downloadInstallRestartInstalled() throws Exception {
        start(false);
        files.put("/fw/image-2.0.bin", IMAGE);
        int m = mark(cp);

        call(cp, update(url("/fw/image-2.0.bin"), 0));

        awaitFirmware(m, FirmwareStatus.INSTALLED);
        assertEquals(List.of("Downloading", "Downloaded", "Installing", "BootNotification", "Installed"),
                firmwareSequence(m));
        assertEquals(List.of("GET /fw/image-2.0.bin"), requests);
        // Inoperative for the installation, Operative again after the new boot
        ReceivedMessage boot = awaitAfter(cp, m, Action.BOOT_NOTIFICATION);
        awaitStatus(cp, indexOf(cp, boot), 1, ChargePointStatus.AVAILABLE);
        awaitProfileStateEmpty();

        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(simulatorDirectory().resolve("installed-firmware.properties"))) {
            record.load(in);
        }
        assertEquals("image-2.0.bin", record.getProperty("fileName"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(IMAGE)),
                record.getProperty("sha256"));
        assertEquals(Integer.toString(IMAGE.length), record.getProperty("size"));
    }

    /** TC_044_2: the location answers 404; with retries 1 there are two attempts, then DownloadFailed. */
    @Test
    public void tc044_2_notFoundIsDownloadFailed() throws Exception {
        start(false);
        int m = mark(cp);

        call(cp, update(url("/fw/missing.bin"), 1));

        awaitFirmware(m, FirmwareStatus.DOWNLOAD_FAILED);
        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareSequence(m));
        assertEquals(List.of("GET /fw/missing.bin", "GET /fw/missing.bin"), requests);
        awaitProfileStateEmpty();
        assertTrue(Files.notExists(simulatorDirectory().resolve("installed-firmware.properties")));
    }

    /** TC_044_3: the simulator fails the installation: InstallationFailed, no restart, connector Available again. */
    @Test
    public void tc044_3_installationFailed() throws Exception {
        start(true);
        files.put("/fw/bad.bin", IMAGE);
        int m = mark(cp);

        call(cp, update(url("/fw/bad.bin"), 0));

        awaitFirmware(m, FirmwareStatus.INSTALLATION_FAILED);
        assertEquals(List.of("Downloading", "Downloaded", "Installing", "InstallationFailed"), firmwareSequence(m));
        awaitStatus(cp, indexOf(cp, awaitFirmware(m, FirmwareStatus.INSTALLING)), 1, ChargePointStatus.AVAILABLE);
        awaitProfileStateEmpty();
        assertEquals("no restart after a failed installation", List.of("Downloading", "Downloaded", "Installing",
                "InstallationFailed"), firmwareSequence(m));
        assertTrue(Files.notExists(simulatorDirectory().resolve("installed-firmware.properties")));
    }

    /** TC_045_1: the response names the file; Uploading, Uploaded; the server received that file (a zip). */
    @Test
    public void tc045_1_diagnosticsUploaded() throws Exception {
        start(false);
        int m = mark(cp);

        GetDiagnosticsResponse response = call(cp, new GetDiagnosticsRequest(url("/upload/")));

        assertNotNull("fileName", response.fileName());
        awaitDiagnostics(m, DiagnosticsStatus.UPLOADED);
        assertEquals(List.of("Uploading", "Uploaded"), diagnosticsSequence(m));
        byte[] received = uploads.get("/upload/" + response.fileName());
        assertNotNull("uploaded as " + response.fileName() + ": " + requests, received);
        assertTrue(received.length > 0);
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(received))) {
            ZipEntry first = zip.getNextEntry();
            assertNotNull("a zip with entries", first);
        }
        awaitProfileStateEmpty();
    }

    /** TC_045_2: the server answers 500 (two attempts with retries 1): UploadFailed. */
    @Test
    public void tc045_2_serverErrorIsUploadFailed() throws Exception {
        start(false);
        int m = mark(cp);

        GetDiagnosticsResponse response = call(cp, new GetDiagnosticsRequest(url("/fail/")).withRetries(1)
                .withRetryInterval(0));

        assertNotNull("fileName", response.fileName());
        awaitDiagnostics(m, DiagnosticsStatus.UPLOAD_FAILED);
        assertEquals(List.of("Uploading", "UploadFailed"), diagnosticsSequence(m));
        assertEquals(List.of("PUT /fail/" + response.fileName(), "PUT /fail/" + response.fileName()), requests);
        awaitProfileStateEmpty();
    }

    /**
     * TC_054 for the job statuses (station-bugs.md FR-3): while an upload waits for its retry, TriggerMessage
     * DiagnosticsStatusNotification reports Uploading; without a job, both triggers report Idle.
     */
    @Test
    public void tc054_triggeredStatusNotificationsReportTheRunningJob() throws Exception {
        start(false);
        int m = mark(cp);
        call(cp, new GetDiagnosticsRequest(url("/fail/")).withRetries(1).withRetryInterval(3600));
        awaitTrue("the first upload attempt", () -> requests.size() == 1);
        // the job's own Uploading notification may reach the CSMS after the server saw the PUT: wait for it, so the
        // message awaited below is the triggered one
        awaitDiagnostics(m, DiagnosticsStatus.UPLOADING);

        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED,
                call(cp, new TriggerMessageRequest(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, null)).status());
        ReceivedMessage triggered = awaitAfter(cp, t, Action.DIAGNOSTICS_STATUS_NOTIFICATION);
        assertEquals(DiagnosticsStatus.UPLOADING,
                triggered.request(DiagnosticsStatusNotificationRequest.class).status());
        assertEquals(List.of("Uploading", "Uploading"), diagnosticsSequence(m));

        t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED,
                call(cp, new TriggerMessageRequest(MessageTrigger.FIRMWARE_STATUS_NOTIFICATION, null)).status());
        assertEquals(FirmwareStatus.IDLE, awaitAfter(cp, t, Action.FIRMWARE_STATUS_NOTIFICATION)
                .request(FirmwareStatusNotificationRequest.class).status());
    }

    /** TC_054 after a job ended: Idle (the profile removed its status key). */
    @Test
    public void tc054_triggeredStatusIsIdleAfterTheJob() throws Exception {
        start(false);
        int m = mark(cp);
        call(cp, new GetDiagnosticsRequest(url("/upload/")));
        awaitDiagnostics(m, DiagnosticsStatus.UPLOADED);
        awaitProfileStateEmpty();

        int t = mark(cp);
        assertEquals(TriggerMessageStatus.ACCEPTED,
                call(cp, new TriggerMessageRequest(MessageTrigger.DIAGNOSTICS_STATUS_NOTIFICATION, null)).status());
        assertEquals(DiagnosticsStatus.IDLE, awaitAfter(cp, t, Action.DIAGNOSTICS_STATUS_NOTIFICATION)
                .request(DiagnosticsStatusNotificationRequest.class).status());
    }

    /** TC_045_2: nothing listens on the port: UploadFailed. */
    @Test
    public void tc045_2_refusedPortIsUploadFailed() throws Exception {
        start(false);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int m = mark(cp);

        GetDiagnosticsResponse response = call(cp, new GetDiagnosticsRequest("http://127.0.0.1:" + port + "/up/")
                .withRetries(0));

        assertNotNull("fileName", response.fileName());
        awaitDiagnostics(m, DiagnosticsStatus.UPLOAD_FAILED);
        assertEquals(List.of("Uploading", "UploadFailed"), diagnosticsSequence(m));
        awaitProfileStateEmpty();
    }
}
