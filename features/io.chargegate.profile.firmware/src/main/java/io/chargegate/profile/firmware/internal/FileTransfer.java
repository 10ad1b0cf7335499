package io.chargegate.profile.firmware.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Moves one file between this gateway and a server named by a URI (HTTP, HTTPS, FTP, FTPS). */
interface FileTransfer {
    /**
     * Downloads {@code source} into {@code target} (replaced when it exists), through {@code <target>.part}; on failure
     * {@code target} is absent. HTTP(S): a GET; any status but 2xx is a failure.
     *
     * @throws IOException when the transfer failed; its message never contains the URI's credentials
     */
    void download(URI source, Path target) throws IOException, InterruptedException;

    /**
     * Uploads {@code file} to {@code target}. HTTP(S): a PUT of the raw file ({@code application/octet-stream}); when
     * the server answers 405 (Method Not Allowed) or 501 (Not Implemented), one more try to the same URI as a
     * {@code multipart/form-data} POST with one part named {@code file} that carries the file name. FTP(S): STOR.
     *
     * @throws IOException when the transfer failed; its message never contains the URI's credentials
     */
    void upload(Path file, URI target) throws IOException, InterruptedException;
}
