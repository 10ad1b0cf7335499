package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a job logs (slf4j-simple writes to {@code System.err}, read at each call), the password of a location
 * never appears: failed FTP and HTTP transfers with credentials, and an unsupported scheme.
 */
class CredentialLoggingTest {
    private static final String PASSWORD = "Hunter2Secret";

    @TempDir
    Path work;

    @Test
    void passwordsInLocationsNeverReachTheLog() throws Exception {
        FakeStation station = new FakeStation("CP-1", 1);
        FakeSystemDriver driver = new FakeSystemDriver();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        FirmwareService service = new FirmwareService(new Settings(work.resolve("w"), 0, Duration.ZERO,
                Duration.ofMillis(20), Duration.ofSeconds(10)), null);
        Path ftpHome = Files.createDirectories(work.resolve("ftp"));
        try (TestServers.Ftp ftp = new TestServers.Ftp(ftpHome); TestServers.Http http = new TestServers.Http()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            service.addSystemDriver(driver, Map.of(DriverProperties.STATION, "*"));
            service.addStation(station);
            String ftpMissing = ftp.url("/missing.bin").replace(TestServers.Ftp.PASSWORD, PASSWORD);
            service.updateFirmware(station, new UpdateFirmwareRequest(ftpMissing, Instant.now()).withRetries(1)
                    .withRetryInterval(0));
            assertEquals("Downloading", station.nextFirmwareStatus());
            assertEquals("DownloadFailed", station.nextFirmwareStatus());

            http.putStatus = 403;
            service.getDiagnostics(station, new GetDiagnosticsRequest(http.url("op:" + PASSWORD, "/nope.zip")));
            assertEquals("Uploading", station.nextDiagnosticsStatus());
            assertEquals("UploadFailed", station.nextDiagnosticsStatus());

            service.updateFirmware(station, new UpdateFirmwareRequest("sftp://op:" + PASSWORD + "@127.0.0.1/f",
                    Instant.now()));
            assertEquals("Downloading", station.nextFirmwareStatus());
            assertEquals("DownloadFailed", station.nextFirmwareStatus());
        } finally {
            service.deactivate();
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("***@127.0.0.1"), "the log names the masked locations:\n" + log);
        assertTrue(log.contains("unsupported scheme 'sftp'"), log);
        assertFalse(log.contains(PASSWORD), "a password reached the log:\n" + log);
    }
}
