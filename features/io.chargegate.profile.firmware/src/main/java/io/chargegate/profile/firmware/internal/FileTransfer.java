package io.chargegate.profile.firmware.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Moves one file between this gateway and a server named by a URI (HTTP, HTTPS, FTP, FTPS). */
interface FileTransfer {
    /**
     * Downloads {@code source} into {@code target} (replaced when it exists); on failure {@code target} is absent.
     *
     * @throws IOException when the transfer failed; its message never contains the URI's credentials
     */
    void download(URI source, Path target) throws IOException, InterruptedException;

    /**
     * Uploads {@code file} to {@code target} (HTTP(S): PUT; FTP(S): STOR).
     *
     * @throws IOException when the transfer failed; its message never contains the URI's credentials
     */
    void upload(Path file, URI target) throws IOException, InterruptedException;
}
