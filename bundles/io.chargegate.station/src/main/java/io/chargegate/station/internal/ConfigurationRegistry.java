package io.chargegate.station.internal;

import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.Station;
import io.chargegate.store.DurableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The OCPP configuration keys of one station: the standard Core keys plus the keys of the feature profiles bound
 * now; values in the store (map {@code config}), so they survive restarts and a profile that comes back finds its
 * values again. Thread-safe.
 */
final class ConfigurationRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationRegistry.class);

    static final String ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID = "AllowOfflineTxForUnknownId";
    static final String AUTHORIZATION_CACHE_ENABLED = "AuthorizationCacheEnabled";
    static final String AUTHORIZE_REMOTE_TX_REQUESTS = "AuthorizeRemoteTxRequests";
    static final String CLOCK_ALIGNED_DATA_INTERVAL = "ClockAlignedDataInterval";
    static final String CONNECTION_TIME_OUT = "ConnectionTimeOut";
    static final String GET_CONFIGURATION_MAX_KEYS = "GetConfigurationMaxKeys";
    static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
    static final String LOCAL_AUTHORIZE_OFFLINE = "LocalAuthorizeOffline";
    static final String LOCAL_PRE_AUTHORIZE = "LocalPreAuthorize";
    static final String METER_VALUES_ALIGNED_DATA = "MeterValuesAlignedData";
    static final String METER_VALUES_SAMPLED_DATA = "MeterValuesSampledData";
    static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";
    static final String MINIMUM_STATUS_DURATION = "MinimumStatusDuration";
    static final String NUMBER_OF_CONNECTORS = "NumberOfConnectors";
    static final String RESET_RETRIES = "ResetRetries";
    static final String STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT = "StopTransactionOnEVSideDisconnect";
    static final String STOP_TRANSACTION_ON_INVALID_ID = "StopTransactionOnInvalidId";
    static final String STOP_TXN_ALIGNED_DATA = "StopTxnAlignedData";
    static final String STOP_TXN_SAMPLED_DATA = "StopTxnSampledData";
    static final String SUPPORTED_FEATURE_PROFILES = "SupportedFeatureProfiles";
    static final String TRANSACTION_MESSAGE_ATTEMPTS = "TransactionMessageAttempts";
    static final String TRANSACTION_MESSAGE_RETRY_INTERVAL = "TransactionMessageRetryInterval";
    static final String UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT = "UnlockConnectorOnEVSideDisconnect";
    static final String WEB_SOCKET_PING_INTERVAL = "WebSocketPingInterval";
    static final String AUTHORIZATION_KEY = "AuthorizationKey";
    static final String LOCAL_AUTH_LIST_ENABLED = "LocalAuthListEnabled";
    static final String LOCAL_AUTH_LIST_MAX_LENGTH = "LocalAuthListMaxLength";
    static final String SEND_LOCAL_LIST_MAX_LENGTH = "SendLocalListMaxLength";
    /** Security whitepaper key: 0..3, raised by the CSMS, never lowered (see {@link #changeSecurityProfile}). */
    static final String SECURITY_PROFILE = "SecurityProfile";

    /** Keys whose value is never reported (GetConfiguration lists them without a value only when asked by name). */
    private static final java.util.Set<String> WRITE_ONLY = java.util.Set.of(AUTHORIZATION_KEY);

    private final DurableMap values;
    private final Map<String, ConfigurationKey> core;
    private final Supplier<String> supportedProfiles;
    private final Object lock = new Object();
    /** Keys of the providers bound now, by provider identity. Guarded by {@link #lock}. */
    private final Map<Object, List<ConfigurationKey>> providerKeys = new LinkedHashMap<>();
    private volatile BiConsumer<String, String> listener = (k, v) -> { };
    /** {@code securityProfile} of the station configuration: the lowest SecurityProfile can be. */
    private final int configuredSecurityProfile;
    /** What is missing for a security profile (null: nothing), see {@link SecurityProfiles#missing}. */
    private final IntFunction<String> securityProfilePrerequisites;

    /**
     * @param values             the store map holding the values
     * @param connectors         NumberOfConnectors
     * @param heartbeatDefault   default HeartbeatInterval
     * @param supportedProfiles  the live value of SupportedFeatureProfiles
     * @param authorizationKeyDefault the configured AuthorizationKey (null: none)
     * @param securityProfile   the configured securityProfile (0..3), the lowest SecurityProfile can be
     * @param securityProfilePrerequisites what is missing for a higher profile (null: nothing)
     */
    ConfigurationRegistry(DurableMap values, int connectors, int heartbeatDefault, Supplier<String> supportedProfiles,
                          String authorizationKeyDefault, int securityProfile, IntFunction<String> securityProfilePrerequisites) {
        this.values = values;
        this.configuredSecurityProfile = securityProfile;
        this.securityProfilePrerequisites = securityProfilePrerequisites;
        this.supportedProfiles = supportedProfiles;
        Map<String, ConfigurationKey> m = new LinkedHashMap<>();
        Function<String, String> nonNeg = ConfigurationKey.nonNegativeInteger();
        Function<String, String> bool = ConfigurationKey.bool();
        Function<String, String> measurands = ConfigurationRegistry::validateMeasurands;
        add(m, ConfigurationKey.readWrite(ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID, "false", bool));
        add(m, ConfigurationKey.readWrite(AUTHORIZATION_CACHE_ENABLED, "true", bool));
        add(m, ConfigurationKey.readWrite(AUTHORIZE_REMOTE_TX_REQUESTS, "true", bool));
        add(m, ConfigurationKey.readWrite(CLOCK_ALIGNED_DATA_INTERVAL, "0", nonNeg));
        add(m, ConfigurationKey.readWrite(CONNECTION_TIME_OUT, "60", nonNeg));
        add(m, ConfigurationKey.readOnly(GET_CONFIGURATION_MAX_KEYS, "100"));
        add(m, ConfigurationKey.readWrite(HEARTBEAT_INTERVAL, Integer.toString(heartbeatDefault), nonNeg));
        add(m, ConfigurationKey.readWrite(LOCAL_AUTHORIZE_OFFLINE, "true", bool));
        add(m, ConfigurationKey.readWrite(LOCAL_PRE_AUTHORIZE, "false", bool));
        add(m, ConfigurationKey.readWrite(METER_VALUES_ALIGNED_DATA, "Energy.Active.Import.Register", measurands));
        add(m, ConfigurationKey.readWrite(METER_VALUES_SAMPLED_DATA, "Energy.Active.Import.Register", measurands));
        add(m, ConfigurationKey.readWrite(METER_VALUE_SAMPLE_INTERVAL, "60", nonNeg));
        add(m, ConfigurationKey.readWrite(MINIMUM_STATUS_DURATION, "0", nonNeg));
        add(m, ConfigurationKey.readOnly(NUMBER_OF_CONNECTORS, Integer.toString(connectors)));
        add(m, ConfigurationKey.readWrite(RESET_RETRIES, "1", nonNeg));
        add(m, ConfigurationKey.readWrite(STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT, "true", bool));
        add(m, ConfigurationKey.readWrite(STOP_TRANSACTION_ON_INVALID_ID, "true", bool));
        add(m, ConfigurationKey.readWrite(STOP_TXN_ALIGNED_DATA, "", measurands));
        add(m, ConfigurationKey.readWrite(STOP_TXN_SAMPLED_DATA, "", measurands));
        add(m, ConfigurationKey.readOnly(SUPPORTED_FEATURE_PROFILES, ""));
        add(m, ConfigurationKey.readWrite(TRANSACTION_MESSAGE_ATTEMPTS, "3", nonNeg));
        add(m, ConfigurationKey.readWrite(TRANSACTION_MESSAGE_RETRY_INTERVAL, "60", nonNeg));
        add(m, ConfigurationKey.readWrite(UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT, "true", bool));
        add(m, ConfigurationKey.readWrite(WEB_SOCKET_PING_INTERVAL, "60", nonNeg));
        add(m, ConfigurationKey.readWrite(AUTHORIZATION_KEY, authorizationKeyDefault,
                v -> v.length() >= 8 && v.length() <= 40 ? null : "must be 8..40 characters"));
        add(m, ConfigurationKey.readWrite(SECURITY_PROFILE, Integer.toString(securityProfile), ConfigurationRegistry::profileNumber));
        this.core = Map.copyOf(m);
        this.order = List.copyOf(m.keySet());
    }

    private final List<String> order;

    private static void add(Map<String, ConfigurationKey> m, ConfigurationKey k) {
        m.put(k.name(), k);
    }

    /** Validates a comma separated list of measurands (empty allowed). */
    static String validateMeasurands(String v) {
        if (v.isBlank()) {
            return null;
        }
        for (String part : v.split(",")) {
            if (Measurand.fromValue(part.trim()) == null) {
                return "unknown measurand '" + part.trim() + "'";
            }
        }
        return null;
    }

    /** Called after a value was changed (by ChangeConfiguration or by the runtime), with the key and new value. */
    void onChange(BiConsumer<String, String> l) {
        this.listener = l;
    }

    /** Adds the keys of a provider bound now (its earlier values come back from the store). */
    void addProvider(Object provider, List<ConfigurationKey> keys) {
        synchronized (lock) {
            List<ConfigurationKey> accepted = new ArrayList<>();
            for (ConfigurationKey k : keys) {
                if (core.containsKey(k.name())) {
                    LOG.warn("feature profile key {} clashes with a core key: ignored", k.name());
                } else {
                    accepted.add(k);
                }
            }
            providerKeys.put(provider, accepted);
        }
    }

    /** Removes the keys of a provider that went away (their values stay in the store). */
    void removeProvider(Object provider) {
        synchronized (lock) {
            providerKeys.remove(provider);
        }
    }

    /** The definition of a key known now, or null. */
    ConfigurationKey definition(String name) {
        ConfigurationKey k = core.get(name);
        if (k != null) {
            return k;
        }
        synchronized (lock) {
            for (List<ConfigurationKey> keys : providerKeys.values()) {
                for (ConfigurationKey pk : keys) {
                    if (pk.name().equals(name)) {
                        return pk;
                    }
                }
            }
        }
        return null;
    }

    /** The value of a known key (stored, else default), or null when the key is unknown now or has no value. */
    String value(String name) {
        if (SUPPORTED_FEATURE_PROFILES.equals(name)) {
            return supportedProfiles.get();
        }
        if (SECURITY_PROFILE.equals(name)) {
            return Integer.toString(securityProfile());
        }
        ConfigurationKey k = definition(name);
        if (k == null) {
            return null;
        }
        if (k.readonly()) {
            return k.defaultValue();
        }
        Optional<String> stored = values.get(name);
        return stored.orElse(k.defaultValue());
    }

    /** An integer key's value, or {@code def} when unknown or unparsable. */
    int intValue(String name, int def) {
        String v = value(name);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    /** A boolean key's value, or {@code def} when unknown. */
    boolean boolValue(String name, boolean def) {
        String v = value(name);
        return v == null || v.isBlank() ? def : Boolean.parseBoolean(v.trim());
    }

    /** A measurand list key's value. */
    List<Measurand> measurands(String name) {
        String v = value(name);
        List<Measurand> out = new ArrayList<>();
        if (v != null) {
            for (String part : v.split(",")) {
                Measurand m = Measurand.fromValue(part.trim());
                if (m != null && !out.contains(m)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Sets a value from inside the runtime (for example HeartbeatInterval from BootNotification), without checks. */
    void set(String name, String value) {
        values.put(name, value);
        fire(name, value);
    }

    /** GetConfiguration: all keys (write-only ones left out) or the requested ones (unknown ones listed). */
    Station.ConfigurationSnapshot snapshot(Collection<String> keys) {
        List<KeyValue> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (keys == null || keys.isEmpty()) {
            for (String name : allNames()) {
                if (!WRITE_ONLY.contains(name)) {
                    known.add(keyValue(name));
                }
            }
        } else {
            int max = Math.max(1, intValue(GET_CONFIGURATION_MAX_KEYS, 100));
            int n = 0;
            for (String name : keys) {
                if (n++ >= max) {
                    LOG.warn("GetConfiguration asked for {} keys, more than GetConfigurationMaxKeys={}: the rest is ignored",
                            keys.size(), max);
                    break;
                }
                if (definition(name) == null) {
                    unknown.add(name);
                } else {
                    known.add(keyValue(name));
                }
            }
        }
        return new Station.ConfigurationSnapshot(known, unknown);
    }

    private KeyValue keyValue(String name) {
        ConfigurationKey k = definition(name);
        String v = WRITE_ONLY.contains(name) ? null : value(name);
        if (v != null && v.length() > 500) {
            v = v.substring(0, 500);
        }
        return new KeyValue(name, k.readonly(), v);
    }

    /** All key names known now, core first in specification order, then the profiles' keys. */
    List<String> allNames() {
        List<String> names = new ArrayList<>(order);
        synchronized (lock) {
            for (List<ConfigurationKey> keys : providerKeys.values()) {
                for (ConfigurationKey k : keys) {
                    if (!names.contains(k.name())) {
                        names.add(k.name());
                    }
                }
            }
        }
        return names;
    }

    /**
     * The security profile in force: the one the CSMS set with ChangeConfiguration (kept in the store) or the
     * configured one, whichever is higher; a new connection uses it.
     */
    int securityProfile() {
        return Math.max(configuredSecurityProfile, storedSecurityProfile());
    }

    /** The SecurityProfile the CSMS set (kept in the store), or -1 when it never set one. */
    int storedSecurityProfile() {
        Optional<String> stored = values.get(SECURITY_PROFILE);
        if (stored.isEmpty() || profileNumber(stored.get()) != null) {
            return -1;
        }
        return Integer.parseInt(stored.get().trim());
    }

    private static String profileNumber(String v) {
        try {
            int p = Integer.parseInt(v.trim());
            return p >= 0 && p <= 3 ? null : "must be 0..3";
        } catch (NumberFormatException e) {
            return "not an integer";
        }
    }

    /**
     * ChangeConfiguration SecurityProfile (OCPP 1.6 security whitepaper, TC_083/TC_084): lower than the profile in
     * force: Rejected (a profile is never lowered remotely); the same: Accepted, nothing changes; higher: Accepted and
     * kept in the store when its prerequisites are in place, else Rejected with one log line naming what is missing.
     * The new profile is used from the next connection the station opens (after a Reset).
     */
    private ConfigurationStatus changeSecurityProfile(String value) {
        String problem = value == null ? "no value" : profileNumber(value);
        if (problem != null) {
            LOG.info("ChangeConfiguration {}=\"{}\" Rejected: {}", SECURITY_PROFILE, value, problem);
            return ConfigurationStatus.REJECTED;
        }
        int wanted = Integer.parseInt(value.trim());
        int current = securityProfile();
        if (wanted < current) {
            LOG.info("ChangeConfiguration {}={} Rejected: lower than the security profile in force ({}); a security profile "
                    + "is never lowered", SECURITY_PROFILE, wanted, current);
            return ConfigurationStatus.REJECTED;
        }
        if (wanted == current) {
            LOG.info("ChangeConfiguration {}={} Accepted: already in force, nothing changes", SECURITY_PROFILE, wanted);
            return ConfigurationStatus.ACCEPTED;
        }
        String missing;
        try {
            missing = securityProfilePrerequisites.apply(wanted);
        } catch (RuntimeException e) {
            missing = "checking the prerequisites failed: " + e;
        }
        if (missing != null) {
            LOG.info("ChangeConfiguration {}={} Rejected (profile {} stays): {}", SECURITY_PROFILE, wanted, current, missing);
            return ConfigurationStatus.REJECTED;
        }
        values.put(SECURITY_PROFILE, Integer.toString(wanted));
        LOG.info("ChangeConfiguration {}={} Accepted (was {}): used from the next connection, after a Reset; never lowered "
                + "again", SECURITY_PROFILE, wanted, current);
        fire(SECURITY_PROFILE, Integer.toString(wanted));
        return ConfigurationStatus.ACCEPTED;
    }

    /** ChangeConfiguration semantics. The value of a write-only key is never logged. */
    ConfigurationStatus change(String name, String value) {
        if (SECURITY_PROFILE.equals(name)) {
            return changeSecurityProfile(value);
        }
        ConfigurationKey k = definition(name);
        if (k == null) {
            LOG.info("ChangeConfiguration {}: unknown key, NotSupported", name);
            return ConfigurationStatus.NOT_SUPPORTED;
        }
        if (k.readonly()) {
            LOG.info("ChangeConfiguration {}: read-only, Rejected", name);
            return ConfigurationStatus.REJECTED;
        }
        String problem;
        try {
            problem = value == null ? "no value" : k.validator().apply(value);
        } catch (RuntimeException e) {
            problem = "validator failed: " + e;
        }
        String shown = WRITE_ONLY.contains(name) ? "***" : value;
        if (problem != null) {
            LOG.info("ChangeConfiguration {}=\"{}\" Rejected: {}", name, shown, problem);
            return ConfigurationStatus.REJECTED;
        }
        values.put(name, value);
        LOG.info("ChangeConfiguration {}=\"{}\" {}", name, shown, k.rebootRequired() ? "RebootRequired" : "Accepted");
        fire(name, value);
        return k.rebootRequired() ? ConfigurationStatus.REBOOT_REQUIRED : ConfigurationStatus.ACCEPTED;
    }

    private void fire(String name, String value) {
        try {
            listener.accept(name, value);
        } catch (RuntimeException e) {
            LOG.error("applying configuration key {} failed", name, e);
        }
    }
}
