package io.chargegate.ocpp.rpc;

import java.util.Map;
import java.util.Objects;

/**
 * An OCPP error with its CALLERROR code, description and details. A handler throws it to answer a CALL
 * with that code; a {@code call()} future fails with it when the peer answers with a CALLERROR
 * (then {@link #fromPeer()} is true).
 */
public class OcppException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String description;
    private final transient Map<String, Object> details;
    private final boolean fromPeer;

    public OcppException(ErrorCode code, String description) {
        this(code, description, Map.of(), false, null);
    }

    public OcppException(ErrorCode code, String description, Map<String, Object> details) {
        this(code, description, details, false, null);
    }

    public OcppException(ErrorCode code, String description, Map<String, Object> details, boolean fromPeer, Throwable cause) {
        super(code + ": " + description, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.description = description == null ? "" : description;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.fromPeer = fromPeer;
    }

    /** The CALLERROR code. */
    public ErrorCode code() {
        return code;
    }

    /** The human-readable description (may be empty). */
    public String description() {
        return description;
    }

    /** The error details object (empty when none). */
    public Map<String, Object> details() {
        return details;
    }

    /** True when this error came from the peer in a CALLERROR frame. */
    public boolean fromPeer() {
        return fromPeer;
    }
}
