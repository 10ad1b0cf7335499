package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.profile.firmware.internal.Jobs.DiagnosticsJob;
import io.chargegate.profile.firmware.internal.Jobs.FirmwareJob;
import io.chargegate.profile.firmware.internal.Jobs.Phase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Location parsing and masking, job encoding, and the choice of the system driver. */
class LocationsTest {

    @Test
    void masksCredentialsOfEveryScheme() {
        assertEquals("ftp://***@host:21/dir/f.bin", Locations.mask("ftp://user:pa55@host:21/dir/f.bin"));
        assertEquals("https://***@h/x?a=b", Locations.mask("https://tok@h/x?a=b"));
        assertEquals("http://h/no-credentials", Locations.mask("http://h/no-credentials"));
        assertEquals("sftp://***@h/f", Locations.mask("sftp://u:p@h/f"));
        assertEquals("http://h/a@b", Locations.mask("http://h/a@b"));
        assertEquals("ftp://***@host/f", Locations.mask("ftp://user:p@ss@host/f"));
    }

    @Test
    void rejectsUnsupportedSchemesWithAMaskedMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Locations.parse("sftp://user:topsecret@host/f"));
        assertTrue(e.getMessage().contains("unsupported scheme 'sftp'"), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Locations.parse("file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> Locations.parse("no uri at all"));
        for (String ok : List.of("http://h/f", "HTTPS://h/f", "ftp://h/f", "ftps://h:990/f")) {
            Locations.parse(ok);
        }
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("fw-2.0.bin", Locations.fileName(URI.create("http://h/a/fw-2.0.bin?x=1"), "d"));
        assertEquals("d", Locations.fileName(URI.create("http://h/a/"), "d"));
        assertEquals("a_b.bin", Locations.fileName(URI.create("http://h/a%20b.bin"), "d"));
        assertEquals("CP_1_x", Locations.directoryName("CP/1 x"));
        assertEquals("_", Locations.directoryName(".."));
    }

    @Test
    void credentialsAreDecodedAndNeverPrinted() {
        Locations.Credentials c = Locations.credentials(URI.create("ftp://us%40er:p%3Ass@h/f"));
        assertEquals("us@er", c.user());
        assertEquals("p:ss", c.password());
        assertFalse(c.toString().contains("p:ss"));
    }

    @Test
    void jobsRoundTripAndPrintNoCredentials() {
        FirmwareJob job = new FirmwareJob("id-1", "ftp://u:secret@h/fw.bin", Instant.parse("2026-01-02T03:04:05Z"),
                2, 30, 1, Phase.DOWNLOADED, "/data/fw.bin", List.of(1, 3));
        assertEquals(job, FirmwareJob.decode(job.encode()));
        assertFalse(job.toString().contains("secret"), job.toString());
        DiagnosticsJob diagnostics = new DiagnosticsJob("id-2", "http://u:secret@h/up/", "/d/f.zip", 1, 5, 0);
        assertEquals(diagnostics, DiagnosticsJob.decode(diagnostics.encode()));
        assertFalse(diagnostics.toString().contains("secret"));
        assertThrows(IllegalArgumentException.class, () -> FirmwareJob.decode("id=x\nphase=NOPE\n"));
    }

    @Test
    void aDriverForTheStationWinsOverTheWildcardThenRankingDecides() {
        SystemDrivers drivers = new SystemDrivers();
        FakeSystemDriver any = new FakeSystemDriver();
        FakeSystemDriver exact = new FakeSystemDriver();
        FakeSystemDriver exactHigher = new FakeSystemDriver();
        drivers.add(any, Map.of(DriverProperties.STATION, "*", "service.ranking", 100, "service.id", 1L));
        assertSame(any, drivers.forStation("CP-1").orElseThrow());
        drivers.add(exact, Map.of(DriverProperties.STATION, "CP-1", "service.id", 2L));
        assertSame(exact, drivers.forStation("CP-1").orElseThrow());
        drivers.add(exactHigher, Map.of(DriverProperties.STATION, "CP-1", "service.ranking", 5, "service.id", 3L));
        assertSame(exactHigher, drivers.forStation("CP-1").orElseThrow());
        assertSame(any, drivers.forStation("CP-2").orElseThrow());
        drivers.remove(exactHigher);
        drivers.remove(exact);
        drivers.remove(any);
        assertTrue(drivers.forStation("CP-1").isEmpty());
        drivers.add(exact, Map.of());
        assertTrue(drivers.forStation("CP-1").isEmpty(), "a driver without chargegate.station serves nobody");
    }
}
