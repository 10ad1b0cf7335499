package io.chargegate.profile.core.internal;

import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.station.api.Station;

import java.util.Collection;
import java.util.List;

/**
 * A {@link Station} for tests: records every Core operation called (name and arguments) and answers with the result
 * the test set. Operations a Core handler has no business calling fail the test.
 */
final class FakeStation extends io.chargegate.profile.testsupport.FakeStation {

    AvailabilityStatus availabilityResult = AvailabilityStatus.ACCEPTED;
    ConfigurationStatus configurationResult = ConfigurationStatus.ACCEPTED;
    ConfigurationSnapshot snapshotResult = new ConfigurationSnapshot(List.of(), List.of());
    RemoteStartStopStatus remoteStartResult = RemoteStartStopStatus.ACCEPTED;
    RemoteStartStopStatus remoteStopResult = RemoteStartStopStatus.ACCEPTED;
    ResetStatus resetResult = ResetStatus.ACCEPTED;
    UnlockStatus unlockResult = UnlockStatus.UNLOCKED;
    boolean cacheEnabled = true;

    FakeStation() {
        super("a Core handler");
    }

    @Override
    public ConfigurationSnapshot configuration(Collection<String> keys) {
        return record(snapshotResult, "configuration", List.copyOf(keys));
    }

    @Override
    public ConfigurationStatus changeConfiguration(String key, String value) {
        return record(configurationResult, "changeConfiguration", key, value);
    }

    @Override
    public AvailabilityStatus changeAvailability(int connectorId, AvailabilityType type) {
        return record(availabilityResult, "changeAvailability", connectorId, type);
    }

    @Override
    public RemoteStartStopStatus remoteStart(String idTag, Integer connectorId, ChargingProfile chargingProfile) {
        return record(remoteStartResult, "remoteStart", idTag, connectorId, chargingProfile);
    }

    @Override
    public RemoteStartStopStatus remoteStop(int transactionId) {
        return record(remoteStopResult, "remoteStop", transactionId);
    }

    @Override
    public ResetStatus reset(ResetType type) {
        return record(resetResult, "reset", type);
    }

    @Override
    public UnlockStatus unlock(int connectorId) {
        return record(unlockResult, "unlock", connectorId);
    }

    @Override
    public boolean clearAuthorizationCache() {
        return record(cacheEnabled, "clearAuthorizationCache");
    }
}
