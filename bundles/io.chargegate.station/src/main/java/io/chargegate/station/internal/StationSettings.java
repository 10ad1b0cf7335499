package io.chargegate.station.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The validated configuration of one station: built by {@link #from(Map)}, which checks every value before anything
 * is opened, and refuses a bad one with an {@link InvalidConfigException} naming the key, the value (never for
 * secrets) and the reason.
 */
public record StationSettings(String chargePointId, URI csmsUrl, String authorizationKey, int securityProfile,
                              Path trustStore, String trustStorePassword, Path clientCertificate,
                              String clientCertificatePassword, boolean verifyHostname, Path dataDirectory,
                              int connectors, Duration callTimeout, Duration handlerTimeout, Duration minBackoff,
                              Duration maxBackoff, Duration connectTimeout, int heartbeatIntervalDefault,
                              Duration bootRetry, Duration systemDriverWait, String vendor, String model,
                              Duration driverGrace, double nominalVoltage, double defaultLimitAmperes,
                              Duration smartChargingHold, double smartChargingFallbackLimitAmperes,
                              int authorizationCacheSize, Duration resetRetryDelay, Duration evResponse,
                              Duration restartHoldOff) {

    /** Largest accepted {@code authorizationCacheSize} (the cache's index is kept in memory). */
    static final int MAX_AUTHORIZATION_CACHE_SIZE = 100_000;

    /** A configuration value that is refused; the message is the one log line operators see. */
    public static final class InvalidConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(String key, Object shownValue, String reason) {
            super("station config refused: " + key + "=" + (shownValue == null ? "(none)" : "\"" + shownValue + "\"") + " " + reason);
        }
    }

    /** The store file: {@code <dataDirectory>/<sanitised id>/state.mv}. */
    public Path storeFile() {
        return dataDirectory.resolve(sanitise(chargePointId)).resolve("state.mv");
    }

    /** The id with every character but {@code A-Z a-z 0-9 . _ -} replaced by {@code _} (and no leading dot). */
    public static String sanitise(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || (c == '.' && i > 0);
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    /** Validates a DS/ConfigAdmin property map (values may be strings or typed). */
    public static StationSettings from(Map<String, ?> p) throws InvalidConfigException {
        String id = string(p, "chargePointId", null);
        if (id == null || id.isBlank()) {
            throw new InvalidConfigException("chargePointId", id, "is required");
        }
        if (id.length() > 48 || !id.equals(id.strip()) || id.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new InvalidConfigException("chargePointId", id, "must be 1..48 printable characters without spaces");
        }
        String url = string(p, "csmsUrl", null);
        if (url == null || url.isBlank()) {
            throw new InvalidConfigException("csmsUrl", url, "is required");
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("ws://") && !lower.startsWith("wss://")) {
            throw new InvalidConfigException("csmsUrl", url, "must start with ws:// or wss://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException("csmsUrl", url, "is not a valid URI: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new InvalidConfigException("csmsUrl", url, "has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidConfigException("csmsUrl", url, "must not contain user info, a query or a fragment");
        }
        boolean secure = lower.startsWith("wss://");
        String key = emptyToNull(string(p, "authorizationKey", null));
        if (key != null && (key.length() < 8 || key.length() > 40)) {
            throw new InvalidConfigException("authorizationKey", "***", "must be 8..40 characters");
        }
        int profile = integer(p, "securityProfile", 0, 0, 3);
        Path trust = path(p, "trustStore");
        String trustPw = emptyToNull(string(p, "trustStorePassword", null));
        Path client = path(p, "clientCertificate");
        String clientPw = emptyToNull(string(p, "clientCertificatePassword", null));
        if ((profile == 1 || profile == 2) && key == null) {
            throw new InvalidConfigException("authorizationKey", null, "is required for securityProfile " + profile);
        }
        if ((profile == 1 || profile == 2) && id.indexOf(':') >= 0) {
            throw new InvalidConfigException("chargePointId", id, "must not contain ':' for securityProfile " + profile
                    + " (it is the HTTP Basic auth user name)");
        }
        if (profile >= 2 && !secure) {
            throw new InvalidConfigException("csmsUrl", url, "must start with wss:// for securityProfile " + profile);
        }
        if (profile == 3 && client == null) {
            throw new InvalidConfigException("clientCertificate", null, "is required for securityProfile 3");
        }
        // trustStore / clientCertificate with a ws:// csmsUrl: kept for the day the CSMS raises SecurityProfile to 2 or 3
        // (the URL is then used as wss://, see SecurityProfiles)
        if (trustPw != null && trust == null) {
            throw new InvalidConfigException("trustStorePassword", "***", "given without trustStore");
        }
        if (clientPw != null && client == null) {
            throw new InvalidConfigException("clientCertificatePassword", "***", "given without clientCertificate");
        }
        boolean verify = bool(p, "verifyHostname", true);
        Path data = path(p, "dataDirectory");
        if (data == null) {
            data = Path.of("data");
        }
        int connectors = integer(p, "connectors", 1, 1, 64);
        Duration callTimeout = seconds(p, "callTimeoutSeconds", 30, 1, 3600);
        Duration handlerTimeout = seconds(p, "handlerTimeoutSeconds", 30, 1, 3600);
        Duration minBackoff = seconds(p, "minBackoffSeconds", 1, 1, 86400);
        Duration maxBackoff = seconds(p, "maxBackoffSeconds", 300, 1, 86400);
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new InvalidConfigException("maxBackoffSeconds", maxBackoff.toSeconds(),
                    "must not be less than minBackoffSeconds (" + minBackoff.toSeconds() + ")");
        }
        Duration connectTimeout = seconds(p, "connectTimeoutSeconds", 15, 1, 3600);
        int hb = integer(p, "heartbeatIntervalDefault", 300, 0, 86400);
        Duration bootRetry = seconds(p, "bootRetrySeconds", 60, 1, 86400);
        Duration sysWait = seconds(p, "systemDriverWaitSeconds", 10, 0, 3600);
        String vendor = string(p, "vendor", "ChargeGate");
        if (vendor.isEmpty() || vendor.length() > 20) {
            throw new InvalidConfigException("vendor", vendor, "must be 1..20 characters");
        }
        String model = string(p, "model", "Gateway");
        if (model.isEmpty() || model.length() > 20) {
            throw new InvalidConfigException("model", model, "must be 1..20 characters");
        }
        Duration grace = seconds(p, "driverGraceSeconds", 60, 0, 86400);
        double voltage = decimal(p, "nominalVoltage", 230.0);
        if (!(voltage > 0 && voltage < 2000)) {
            throw new InvalidConfigException("nominalVoltage", voltage, "must be > 0 and < 2000");
        }
        double defaultLimit = decimal(p, "defaultLimitAmperes", 0.0);
        if (!(defaultLimit >= 0 && defaultLimit <= 1000)) {
            throw new InvalidConfigException("defaultLimitAmperes", defaultLimit, "must be between 0 (none) and 1000");
        }
        Duration scHold = seconds(p, "smartChargingHoldSeconds", 300, 0, 86400);
        double scFallback = decimal(p, "smartChargingFallbackLimitAmperes", 6.0);
        if (!(scFallback <= 1000) || Double.isNaN(scFallback)) {
            throw new InvalidConfigException("smartChargingFallbackLimitAmperes", scFallback, "must be at most 1000 (<= 0: hold indefinitely)");
        }
        int cacheSize = integer(p, "authorizationCacheSize", 1000, 0, MAX_AUTHORIZATION_CACHE_SIZE);
        Duration resetRetryDelay = seconds(p, "resetRetryDelaySeconds", 5, 0, 3600);
        Duration evResponse = seconds(p, "evResponseSeconds", 3, 0, 60);
        Duration restartHoldOff = seconds(p, "restartHoldOffSeconds", 5, 0, 60);
        return new StationSettings(id, uri, key, profile, trust, trustPw, client, clientPw, verify, data, connectors,
                callTimeout, handlerTimeout, minBackoff, maxBackoff, connectTimeout, hb, bootRetry, sysWait, vendor, model,
                grace, voltage, defaultLimit, scHold, scFallback, cacheSize, resetRetryDelay, evResponse,
                restartHoldOff);
    }

    /** Prints everything but the secrets. */
    @Override
    public String toString() {
        return "StationSettings[" + chargePointId + " -> " + csmsUrl + ", securityProfile=" + securityProfile
                + ", authorizationKey=" + (authorizationKey == null ? "none" : "***") + ", connectors=" + connectors
                + ", data=" + dataDirectory + "]";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String string(Map<String, ?> p, String key, String def) {
        Object v = p.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof String[] arr) {
            return arr.length == 0 ? def : arr[0];
        }
        return v.toString().trim();
    }

    private static Path path(Map<String, ?> p, String key) throws InvalidConfigException {
        String s = emptyToNull(string(p, key, null));
        if (s == null) {
            return null;
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new InvalidConfigException(key, s, "is not a valid path: " + e.getReason());
        }
    }

    private static int integer(Map<String, ?> p, String key, int def, int min, int max) throws InvalidConfigException {
        String s = string(p, key, null);
        if (s == null || s.isEmpty()) {
            return def;
        }
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, s, "is not an integer");
        }
        if (v < min || v > max) {
            throw new InvalidConfigException(key, s, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static Duration seconds(Map<String, ?> p, String key, int def, int min, int max) throws InvalidConfigException {
        return Duration.ofSeconds(integer(p, key, def, min, max));
    }

    private static double decimal(Map<String, ?> p, String key, double def) throws InvalidConfigException {
        String s = string(p, key, null);
        if (s == null || s.isEmpty()) {
            return def;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, s, "is not a number");
        }
    }

    private static boolean bool(Map<String, ?> p, String key, boolean def) throws InvalidConfigException {
        String s = string(p, key, null);
        if (s == null || s.isEmpty()) {
            return def;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new InvalidConfigException(key, s, "must be true or false");
    }
}
