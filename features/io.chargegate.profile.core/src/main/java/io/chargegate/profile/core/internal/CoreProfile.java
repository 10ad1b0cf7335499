package io.chargegate.profile.core.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * Announces the {@code Core} feature profile while this bundle is active, so {@code SupportedFeatureProfiles}
 * lists it. It contributes no configuration keys: the Core keys ({@code HeartbeatInterval},
 * {@code MeterValueSampleInterval}, {@code AuthorizeRemoteTxRequests}, {@code GetConfigurationMaxKeys}, ...) drive
 * the runtime's own behaviour (boot, heartbeat, metering, authorization, transactions), so the station runtime
 * defines and owns them, and they exist even while this bundle is stopped.
 */
@Component(service = FeatureProfileProvider.class, immediate = true)
public final class CoreProfile implements FeatureProfileProvider {

    /** Creates the provider (no dependencies). */
    public CoreProfile() {
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.CORE;
    }

    /** Always empty: the runtime owns the Core configuration keys. */
    @Override
    public List<ConfigurationKey> configurationKeys() {
        return List.of();
    }
}
