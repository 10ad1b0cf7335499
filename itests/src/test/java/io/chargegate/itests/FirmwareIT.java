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

import javax.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitStatus;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.indexOf;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

/**
 * The FirmwareManagement profile bundle on the real runtime, the simulator and the demo CSMS, with files served over
 * HTTP by an embedded Jetty server of the test ({@link HttpFileServer}): TC_044_1 (download, install, the restart
 * with a new BootNotification, then Installed; the simulator records the installed file), TC_044_2 (404:
 * DownloadFailed after the retry), TC_044_3 (a simulator that fails installations: InstallationFailed, no restart),
 * TC_045_1 (GetDiagnostics: fileName, Uploading, Uploaded, the file arrives by HTTP PUT) and TC_045_2 (server error,
 * and the server closed: UploadFailed). After each job the profile state keys the runtime's TriggerMessage reads
 * ({@code firmwareStatus} / {@code diagnosticsStatus}) are gone; TC_054 with the RemoteTrigger profile reports the
 * running job's status, and Idle without one. The same cases over FTP are in {@link FirmwareFtpIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FirmwareIT {

    private static final byte[] IMAGE = "ChargeGate firmware image 2.0\n\u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    private BundleContext context;

    private FirmwareSupport fw;
    private ChargePointConnection cp;
    private HttpFileServer http;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Configuration
    public Option[] config() {
        return options(FirmwareSupport.firmwareRuntime(),
                ChargeGateOptions.chargegate("io.chargegate.profile.remotetrigger"));
    }

    @Before
    public void setUp() throws Exception {
        fw = new FirmwareSupport(context, "CP-FW-");
        http = new HttpFileServer(this::serve);
    }

    @After
    public void tearDown() throws Exception {
        try {
            fw.close();
        } finally {
            http.close();
        }
    }

    /** CSMS, simulator ({@code failFirmwareInstall} as given), one-connector station connected and Available. */
    private void start(boolean failFirmwareInstall) throws Exception {
        cp = fw.start(failFirmwareInstall, null);
    }

    private String url(String path) {
        return http.url(path);
    }

    /** GET of {@link #files} (404 otherwise), PUT under /upload/ (201), anything under /fail/ answers 500. */
    private HttpFileServer.Reply serve(String method, String path, byte[] body) {
        requests.add(method + " " + path);
        if (path.startsWith("/fail/")) {
            return HttpFileServer.Reply.empty(500);
        } else if (method.equals("PUT") && path.startsWith("/upload/")) {
            uploads.put(path, body);
            return HttpFileServer.Reply.empty(201);
        } else if (method.equals("GET") && files.containsKey(path)) {
            return new HttpFileServer.Reply(200, files.get(path));
        }
        return HttpFileServer.Reply.empty(404);
    }

    private static UpdateFirmwareRequest update(String location, int retries) {
        return FirmwareSupport.update(location, retries, 0);
    }

    private List<String> firmwareSequence(int mark) {
        return fw.firmwareSequence(mark);
    }

    private List<String> diagnosticsSequence(int mark) {
        return fw.diagnosticsSequence(mark);
    }

    private ReceivedMessage awaitFirmware(int mark, FirmwareStatus status) throws InterruptedException {
        return fw.awaitFirmware(mark, status);
    }

    private ReceivedMessage awaitDiagnostics(int mark, DiagnosticsStatus status) throws InterruptedException {
        return fw.awaitDiagnostics(mark, status);
    }

    private void awaitProfileStateEmpty() throws Exception {
        fw.awaitProfileStateEmpty();
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

        Properties record = fw.installedFirmware();
        assertEquals("image-2.0.bin", record.getProperty("fileName"));
        assertEquals(FirmwareSupport.sha256(IMAGE), record.getProperty("sha256"));
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
        assertTrue(fw.noFirmwareInstalled());
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
        assertTrue(fw.noFirmwareInstalled());
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
        Map<String, byte[]> entries = FirmwareSupport.zipEntries(received);
        assertFalse("a zip with entries", entries.isEmpty());
        assertTrue("README.txt and status.txt in " + entries.keySet(),
                entries.keySet().containsAll(List.of("README.txt", "status.txt")));
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

    /** TC_045_2: the server is closed, nothing listens on its port (connection refused): UploadFailed. */
    @Test
    public void tc045_2_refusedPortIsUploadFailed() throws Exception {
        start(false);
        http.close();
        int m = mark(cp);

        GetDiagnosticsResponse response = call(cp, new GetDiagnosticsRequest(url("/upload/")).withRetries(0));

        assertNotNull("fileName", response.fileName());
        awaitDiagnostics(m, DiagnosticsStatus.UPLOAD_FAILED);
        assertEquals(List.of("Uploading", "UploadFailed"), diagnosticsSequence(m));
        awaitProfileStateEmpty();
    }
}
