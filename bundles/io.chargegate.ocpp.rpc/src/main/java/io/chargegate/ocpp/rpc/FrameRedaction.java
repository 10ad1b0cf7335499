package io.chargegate.ocpp.rpc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in OCPP-J frame text before it is logged: the password of any URL's user info
 * ({@code ftp://user:secret@host/} becomes {@code ftp://user:********@host/}: UpdateFirmware and GetDiagnostics
 * locations) and the value of a ChangeConfiguration of {@code AuthorizationKey}. Only for log lines: frames on the
 * wire are never changed. Stateless and thread-safe.
 */
public final class FrameRedaction {

    /** What a masked secret is replaced with. */
    public static final String MASK = "********";

    // scheme://user:password@ - the password ends at the last '@' before the host part (no '/', whitespace or quote)
    private static final Pattern URL_PASSWORD =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s\"]*:)([^/\\s\"]*)@");
    private static final String JSON_STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern KEY_THEN_VALUE = Pattern.compile(
            "(\"key\"\\s*:\\s*\"AuthorizationKey\"\\s*,\\s*\"value\"\\s*:\\s*)" + JSON_STRING);
    private static final Pattern VALUE_THEN_KEY = Pattern.compile(
            "(\"value\"\\s*:\\s*)" + JSON_STRING + "(\\s*,\\s*\"key\"\\s*:\\s*\"AuthorizationKey\")");

    private FrameRedaction() {
    }

    /** The frame text with its secrets masked; {@code null} stays {@code null}. */
    public static String redact(String frame) {
        if (frame == null) {
            return null;
        }
        String out = frame;
        if (out.contains("://")) {
            out = URL_PASSWORD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        }
        if (out.contains("AuthorizationKey")) {
            out = KEY_THEN_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
            out = VALUE_THEN_KEY.matcher(out).replaceAll(
                    m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\"" + m.group(3)));
        }
        return out;
    }
}
