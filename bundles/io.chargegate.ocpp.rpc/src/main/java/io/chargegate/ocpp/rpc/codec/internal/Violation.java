package io.chargegate.ocpp.rpc.codec.internal;

import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;

import java.util.ArrayList;
import java.util.List;

/**
 * A schema violation found while reading or writing a payload. Cheap to throw (no stack trace); the
 * JSON path of the offending field is collected while the exception unwinds through the nested readers
 * and writers ({@link #under(String)}, {@link #under(int)}).
 */
public final class Violation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;
    /** Path segments, innermost first: {@code String} property names and {@code Integer} list indexes. */
    private final transient List<Object> segments = new ArrayList<>(4);

    public Violation(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.detail = detail;
    }

    /** The CALLERROR code that fits. */
    public ErrorCode code() {
        return code;
    }

    /** Adds the enclosing property name to the path; returns this. */
    public Violation under(String property) {
        segments.add(property);
        return this;
    }

    /** Adds the enclosing list index to the path; returns this. */
    public Violation under(int index) {
        segments.add(index);
        return this;
    }

    /** The JSON path of the offending field, for example {@code meterValue[0].sampledValue[1].unit}; empty at the root. */
    public String path() {
        StringBuilder sb = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            Object s = segments.get(i);
            if (s instanceof Integer) {
                sb.append('[').append(s).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** {@code path: detail}, or the detail alone at the root. */
    public String description() {
        String p = path();
        return p.isEmpty() ? detail : p + ": " + detail;
    }

    @Override
    public String getMessage() {
        return description();
    }

    /** This violation as the public exception type. */
    public OcppException toOcppException() {
        return new OcppException(code, description());
    }
}
