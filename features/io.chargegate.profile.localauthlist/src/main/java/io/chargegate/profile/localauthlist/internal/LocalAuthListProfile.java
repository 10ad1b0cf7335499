package io.chargegate.profile.localauthlist.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import io.chargegate.ocpp.model.types.KeyValue;
import org.osgi.service.component.annotations.Component;

import java.util.List;
import java.util.Objects;

/**
 * Announces the {@code LocalAuthListManagement} feature profile while this bundle is active, so
 * {@code SupportedFeatureProfiles} lists it, and contributes its configuration keys (OCPP 1.6 §9.2):
 * {@code LocalAuthListEnabled} (read-write boolean, default {@code true}), {@code LocalAuthListMaxLength}
 * (read-only, {@value #LOCAL_AUTH_LIST_MAX_LENGTH_VALUE}) and {@code SendLocalListMaxLength} (read-only,
 * {@value #SEND_LOCAL_LIST_MAX_LENGTH_VALUE}). The station runtime reads them: it authorizes from the list only
 * while {@code LocalAuthListEnabled} is true and enforces both lengths in {@code SendLocalList}. While this bundle is
 * stopped the keys are unknown, so the runtime does not use the list (its entries and version stay in the store).
 */
@Component(service = FeatureProfileProvider.class, immediate = true)
public final class LocalAuthListProfile implements FeatureProfileProvider {

    /** Whether the runtime authorizes from the local list. */
    static final String LOCAL_AUTH_LIST_ENABLED = "LocalAuthListEnabled";
    /** Maximum number of entries of the list. */
    static final String LOCAL_AUTH_LIST_MAX_LENGTH = "LocalAuthListMaxLength";
    /** Maximum number of entries of one SendLocalList. */
    static final String SEND_LOCAL_LIST_MAX_LENGTH = "SendLocalListMaxLength";
    /** The value of {@code LocalAuthListMaxLength}. */
    static final String LOCAL_AUTH_LIST_MAX_LENGTH_VALUE = "1000";
    /** The value of {@code SendLocalListMaxLength}. */
    static final String SEND_LOCAL_LIST_MAX_LENGTH_VALUE = "100";

    private static final List<ConfigurationKey> KEYS = List.of(
            ConfigurationKey.readWrite(LOCAL_AUTH_LIST_ENABLED, "true", ConfigurationKey.bool()),
            ConfigurationKey.readOnly(LOCAL_AUTH_LIST_MAX_LENGTH, LOCAL_AUTH_LIST_MAX_LENGTH_VALUE),
            ConfigurationKey.readOnly(SEND_LOCAL_LIST_MAX_LENGTH, SEND_LOCAL_LIST_MAX_LENGTH_VALUE));

    /** Creates the provider (no dependencies). */
    public LocalAuthListProfile() {
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT;
    }

    @Override
    public List<ConfigurationKey> configurationKeys() {
        return KEYS;
    }

    /**
     * Whether {@code LocalAuthListEnabled} is true now, read as the runtime reads it when it authorizes: only the
     * value {@code true} (any case, blanks trimmed) enables the list; an unknown key does not.
     */
    static boolean listEnabled(Station station) {
        List<KeyValue> known = Objects.requireNonNull(station.configuration(List.of(LOCAL_AUTH_LIST_ENABLED)),
                "Station.configuration returned null").known();
        return known.stream()
                .filter(k -> LOCAL_AUTH_LIST_ENABLED.equals(k.key()))
                .anyMatch(k -> k.value() != null && Boolean.parseBoolean(k.value().trim()));
    }
}
