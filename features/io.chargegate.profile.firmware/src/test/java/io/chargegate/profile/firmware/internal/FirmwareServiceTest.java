package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.GetDiagnosticsRequest;
import io.chargegate.ocpp.model.messages.GetDiagnosticsResponse;
import io.chargegate.ocpp.model.messages.UpdateFirmwareRequest;
import io.chargegate.ocpp.model.messages.UpdateFirmwareResponse;
import io.chargegate.profile.firmware.internal.Jobs.FirmwareJob;
import io.chargegate.profile.firmware.internal.Jobs.Phase;
import io.chargegate.station.api.ConfigurationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The firmware profile end to end against a fake station and driver, and real servers on loopback (an embedded Jetty
 * 12 HTTP server and an Apache FtpServer, {@link TestServers}): TC_044_1 (download and install), TC_044_2 (download
 * failed: 404 and a refused connection, after the retries), TC_044_3 (installation failed), TC_045_1 (get diagnostics:
 * HTTP PUT, the multipart POST a server refusing PUT gets, FTP), TC_045_2 (upload failed), the wait for transactions,
 * and the restart inside an installation.
 */
class FirmwareServiceTest {
    private static final byte[] IMAGE = "firmware image v2.0 \u0000\u0001\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path work;

    private final List<FirmwareService> services = new ArrayList<>();
    private final FakeStation station = new FakeStation("CP-1", 2);
    private final FakeSystemDriver driver = new FakeSystemDriver();
    private TestServers.Http http;

    @BeforeEach
    void startHttp() throws Exception {
        http = new TestServers.Http();
    }

    @AfterEach
    void stop() throws Exception {
        services.forEach(FirmwareService::deactivate);
        http.close();
    }

    /** A component "activated" with the station and the driver bound, as SCR does. */
    private FirmwareService activate(FakeSystemDriver systemDriver) {
        FirmwareService service = new FirmwareService(new Settings(work.resolve("data/firmware"), 0, Duration.ZERO,
                Duration.ofMillis(20), Duration.ofSeconds(10)), null);
        services.add(service);
        service.addSystemDriver(systemDriver, Map.of(DriverProperties.STATION, "CP-1", "service.id", 7L));
        service.addStation(station);
        return service;
    }

    private static UpdateFirmwareRequest update(String location, int retries) {
        return new UpdateFirmwareRequest(location, Instant.now().minusSeconds(1)).withRetries(retries)
                .withRetryInterval(0);
    }

    private List<String> firmwareStatuses(int count) throws InterruptedException {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(station.nextFirmwareStatus());
        }
        return statuses;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FakeStation.WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private void awaitFirmwareJobGone() throws InterruptedException {
        await(() -> station.firmwareState().get(StationJobs.FIRMWARE_KEY).isEmpty(), "the firmware job to end");
    }

    // ---------------------------------------------------------------- UpdateFirmware

    @Test
    void tc044_1_downloadsOverHttpInstallsAndReportsEachStep() throws Exception {
        http.files.put("/fw/image-2.0.bin", IMAGE);
        UpdateFirmwareHandler handler = new UpdateFirmwareHandler(activate(driver));

        UpdateFirmwareResponse response = handler.handle(station, update(http.url("/fw/image-2.0.bin"), 0))
                .toCompletableFuture().getNow(null);

        assertEquals(new UpdateFirmwareResponse(), response);
        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        assertEquals(1, driver.installed().size());
        assertArrayEquals(IMAGE, driver.installed().get(0));
        awaitFirmwareJobGone();
        assertTrue(station.firmwareState().get(StationJobs.FIRMWARE_STATUS_KEY).isEmpty(), "Idle again");
        assertEquals(List.of("1:Inoperative", "2:Inoperative", "1:Operative", "2:Operative"),
                station.availabilityCalls());
        assertTrue(station.operative(1) && station.operative(2));
        assertTrue(station.pending().isEmpty(), "unexpected messages: " + station.pending());
        assertEquals(List.of("FirmwareStatusNotification:Downloading", "FirmwareStatusNotification:Downloaded",
                "FirmwareStatusNotification:Installing", "Reset:Hard", "BootAccepted",
                "FirmwareStatusNotification:Installed"), station.events(), "restart between Installing and Installed");
    }

    @Test
    void installedIsReportedOnlyAfterTheBootThatFollowsTheRestart() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.autoBoot = false;
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing"), firmwareStatuses(3));
        await(() -> station.downQueries() >= 5, "the profile to watch the stopped station");
        assertTrue(station.pending().isEmpty(), "reported while the station is down: " + station.pending());
        assertEquals(List.of(), station.availabilityCalls().subList(2, station.availabilityCalls().size()),
                "connectors stay Inoperative until the new boot");
        assertEquals(Phase.REBOOTING, FirmwareJob.decode(
                station.firmwareState().get(StationJobs.FIRMWARE_KEY).orElseThrow()).phase(), "outcome persisted");
        assertEquals(1, FirmwareJob.decode(station.firmwareState().get(StationJobs.FIRMWARE_KEY).orElseThrow())
                .bootCount(), "the boot counter before the restart persisted with REBOOTING");
        assertEquals("Installing", station.firmwareState().get(StationJobs.FIRMWARE_STATUS_KEY).orElseThrow());

        station.boot();

        assertEquals("Installed", station.nextFirmwareStatus());
        awaitFirmwareJobGone();
        assertTrue(station.firmwareState().snapshot().isEmpty(), "job and status gone: "
                + station.firmwareState().snapshot());
        assertTrue(station.operative(1) && station.operative(2));
        assertEquals(1, driver.installed().size());
    }

    @Test
    void aRestartTooShortToBeSeenDownIsDetectedByTheBootCounter() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.resetMode = FakeStation.ResetMode.INSTANT; // registration never seen leaving Accepted
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        awaitFirmwareJobGone();
        assertEquals(0, station.downQueries(), "the station was never seen down");
        assertEquals(2, station.bootCount());
        assertEquals(List.of("FirmwareStatusNotification:Downloading", "FirmwareStatusNotification:Downloaded",
                "FirmwareStatusNotification:Installing", "Reset:Hard", "BootAccepted",
                "FirmwareStatusNotification:Installed"), station.events());
        assertTrue(station.operative(1) && station.operative(2));
    }

    @Test
    void aStationStillRegisteredAfterTheResetRequestIsNotInstalledBeforeItsNextBoot() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.resetMode = FakeStation.ResetMode.LATE; // stays registered, boot counter unchanged
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing"), firmwareStatuses(3));
        await(() -> station.events().contains("Reset:Hard"), "the restart request");
        int seen = station.statusQueries();
        await(() -> station.statusQueries() >= seen + 5, "the profile to poll the registered station");
        assertTrue(station.pending().isEmpty(), "Installed before the new boot: " + station.pending());
        assertEquals(Phase.REBOOTING, FirmwareJob.decode(
                station.firmwareState().get(StationJobs.FIRMWARE_KEY).orElseThrow()).phase());

        station.boot();

        assertEquals("Installed", station.nextFirmwareStatus());
        awaitFirmwareJobGone();
        assertTrue(station.operative(1) && station.operative(2));
    }

    @Test
    void aRefusedRestartStillReportsInstalled() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.resetAnswer = io.chargegate.ocpp.model.types.ResetStatus.REJECTED;
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        awaitFirmwareJobGone();
        assertTrue(station.events().stream().noneMatch(e -> e.startsWith("Reset")), station.events().toString());
    }

    @Test
    void aStationThatCannotReportItsRegistrationStillGetsInstalled() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.statusUnsupported = true;
        station.autoBoot = false;
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing"), firmwareStatuses(3));
        await(() -> station.events().contains("Reset:Hard"), "the restart");
        station.boot(); // the fake's restart ends; the profile could not watch it

        assertEquals("Installed", station.nextFirmwareStatus());
        awaitFirmwareJobGone();
    }

    @Test
    void aJobFoundRebootingAtActivationReportsInstalledOnceTheStationIsRegistered() throws Exception {
        FirmwareJob rebooting = new FirmwareJob("job-1", "http://example.invalid/fw.bin", Instant.now(), 0, 0, 0,
                Phase.REBOOTING, null, List.of(1));
        station.changeAvailability(1, io.chargegate.ocpp.model.types.AvailabilityType.INOPERATIVE);
        station.firmwareState().put(StationJobs.FIRMWARE_KEY, rebooting.encode());
        station.autoBoot = false;
        station.startedUnregistered(); // the gateway restarted: the Boot is not answered yet

        activate(driver);
        await(() -> station.downQueries() >= 3, "the profile to wait for the registration");
        assertTrue(station.pending().isEmpty(), "reported before the station is registered: " + station.pending());
        station.boot();

        assertEquals("Installed", station.nextFirmwareStatus());
        awaitFirmwareJobGone();
        assertTrue(station.operative(1));
        assertTrue(driver.installed().isEmpty(), "not installed again");
    }

    @Test
    void tc044_1_downloadsOverFtpWithCredentials() throws Exception {
        Path ftpHome = Files.createDirectories(work.resolve("ftp"));
        Files.createDirectories(ftpHome.resolve("images"));
        Files.write(ftpHome.resolve("images/fw.bin"), IMAGE);
        try (TestServers.Ftp ftp = new TestServers.Ftp(ftpHome)) {
            activate(driver).updateFirmware(station, update(ftp.url("/images/fw.bin"), 0));

            assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
            assertArrayEquals(IMAGE, driver.installed().get(0));
        }
    }

    @Test
    void httpCredentialsInTheUrlBecomeBasicAuthorization() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        activate(driver).updateFirmware(station, update(http.url("op:pa%3Ass%40word", "/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        String expected = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("op:pa:ss@word".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(expected), http.authorizations);
    }

    @Test
    void tc044_2_notFoundFailsAfterEveryRetry() throws Exception {
        activate(driver).updateFirmware(station, update(http.url("/missing.bin"), 2));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        assertEquals(List.of("GET /missing.bin", "GET /missing.bin", "GET /missing.bin"), http.requests);
        assertTrue(driver.installed().isEmpty());
        awaitFirmwareJobGone();
        assertTrue(station.availabilityCalls().isEmpty(), "no connector touched: " + station.availabilityCalls());
    }

    @Test
    void tc044_2_refusedConnectionFailsAfterTheRetries() throws Exception {
        activate(driver).updateFirmware(station,
                update("http://127.0.0.1:" + TestServers.closedPort() + "/fw.bin", 1));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        assertTrue(driver.installed().isEmpty());
        awaitFirmwareJobGone();
    }

    @Test
    void unsupportedSchemeFailsTheDownload() throws Exception {
        activate(driver).updateFirmware(station, update("sftp://user:secret@127.0.0.1/fw.bin", 3));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        awaitFirmwareJobGone();
    }

    @Test
    void tc044_3_installationFailureIsReportedAndConnectorsReturn() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        driver.failInstall = true;
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "InstallationFailed"), firmwareStatuses(4));
        awaitFirmwareJobGone();
        assertTrue(station.operative(1) && station.operative(2));
        assertTrue(station.firmwareState().snapshot().isEmpty(), "job and status gone: "
                + station.firmwareState().snapshot());
        assertTrue(station.events().stream().noneMatch(e -> e.startsWith("Reset")), "no restart after a failure: "
                + station.events());
    }

    @Test
    void withoutASystemDriverTheInstallationFails() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        FakeSystemDriver other = new FakeSystemDriver();
        FirmwareService service = new FirmwareService(new Settings(work, 0, Duration.ZERO, Duration.ofMillis(20),
                Duration.ofSeconds(10)), null);
        services.add(service);
        service.addSystemDriver(other, Map.of(DriverProperties.STATION, "CP-OTHER"));
        service.addStation(station);
        service.updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "InstallationFailed"), firmwareStatuses(3));
        assertTrue(other.installed().isEmpty());
    }

    @Test
    void installationWaitsUntilNoTransactionRuns() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.transaction(1, "TAG-1");
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded"), firmwareStatuses(2));
        await(() -> station.availabilityCalls().contains("2:Inoperative"), "the free connector to go Inoperative");
        int queries = station.connectorQueries();
        await(() -> station.connectorQueries() >= queries + 6, "several installation checks");
        assertTrue(driver.installed().isEmpty(), "installed while a transaction runs");
        assertEquals(Phase.DOWNLOADED, FirmwareJob.decode(
                station.firmwareState().get(StationJobs.FIRMWARE_KEY).orElseThrow()).phase());
        assertEquals("Downloaded", station.firmwareState().get(StationJobs.FIRMWARE_STATUS_KEY).orElseThrow());
        assertTrue(station.pending().isEmpty());

        station.transaction(1, null);

        assertEquals(List.of("Installing", "Installed"), firmwareStatuses(2));
        assertArrayEquals(IMAGE, driver.installed().get(0));
        assertEquals(List.of("2:Inoperative", "1:Inoperative", "2:Operative", "1:Operative"),
                station.availabilityCalls());
    }

    @Test
    void aConnectorTheCsmsMadeInoperativeStaysInoperative() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        station.changeAvailability(2, io.chargegate.ocpp.model.types.AvailabilityType.INOPERATIVE);
        activate(driver).updateFirmware(station, update(http.url("/fw.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        awaitFirmwareJobGone();
        assertEquals(List.of("2:Inoperative", "1:Inoperative", "1:Operative"), station.availabilityCalls());
        assertFalse(station.operative(2));
    }

    @Test
    void rebootDuringInstallationIsReportedAsInstalledAfterTheNextActivation() throws Exception {
        http.files.put("/fw.bin", IMAGE);
        FakeSystemDriver rebooting = new FakeSystemDriver();
        rebooting.blockInstall = new CountDownLatch(1);
        rebooting.failInstall = true; // what the old instance would see must not count: it is gone
        FirmwareService before = activate(rebooting);
        before.updateFirmware(station, update(http.url("/fw.bin"), 0));
        assertEquals(List.of("Downloading", "Downloaded", "Installing"), firmwareStatuses(3));
        assertTrue(rebooting.installEntered.await(FakeStation.WAIT_SECONDS, TimeUnit.SECONDS));
        FirmwareJob persisted = FirmwareJob.decode(
                station.firmwareState().get(StationJobs.FIRMWARE_KEY).orElseThrow());
        assertEquals(Phase.INSTALLING, persisted.phase(), "persisted before installFirmware");
        assertEquals(List.of(1, 2), persisted.unavailable());

        before.deactivate(); // the charge point restarts
        FakeSystemDriver afterReboot = new FakeSystemDriver();
        activate(afterReboot);

        assertEquals("Installed", station.nextFirmwareStatus());
        awaitFirmwareJobGone();
        assertTrue(station.operative(1) && station.operative(2), "connectors back after the reboot");
        rebooting.blockInstall.countDown(); // the old instance's thread returns (failing): it must change nothing
        assertTrue(before.awaitStopped(Duration.ofSeconds(FakeStation.WAIT_SECONDS)), "old scheduler stopped");
        assertTrue(station.firmwareState().get(StationJobs.FIRMWARE_KEY).isEmpty());
        assertTrue(station.firmwareState().snapshot().isEmpty(), "job and status gone: "
                + station.firmwareState().snapshot());
        assertTrue(station.pending().isEmpty(), "unexpected messages: " + station.pending());
        assertTrue(afterReboot.installed().isEmpty(), "not installed twice");
    }

    @Test
    void aRecordedInstallationFailureIsReportedAfterARestart() throws Exception {
        FirmwareJob failed = new FirmwareJob("job-1", "http://example.invalid/fw.bin", Instant.now(), 0, 0, 0,
                Phase.INSTALLATION_FAILED, null, List.of(1));
        station.changeAvailability(1, io.chargegate.ocpp.model.types.AvailabilityType.INOPERATIVE);
        station.firmwareState().put(StationJobs.FIRMWARE_KEY, failed.encode());

        activate(driver);

        assertEquals("InstallationFailed", station.nextFirmwareStatus());
        awaitFirmwareJobGone();
        assertTrue(station.operative(1));
    }

    @Test
    void aFutureRetrieveDateIsPersistedAndSurvivesARestart() throws Exception {
        FirmwareService first = activate(driver);
        Instant later = Instant.now().plus(Duration.ofHours(1));
        first.updateFirmware(station, new UpdateFirmwareRequest("https://example.invalid/fw.bin", later));

        FirmwareJob stored = FirmwareJob.decode(station.firmwareState().get(StationJobs.FIRMWARE_KEY).orElseThrow());
        assertEquals(Phase.WAITING, stored.phase());
        assertEquals(later, stored.retrieveDate());
        assertEquals(0, stored.retries(), "the configured default");

        first.deactivate();
        activate(driver);
        await(() -> station.connectorQueries() == 0 && station.firmwareState().get(StationJobs.FIRMWARE_KEY)
                .map(FirmwareJob::decode).map(FirmwareJob::phase).orElse(null) == Phase.WAITING, "the job");
        assertTrue(station.pending().isEmpty());
    }

    @Test
    void aNewUpdateFirmwareReplacesAWaitingOne() throws Exception {
        http.files.put("/new.bin", IMAGE);
        FirmwareService service = activate(driver);
        service.updateFirmware(station,
                new UpdateFirmwareRequest(http.url("/old.bin"), Instant.now().plus(Duration.ofHours(1))));
        service.updateFirmware(station, update(http.url("/new.bin"), 0));

        assertEquals(List.of("Downloading", "Downloaded", "Installing", "Installed"), firmwareStatuses(4));
        assertEquals(List.of("GET /new.bin"), http.requests);
    }

    @Test
    void aReplacedJobsInoperativeConnectorsReturnWhenItsSuccessorEnds() throws Exception {
        http.files.put("/a.bin", IMAGE);
        station.transaction(1, "TAG-1");
        FirmwareService service = activate(driver);
        service.updateFirmware(station, update(http.url("/a.bin"), 0));
        assertEquals(List.of("Downloading", "Downloaded"), firmwareStatuses(2));
        await(() -> station.availabilityCalls().contains("2:Inoperative"), "the free connector to go Inoperative");

        service.updateFirmware(station, update(http.url("/missing.bin"), 0));

        assertEquals(List.of("Downloading", "DownloadFailed"), firmwareStatuses(2));
        awaitFirmwareJobGone();
        assertTrue(station.operative(2), "connector 2 back: " + station.availabilityCalls());
        assertTrue(driver.installed().isEmpty());
    }

    // ---------------------------------------------------------------- GetDiagnostics

    @Test
    void tc045_1_uploadsOverHttpToTheFolderLocation() throws Exception {
        GetDiagnosticsHandler handler = new GetDiagnosticsHandler(activate(driver));

        GetDiagnosticsResponse response = handler.handle(station, new GetDiagnosticsRequest(http.url("/upload/"))
                .withRetries(0).withRetryInterval(0)).toCompletableFuture().get(FakeStation.WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals("diagnostics-CP-1.zip", response.fileName());
        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
        assertArrayEquals(driver.diagnostics, http.uploads.get("/upload/diagnostics-CP-1.zip"));
        await(() -> station.firmwareState().get(StationJobs.DIAGNOSTICS_KEY).isEmpty(), "the job to end");
        assertTrue(station.firmwareState().get(StationJobs.DIAGNOSTICS_STATUS_KEY).isEmpty(), "Idle again");
    }

    @Test
    void uploadsOverHttpToAFileLocationAsIs() throws Exception {
        activate(driver).getDiagnostics(station, new GetDiagnosticsRequest(http.url("/put/here.zip")));

        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
        assertEquals(List.of("PUT /put/here.zip"), http.requests);
    }

    @Test
    void tc045_1_uploadsOverFtp() throws Exception {
        Path ftpHome = Files.createDirectories(work.resolve("ftp"));
        Files.createDirectories(ftpHome.resolve("diag"));
        try (TestServers.Ftp ftp = new TestServers.Ftp(ftpHome)) {
            String fileName = activate(driver).getDiagnostics(station,
                    new GetDiagnosticsRequest(ftp.url("/diag/")).withRetries(0));

            assertEquals("diagnostics-CP-1.zip", fileName);
            assertEquals("Uploading", station.nextDiagnosticsStatus());
            assertEquals("Uploaded", station.nextDiagnosticsStatus());
            assertArrayEquals(driver.diagnostics, Files.readAllBytes(ftpHome.resolve("diag/diagnostics-CP-1.zip")));
        }
    }

    @Test
    void tc045_2_serverErrorFailsTheUploadAfterTheRetries() throws Exception {
        http.putStatus = 500;
        activate(driver).getDiagnostics(station,
                new GetDiagnosticsRequest(http.url("/upload/")).withRetries(1).withRetryInterval(0));

        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("UploadFailed", station.nextDiagnosticsStatus());
        assertEquals(List.of("PUT /upload/diagnostics-CP-1.zip", "PUT /upload/diagnostics-CP-1.zip"),
                http.requests);
        await(() -> station.firmwareState().get(StationJobs.DIAGNOSTICS_KEY).isEmpty(), "the job to end");
    }

    @Test
    void tc045_1_aServerThatRefusesPutGetsTheFileAsAMultipartPost() throws Exception {
        http.putStatus = 405;
        String fileName = activate(driver).getDiagnostics(station,
                new GetDiagnosticsRequest(http.url("/upload/")).withRetries(0).withRetryInterval(0));

        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
        assertEquals(List.of("PUT /upload/diagnostics-CP-1.zip", "POST /upload/diagnostics-CP-1.zip"), http.requests);
        assertEquals(1, http.forms.size(), "one part: " + http.forms);
        TestServers.FormPart part = http.forms.get(0);
        assertEquals("file", part.name());
        assertEquals(fileName, part.fileName());
        assertArrayEquals(driver.diagnostics, part.body());
        assertTrue(http.uploads.isEmpty(), "the refused PUT stored nothing");
        await(() -> station.firmwareState().get(StationJobs.DIAGNOSTICS_KEY).isEmpty(), "the job to end");
    }

    @Test
    void tc045_2_refusedConnectionFailsTheUploadAfterTheRetries() throws Exception {
        activate(driver).getDiagnostics(station, new GetDiagnosticsRequest(
                "http://127.0.0.1:" + TestServers.closedPort() + "/upload/").withRetries(1).withRetryInterval(0));

        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("UploadFailed", station.nextDiagnosticsStatus());
        await(() -> station.firmwareState().get(StationJobs.DIAGNOSTICS_KEY).isEmpty(), "the job to end");
        assertTrue(station.pending().isEmpty(), "unexpected messages: " + station.pending());
    }

    @Test
    void tc045_2_ftpLoginRefusedFailsTheUpload() throws Exception {
        Path ftpHome = Files.createDirectories(work.resolve("ftp"));
        try (TestServers.Ftp ftp = new TestServers.Ftp(ftpHome)) {
            String wrongPassword = ftp.url("/").replace(TestServers.Ftp.PASSWORD, "wrong");
            activate(driver).getDiagnostics(station, new GetDiagnosticsRequest(wrongPassword).withRetries(0));

            assertEquals("Uploading", station.nextDiagnosticsStatus());
            assertEquals("UploadFailed", station.nextDiagnosticsStatus());
        }
    }

    /** A slow collection (megabytes of logs) runs off the caller's thread: the handler returns before it ends. */
    @Test
    void theCollectionRunsOffTheCallersThread() throws Exception {
        GetDiagnosticsHandler handler = new GetDiagnosticsHandler(activate(driver));
        driver.blockCollect = new CountDownLatch(1);

        CompletableFuture<GetDiagnosticsResponse> answer = handler.handle(station,
                new GetDiagnosticsRequest(http.url("/upload/")).withRetries(0)).toCompletableFuture();

        assertTrue(driver.collectEntered.await(FakeStation.WAIT_SECONDS, TimeUnit.SECONDS), "collection started");
        assertFalse(answer.isDone(), "no answer before the archive exists");
        assertNotEquals(Thread.currentThread().getName(), driver.collectThread);
        assertTrue(driver.collectThread.startsWith("chargegate-diagnostics-"), driver.collectThread);
        driver.blockCollect.countDown();
        assertEquals("diagnostics-CP-1.zip", answer.get(FakeStation.WAIT_SECONDS, TimeUnit.SECONDS).fileName());
        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
    }

    @Test
    void noDriverOrNothingCollectedMeansNoFileName() throws Exception {
        FirmwareService noDriver = new FirmwareService(new Settings(work, 0, Duration.ZERO, Duration.ofMillis(20),
                Duration.ofSeconds(10)), null);
        services.add(noDriver);
        assertNull(new GetDiagnosticsHandler(noDriver).handle(station, new GetDiagnosticsRequest(http.url("/u/")))
                .toCompletableFuture().get(FakeStation.WAIT_SECONDS, TimeUnit.SECONDS).fileName());

        driver.collectNothing = true;
        assertNull(activate(driver).getDiagnostics(station, new GetDiagnosticsRequest(http.url("/u/"))));
        assertTrue(station.pending().isEmpty());
        assertTrue(http.requests.isEmpty());
        assertTrue(station.firmwareState().get(StationJobs.DIAGNOSTICS_KEY).isEmpty());
    }

    @Test
    void aStoredDiagnosticsUploadResumesAfterARestart() throws Exception {
        Path file = Files.createDirectories(work.resolve("d")).resolve("diag-old.zip");
        Files.write(file, IMAGE);
        station.firmwareState().put(StationJobs.DIAGNOSTICS_KEY, new Jobs.DiagnosticsJob("d-1", http.url("/up/"),
                file.toString(), 0, 0, 0).encode());

        activate(driver);

        assertEquals("Uploading", station.nextDiagnosticsStatus());
        assertEquals("Uploaded", station.nextDiagnosticsStatus());
        assertArrayEquals(IMAGE, http.uploads.get("/up/diag-old.zip"));
        await(() -> !Files.exists(file), "the uploaded file to be removed");
        assertTrue(station.firmwareState().get(StationJobs.DIAGNOSTICS_KEY).isEmpty());
    }

    // ---------------------------------------------------------------- profile

    @Test
    void announcesFirmwareManagementAndItsReadOnlyProtocolsKey() {
        FirmwareService service = activate(driver);
        assertEquals(FeatureProfile.FIRMWARE_MANAGEMENT, service.profile());
        ConfigurationKey key = service.configurationKeys().get(0);
        assertEquals(1, service.configurationKeys().size());
        assertEquals("SupportedFileTransferProtocols", key.name());
        assertTrue(key.readonly());
        assertEquals("FTP,FTPS,HTTP,HTTPS", key.defaultValue());
    }
}
