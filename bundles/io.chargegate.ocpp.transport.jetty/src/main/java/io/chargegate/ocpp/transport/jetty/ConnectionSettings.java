package io.chargegate.ocpp.transport.jetty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how one charge point connects to its CSMS. Build it with {@link #builder(URI, String)} for the defaults.
 *
 * @param csmsUrl          base URL of the CSMS, {@code ws://} or {@code wss://}, without query or fragment; the
 *                         charge point id is appended as the last path segment (see {@link #endpointUri()})
 * @param chargePointId    the charge point identity, not blank
 * @param authorizationKey the OCPP {@code AuthorizationKey} for HTTP Basic auth (security profiles 1 and 2), or
 *                         {@code null} for no {@code Authorization} header; never printed by {@link #toString()}
 * @param tls              trust and client certificate for {@code wss://}, or {@code null} for the JVM's default trust
 *                         store; only allowed with {@code wss://}
 * @param pingInterval     WebSocket ping interval ({@code WebSocketPingInterval}); {@link Duration#ZERO} = no pings
 * @param pongTimeout      how long after a ping a pong must arrive before the connection is considered dead; positive
 * @param minBackoff       smallest reconnect delay; positive
 * @param maxBackoff       largest reconnect delay; at least {@code minBackoff}
 * @param connectTimeout   limit for one connect attempt (TCP, TLS and the HTTP upgrade); positive
 */
public record ConnectionSettings(URI csmsUrl, String chargePointId, String authorizationKey, TlsSettings tls,
                                 Duration pingInterval, Duration pongTimeout, Duration minBackoff, Duration maxBackoff,
                                 Duration connectTimeout) {

    /** Default ping interval: 60 s. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(60);
    /** Default pong timeout: 30 s, or the ping interval when that is shorter. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(30);
    /** Default smallest reconnect delay: 1 s. */
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofSeconds(1);
    /** Default largest reconnect delay: 5 min. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    /** Default connect timeout: 15 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** Validates every field; throws {@link IllegalArgumentException} naming the offending field. */
    public ConnectionSettings {
        if (csmsUrl == null) {
            throw new IllegalArgumentException("csmsUrl must not be null");
        }
        String scheme = csmsUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
            throw new IllegalArgumentException("csmsUrl must use ws:// or wss://, got: " + csmsUrl);
        }
        if (csmsUrl.getHost() == null) {
            throw new IllegalArgumentException("csmsUrl has no host: " + csmsUrl);
        }
        if (csmsUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("csmsUrl must not contain user info (use authorizationKey)");
        }
        if (csmsUrl.getRawQuery() != null || csmsUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("csmsUrl must not have a query or fragment: " + csmsUrl);
        }
        if (chargePointId == null || chargePointId.isBlank()) {
            throw new IllegalArgumentException("chargePointId must not be blank");
        }
        if (authorizationKey != null) {
            if (authorizationKey.isEmpty()) {
                throw new IllegalArgumentException("authorizationKey must not be empty (use null for no Basic auth)");
            }
            if (chargePointId.indexOf(':') >= 0) {
                throw new IllegalArgumentException(
                        "chargePointId must not contain ':' when an authorizationKey is set (HTTP Basic user-id)");
            }
        }
        if (tls != null && !scheme.equalsIgnoreCase("wss")) {
            throw new IllegalArgumentException("tls settings require a wss:// csmsUrl, got: " + csmsUrl);
        }
        requireNonNegative("pingInterval", pingInterval);
        requirePositive("pongTimeout", pongTimeout);
        requirePositive("minBackoff", minBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("connectTimeout", connectTimeout);
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be less than minBackoff (" + minBackoff + ")");
        }
    }

    /** A builder with the defaults: ping 60 s, pong timeout 30 s, backoff 1 s..5 min, connect timeout 15 s. */
    public static Builder builder(URI csmsUrl, String chargePointId) {
        return new Builder(csmsUrl, chargePointId);
    }

    /** {@code true} for a {@code wss://} URL. */
    public boolean secure() {
        return csmsUrl.getScheme().equalsIgnoreCase("wss");
    }

    /**
     * The URL to connect to: {@code <csmsUrl>/<chargePointId>}, the id percent-encoded as one path segment (UTF-8;
     * everything but {@code A-Z a-z 0-9 - . _ ~} is encoded, so a space becomes {@code %20}); a trailing slash of
     * {@code csmsUrl} gives no double slash.
     */
    public URI endpointUri() {
        String base = csmsUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + encodePathSegment(chargePointId));
    }

    /** Percent-encodes {@code segment} (UTF-8) leaving only RFC 3986 unreserved characters as they are. */
    static String encodePathSegment(String segment) {
        StringBuilder sb = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** A copy with another ping interval. */
    public ConnectionSettings withPingInterval(Duration newPingInterval) {
        return new ConnectionSettings(csmsUrl, chargePointId, authorizationKey, tls, newPingInterval, pongTimeout,
                minBackoff, maxBackoff, connectTimeout);
    }

    /** Prints everything but the authorization key (only whether one is set). */
    @Override
    public String toString() {
        return "ConnectionSettings[csmsUrl=" + csmsUrl + ", chargePointId=" + chargePointId
                + ", authorizationKey=" + (authorizationKey == null ? "none" : "***") + ", tls=" + tls
                + ", pingInterval=" + pingInterval + ", pongTimeout=" + pongTimeout + ", minBackoff=" + minBackoff
                + ", maxBackoff=" + maxBackoff + ", connectTimeout=" + connectTimeout + "]";
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got: " + d);
        }
    }

    private static void requireNonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, got: " + d);
        }
    }

    /** Builds {@link ConnectionSettings}; every setter returns {@code this}. Not thread-safe. */
    public static final class Builder {
        private final URI csmsUrl;
        private final String chargePointId;
        private String authorizationKey;
        private TlsSettings tls;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration pongTimeout;
        private Duration minBackoff = DEFAULT_MIN_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder(URI csmsUrl, String chargePointId) {
            this.csmsUrl = csmsUrl;
            this.chargePointId = chargePointId;
        }

        /** The Basic auth key, or {@code null} for none. */
        public Builder authorizationKey(String key) {
            this.authorizationKey = key;
            return this;
        }

        /** TLS settings for {@code wss://}, or {@code null} for the JVM's default trust. */
        public Builder tls(TlsSettings settings) {
            this.tls = settings;
            return this;
        }

        /** Ping interval; {@link Duration#ZERO} = off. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        /** Ping interval in seconds as in the OCPP key {@code WebSocketPingInterval}; 0 = off. */
        public Builder pingIntervalSeconds(long seconds) {
            return pingInterval(Duration.ofSeconds(seconds));
        }

        /** Pong timeout; default 30 s or the ping interval when that is shorter. */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = timeout;
            return this;
        }

        /** Smallest and largest reconnect delay. */
        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /** Limit for one connect attempt. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the offending field. */
        public ConnectionSettings build() {
            Duration pong = pongTimeout;
            if (pong == null) {
                pong = pingInterval != null && !pingInterval.isZero() && !pingInterval.isNegative()
                        && pingInterval.compareTo(DEFAULT_PONG_TIMEOUT) < 0 ? pingInterval : DEFAULT_PONG_TIMEOUT;
            }
            return new ConnectionSettings(csmsUrl, chargePointId, authorizationKey, tls, pingInterval, pong,
                    minBackoff, maxBackoff, connectTimeout);
        }
    }
}
