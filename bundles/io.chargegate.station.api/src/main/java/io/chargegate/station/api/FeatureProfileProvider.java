package io.chargegate.station.api;

import io.chargegate.ocpp.model.FeatureProfile;
import org.osgi.annotation.versioning.ConsumerType;

import java.util.List;

/**
 * Registered by a feature profile bundle while it is active. {@code SupportedFeatureProfiles} lists the
 * profiles registered now, and the profile's configuration keys exist only while it is registered (their
 * values stay in the store, so a reinstalled profile finds them again).
 */
@ConsumerType
public interface FeatureProfileProvider {
    /** The profile offered. */
    FeatureProfile profile();

    /** The configuration keys this profile owns. */
    List<ConfigurationKey> configurationKeys();
}
