package io.chargegate.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A store file could not be opened, read, written or synced. The message names the file and the cause; the
 * original exception is the {@link #getCause() cause}.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The file is not a readable store (garbage, truncated, damaged beyond recovery). Left untouched. */
        CORRUPT,
        /** The file is open already, in this JVM or another process. */
        LOCKED,
        /** Reading, writing or syncing failed (permissions, disk full, device error). */
        IO
    }

    private final transient Path file;
    private final Kind kind;

    /**
     * @param file the store file
     * @param kind what went wrong
     * @param message what happened (the file name is prepended)
     * @param cause the underlying exception, may be null
     */
    public StoreException(Path file, Kind kind, String message, Throwable cause) {
        super("Store " + file + ": " + message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return the store file */
    public Path file() {
        return file;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }
}
