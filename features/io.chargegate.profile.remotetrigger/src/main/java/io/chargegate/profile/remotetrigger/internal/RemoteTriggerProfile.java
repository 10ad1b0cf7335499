package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * Announces the {@code RemoteTrigger} feature profile while this bundle is active, so {@code SupportedFeatureProfiles}
 * lists it. OCPP 1.6 defines no configuration keys for this profile.
 */
@Component(service = FeatureProfileProvider.class, immediate = true)
public final class RemoteTriggerProfile implements FeatureProfileProvider {

    /** Creates the provider (no dependencies). */
    public RemoteTriggerProfile() {
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.REMOTE_TRIGGER;
    }

    /** Always empty: the profile has no configuration keys. */
    @Override
    public List<ConfigurationKey> configurationKeys() {
        return List.of();
    }
}
