package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.ResetKind;
import io.chargegate.hardware.api.SystemDriver;
import io.chargegate.hardware.api.SystemIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link SystemDriver} for tests: keeps the bytes of every firmware file installed, fails installation when told,
 * can block inside {@code installFirmware} (a charge point that reboots while installing), and collects a
 * diagnostics file with known content.
 */
final class FakeSystemDriver implements SystemDriver {
    private final List<byte[]> installed = new ArrayList<>();
    volatile boolean failInstall;
    volatile CountDownLatch blockInstall;
    final CountDownLatch installEntered = new CountDownLatch(1);
    volatile boolean collectNothing;
    volatile CountDownLatch blockCollect;
    final CountDownLatch collectEntered = new CountDownLatch(1);
    volatile String collectThread;
    volatile byte[] diagnostics = "diagnostics of the fake charge point\n".getBytes(StandardCharsets.UTF_8);

    /** The firmware images installed, in order. */
    synchronized List<byte[]> installed() {
        return List.copyOf(installed);
    }

    @Override
    public SystemIdentity identity() {
        return SystemIdentity.of("Fake", "Test");
    }

    @Override
    public void installFirmware(Path file) throws IOException {
        installEntered.countDown();
        CountDownLatch block = blockInstall;
        if (block != null) {
            boolean interrupted = false;
            while (true) {
                try {
                    block.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a rebooting controller does not come back early
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        if (failInstall) {
            throw new IOException("fake installation failure");
        }
        synchronized (this) {
            installed.add(bytes);
        }
    }

    @Override
    public Path collectDiagnostics(Instant from, Instant to, Path directory) throws IOException {
        collectThread = Thread.currentThread().getName();
        collectEntered.countDown();
        CountDownLatch block = blockCollect;
        if (block != null) {
            try {
                block.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while collecting");
            }
        }
        if (collectNothing) {
            return null;
        }
        Files.createDirectories(directory);
        Path file = directory.resolve("diagnostics-CP-1.zip");
        Files.write(file, diagnostics);
        return file;
    }

    @Override
    public void reset(ResetKind kind) {
        throw new AssertionError("the firmware profile called SystemDriver.reset");
    }
}
