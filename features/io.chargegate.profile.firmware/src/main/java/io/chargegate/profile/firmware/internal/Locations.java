package io.chargegate.profile.firmware.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Helpers for the {@code location} URIs of UpdateFirmware and GetDiagnostics: the supported schemes, masking of
 * credentials for logs, file names. Credentials ({@code user:password@}) never appear in what {@link #mask} returns.
 */
final class Locations {
    /** The schemes a transfer supports, lower case. */
    static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "ftps");
    /** The value of {@code SupportedFileTransferProtocols}. */
    static final String SUPPORTED_PROTOCOLS = "FTP,FTPS,HTTP,HTTPS";

    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private Locations() {
    }

    /** {@code location} with any user info replaced by {@code ***}, safe to log. */
    static String mask(String location) {
        if (location == null) {
            return "null";
        }
        return USER_INFO.matcher(location).replaceFirst("$1***@");
    }

    /**
     * Parses {@code location} and checks its scheme.
     *
     * @throws IllegalArgumentException when it is not a URI or its scheme is not supported; the message is masked
     */
    static URI parse(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a valid URI: " + mask(location));
        }
        String scheme = scheme(uri);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("unsupported scheme '" + scheme + "' in " + mask(location)
                    + " (supported: " + SUPPORTED_PROTOCOLS + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + mask(location));
        }
        return uri;
    }

    /** The URI's scheme in lower case ("" when absent). */
    static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The last path segment of {@code uri} made safe as a local file name, or {@code fallback}. */
    static String fileName(URI uri, String fallback) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return fallback;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? fallback : safe;
    }

    /** A charge point id made safe as a directory name. */
    static String directoryName(String chargePointId) {
        String safe = chargePointId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" : safe;
    }

    /** The user name and password in {@code uri}'s user info (decoded), or null when it has none. */
    static Credentials credentials(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return null;
        }
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        String password = colon < 0 ? "" : info.substring(colon + 1);
        return new Credentials(decode(user), decode(password));
    }

    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * A user name and password from a URI's user info.
     *
     * @param user     the user name
     * @param password the password ("" when absent)
     */
    record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
