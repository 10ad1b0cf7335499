package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsResponse;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.DiagnosticsStatus;
import io.chargegate.ocpp.model.types.FirmwareStatus;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

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
 * The FirmwareManagement profile's FTP transfers on the real runtime, the simulator and the demo CSMS, against an
 * Apache FtpServer of the test on loopback ({@link FtpFileServer}: a user with a password, its home a temporary
 * folder): TC_044_1 (download by {@code ftp://user:password@127.0.0.1:port/fw.bin}, install, the restart, Installed;
 * the simulator installed exactly the served bytes), TC_044_2 (a missing file: DownloadFailed after the retry),
 * TC_045_1 (GetDiagnostics to {@code ftp://.../upload/}: the archive named in the response arrives in the FTP home,
 * without the station's AuthorizationKey) and TC_045_2 (a wrong password: UploadFailed after the retry). Retries wait
 * one second. The HTTP cases are in {@link FirmwareIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FirmwareFtpIT {

    @Inject
    private BundleContext context;

    private FirmwareSupport fw;
    private ChargePointConnection cp;
    private Path home;
    private FtpFileServer ftp;

    @Configuration
    public Option[] config() {
        return options(FirmwareSupport.firmwareRuntime(), FirmwareSupport.ftpServer());
    }

    @Before
    public void setUp() throws Exception {
        fw = new FirmwareSupport(context, "CP-FTP-");
        home = Files.createTempDirectory("chargegate-it-ftp-");
        Files.createDirectories(home.resolve("upload"));
        ftp = new FtpFileServer(home);
    }

    @After
    public void tearDown() throws Exception {
        try {
            fw.close();
        } finally {
            ftp.close();
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * A binary image that a text-mode (ASCII) transfer would change: CR LF pairs, lone CRs and LFs, every byte value,
     * more than one 64 KiB buffer.
     */
    private static byte[] firmwareImage() {
        byte[] image = new byte[150_000];
        for (int i = 0; i < image.length; i++) {
            image[i] = switch (i % 11) {
                case 0 -> '\r';
                case 1, 5 -> '\n';
                default -> (byte) (i * 31 + i / 256);
            };
        }
        return image;
    }

    /** Waits until the FTP server logged {@code count} or more {@code command}s (after their reply), returns them. */
    private List<String> awaitCommands(String command, int count) throws InterruptedException {
        awaitTrue(count + " x " + command + " in " + ftp.commands(), () -> ftp.commands(command).size() >= count);
        return ftp.commands(command);
    }

    /**
     * TC_044_1 over FTP: Downloading, Downloaded, Installing, a new BootNotification (the restart), Installed; one
     * binary RETR of the file; the simulator recorded the served file's name, SHA-256 and size.
     */
    @Test
    public void tc044_1_ftpDownloadInstallRestartInstalled() throws Exception {
        cp = fw.start(false, null);
        Files.write(home.resolve("fw.bin"), firmwareImage());
        int m = mark(cp);

        call(cp, FirmwareSupport.update(ftp.url("/fw.bin"), 1, 1));

        fw.awaitFirmware(m, FirmwareStatus.INSTALLED);
        assertEquals(List.of("Downloading", "Downloaded", "Installing", "BootNotification", "Installed"),
                fw.firmwareSequence(m));
        assertEquals(List.of("RETR fw.bin 226"), awaitCommands("RETR", 1));
        ReceivedMessage boot = awaitAfter(cp, m, Action.BOOT_NOTIFICATION);
        awaitStatus(cp, indexOf(cp, boot), 1, ChargePointStatus.AVAILABLE);
        fw.awaitProfileStateEmpty();

        byte[] served = Files.readAllBytes(home.resolve("fw.bin"));
        Properties record = fw.installedFirmware();
        assertEquals("fw.bin", record.getProperty("fileName"));
        assertEquals(FirmwareSupport.sha256(served), record.getProperty("sha256"));
        assertEquals(Integer.toString(served.length), record.getProperty("size"));
    }

    /** TC_044_2 over FTP: the file does not exist (550); with retries 1 there are two RETRs, then DownloadFailed. */
    @Test
    public void tc044_2_ftpMissingFileIsDownloadFailed() throws Exception {
        cp = fw.start(false, null);
        int m = mark(cp);

        call(cp, FirmwareSupport.update(ftp.url("/missing.bin"), 1, 1));

        fw.awaitFirmware(m, FirmwareStatus.DOWNLOAD_FAILED);
        assertEquals(List.of("Downloading", "DownloadFailed"), fw.firmwareSequence(m));
        assertEquals(List.of("RETR missing.bin 550", "RETR missing.bin 550"), awaitCommands("RETR", 2));
        fw.awaitProfileStateEmpty();
        assertTrue(fw.noFirmwareInstalled());
    }

    /**
     * TC_045_1 over FTP: the response names the file; Uploading, Uploaded; the file arrived in the FTP home's
     * upload folder under that name, a zip with the simulator's README.txt and status.txt; a configuration dump, when
     * the archive has one, does not contain the station's AuthorizationKey.
     */
    @Test
    public void tc045_1_ftpDiagnosticsUploaded() throws Exception {
        String authorizationKey = "AK-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Dictionary<String, Object> station = new Hashtable<>();
        station.put("authorizationKey", authorizationKey);
        cp = fw.start(false, station);
        int m = mark(cp);

        GetDiagnosticsResponse response = call(cp, new GetDiagnosticsRequest(ftp.url("/upload/")).withRetries(1)
                .withRetryInterval(1));

        assertNotNull("fileName", response.fileName());
        fw.awaitDiagnostics(m, DiagnosticsStatus.UPLOADED);
        assertEquals(List.of("Uploading", "Uploaded"), fw.diagnosticsSequence(m));
        assertEquals(List.of("STOR upload/" + response.fileName() + " 226"), awaitCommands("STOR", 1));
        Path uploaded = home.resolve("upload").resolve(response.fileName());
        assertTrue("uploaded as " + response.fileName() + ": " + ftp.commands(), Files.isRegularFile(uploaded));

        Map<String, byte[]> entries = FirmwareSupport.zipEntries(Files.readAllBytes(uploaded));
        assertTrue("README.txt and status.txt in " + entries.keySet(),
                entries.keySet().containsAll(List.of("README.txt", "status.txt")));
        byte[] configuration = entries.get("configuration.txt");
        if (configuration != null) {
            assertFalse("configuration.txt contains the AuthorizationKey",
                    new String(configuration, StandardCharsets.UTF_8).contains(authorizationKey));
        }
        fw.awaitProfileStateEmpty();
    }

    /** TC_045_2 over FTP: the server refuses the password (530) twice (retries 1): UploadFailed, nothing stored. */
    @Test
    public void tc045_2_ftpWrongPasswordIsUploadFailed() throws Exception {
        cp = fw.start(false, null);
        int m = mark(cp);

        GetDiagnosticsResponse response = call(cp, new GetDiagnosticsRequest(
                ftp.url(FtpFileServer.USER, "wrong-password", "/upload/")).withRetries(1).withRetryInterval(1));

        assertNotNull("fileName", response.fileName());
        fw.awaitDiagnostics(m, DiagnosticsStatus.UPLOAD_FAILED);
        assertEquals(List.of("Uploading", "UploadFailed"), fw.diagnosticsSequence(m));
        assertEquals(List.of("PASS 530", "PASS 530"), awaitCommands("PASS", 2));
        assertEquals(List.of(), ftp.commands("STOR"));
        try (Stream<Path> files = Files.list(home.resolve("upload"))) {
            assertEquals(List.of(), files.toList());
        }
        fw.awaitProfileStateEmpty();
    }
}
