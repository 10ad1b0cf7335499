package io.chargegate.profile.reservation.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * Announces the {@code Reservation} feature profile while this bundle is active, so {@code SupportedFeatureProfiles}
 * lists it, and contributes its configuration key {@code ReserveConnectorZeroSupported} (boolean, default
 * {@code false}). The key is read-write here, although OCPP 1.6 lists it as read-only, so that an operator or the
 * CSMS can enable reservations of connector 0 without a new build; the station runtime reads it when it decides a
 * {@code ReserveNow} for connector 0 (unknown while this bundle is stopped, which counts as false).
 */
@Component(service = FeatureProfileProvider.class, immediate = true)
public final class ReservationProfile implements FeatureProfileProvider {

    /** The key that allows reservations of connector 0 (the charge point as a whole). */
    static final String RESERVE_CONNECTOR_ZERO_SUPPORTED = "ReserveConnectorZeroSupported";

    private static final List<ConfigurationKey> KEYS = List.of(
            ConfigurationKey.readWrite(RESERVE_CONNECTOR_ZERO_SUPPORTED, "false", ConfigurationKey.bool()));

    /** Creates the provider (no dependencies). */
    public ReservationProfile() {
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.RESERVATION;
    }

    @Override
    public List<ConfigurationKey> configurationKeys() {
        return KEYS;
    }
}
