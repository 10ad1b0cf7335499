package io.chargegate.profile.localauthlist.internal;

import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.station.api.Station;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link Station} for tests: records every local list operation called (name and arguments) and answers with the
 * result the test set. Operations a LocalAuthListManagement handler has no business calling fail the test.
 */
final class FakeStation extends io.chargegate.profile.testsupport.FakeStation {

    int versionResult;
    /** The value of LocalAuthListEnabled that {@link #configuration} reports; null: the key is unknown. */
    String listEnabledValue = "true";
    UpdateStatus updateResult = UpdateStatus.ACCEPTED;

    FakeStation() {
        super("a LocalAuthListManagement handler");
    }

    @Override
    public int localListVersion() {
        return record(versionResult, "localListVersion");
    }

    @Override
    public UpdateStatus sendLocalList(int listVersion, UpdateType updateType, List<AuthorizationData> entries) {
        return record(updateResult, "sendLocalList", listVersion, updateType, List.copyOf(entries));
    }

    /** Knows only LocalAuthListEnabled (with {@link #listEnabledValue}); every other key is unknown. */
    @Override
    public ConfigurationSnapshot configuration(Collection<String> keys) {
        List<KeyValue> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (key.equals("LocalAuthListEnabled") && listEnabledValue != null) {
                known.add(new KeyValue(key, false, listEnabledValue));
            } else {
                unknown.add(key);
            }
        }
        return record(new ConfigurationSnapshot(known, unknown), "configuration", List.copyOf(keys));
    }
}
