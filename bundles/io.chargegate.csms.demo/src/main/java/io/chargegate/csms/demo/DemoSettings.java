package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.types.RegistrationStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link DemoCentralSystem} listens and answers. Start from {@link #defaults()} and change what you need with
 * the {@code with*} methods.
 *
 * @param host              the address to bind (default {@value #DEFAULT_HOST}; {@code 0.0.0.0} for every interface)
 * @param port              the TCP port (default {@value #DEFAULT_PORT}; 0 picks a free ephemeral port, see
 *                          {@link DemoCentralSystem#port()})
 * @param heartbeatInterval the interval in seconds a BootNotification response tells the charge point (default 60)
 * @param blockedIdTags     idTags answered with {@code Blocked} (Authorize, StartTransaction); every other idTag is
 *                          {@code Accepted}
 * @param bootStatus        the registration status a BootNotification is answered with (default {@code Accepted};
 *                          {@code Pending} or {@code Rejected} to test a charge point's registration handling)
 * @param callTimeout       how long a central-system-initiated CALL waits for its answer (default 30 s)
 * @param authorizationKeys charge point id to AuthorizationKey (HTTP Basic auth, OCPP security profile 1). Empty
 *                          (the default): no authentication. Not empty: every charge point must send Basic auth with
 *                          its id as user name and its key as password; ids not in the map are refused (HTTP 401)
 * @param tls               null (the default): plain {@code ws://}; else the one listener is {@code wss://} with this
 *                          key pair and, optionally, client certificate checking (security profiles 2 and 3; Basic auth
 *                          by {@code authorizationKeys} applies over TLS too)
 */
public record DemoSettings(String host, int port, int heartbeatInterval, Set<String> blockedIdTags,
                           RegistrationStatus bootStatus, Duration callTimeout, Map<String, String> authorizationKeys,
                           ServerTls tls) {

    /** The default bind address. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8887;
    /** The default heartbeat interval in seconds. */
    public static final int DEFAULT_HEARTBEAT_INTERVAL = 60;

    /** Checks and copies the components. */
    public DemoSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heartbeatInterval < 0) {
            throw new IllegalArgumentException("heartbeatInterval is negative: " + heartbeatInterval);
        }
        blockedIdTags = Set.copyOf(Objects.requireNonNull(blockedIdTags, "blockedIdTags"));
        Objects.requireNonNull(bootStatus, "bootStatus");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isZero() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
        }
        authorizationKeys = Map.copyOf(Objects.requireNonNull(authorizationKeys, "authorizationKeys"));
    }

    /** Settings without TLS (the constructor of version 1.0 of this record). */
    public DemoSettings(String host, int port, int heartbeatInterval, Set<String> blockedIdTags,
                        RegistrationStatus bootStatus, Duration callTimeout, Map<String, String> authorizationKeys) {
        this(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, null);
    }

    /** 127.0.0.1:8887, heartbeat 60 s, nothing blocked, boots Accepted, call timeout 30 s, no authentication, no TLS. */
    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_HEARTBEAT_INTERVAL, Set.of(),
                RegistrationStatus.ACCEPTED, Duration.ofSeconds(30), Map.of());
    }

    /** A copy with another bind address. */
    public DemoSettings withHost(String host) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy with another port (0 = ephemeral). */
    public DemoSettings withPort(int port) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy with another heartbeat interval (seconds). */
    public DemoSettings withHeartbeatInterval(int heartbeatInterval) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy with these blocked idTags (replacing the previous ones). */
    public DemoSettings withBlockedIdTags(Set<String> blockedIdTags) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy with these blocked idTags (replacing the previous ones). */
    public DemoSettings withBlockedIdTags(String... blockedIdTags) {
        return withBlockedIdTags(Set.of(blockedIdTags));
    }

    /** A copy that answers BootNotification with {@code bootStatus}. */
    public DemoSettings withBootStatus(RegistrationStatus bootStatus) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy with another timeout for central-system-initiated CALLs. */
    public DemoSettings withCallTimeout(Duration callTimeout) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy with these Basic auth keys (replacing the previous ones; empty = no authentication). */
    public DemoSettings withAuthorizationKeys(Map<String, String> authorizationKeys) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy listening with TLS ({@code wss://}) as {@code tls} says; null: plain {@code ws://}. */
    public DemoSettings withTls(ServerTls tls) {
        return new DemoSettings(host, port, heartbeatInterval, blockedIdTags, bootStatus, callTimeout, authorizationKeys, tls);
    }

    /** A copy that also accepts charge point {@code chargePointId} with key {@code authorizationKey}. */
    public DemoSettings withAuthorizationKey(String chargePointId, String authorizationKey) {
        Map<String, String> keys = new HashMap<>(authorizationKeys);
        keys.put(Objects.requireNonNull(chargePointId, "chargePointId"), Objects.requireNonNull(authorizationKey, "authorizationKey"));
        return withAuthorizationKeys(keys);
    }

    /** Like the generated one, without the authorization keys and TLS passwords (never print secrets). */
    @Override
    public String toString() {
        return "DemoSettings[host=" + host + ", port=" + port + ", heartbeatInterval=" + heartbeatInterval
                + ", blockedIdTags=" + blockedIdTags + ", bootStatus=" + bootStatus.value() + ", callTimeout=" + callTimeout
                + ", authorizationKeys=" + (authorizationKeys.isEmpty() ? "none" : authorizationKeys.keySet() + " (keys hidden)")
                + ", tls=" + (tls == null ? "none" : tls) + "]";
    }
}
