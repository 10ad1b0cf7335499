package io.chargegate.ocpp.rpc.codec.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The JSON schema {@code "format": "uri"}: an absolute RFC 3986 URI (a scheme, then only the characters
 * RFC 3986 allows, with well-formed percent-encodings), as the schema validator checks it.
 */
public final class Uris {

    private Uris() {
    }

    /** Whether {@code s} is an absolute RFC 3986 URI. */
    public static boolean isUri(String s) {
        int n = s.length();
        int colon = s.indexOf(':');
        if (colon < 1 || !isAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        boolean fragment = false;
        for (int i = colon + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (!isUnreserved(c) && "!$&'()*+,;=:@/?[]".indexOf(c) < 0) {
                return false;
            }
        }
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isUnreserved(char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
