package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charging profiles installed on one station, by chargingProfileId (which is unique per station). Not
 * thread-safe: its owner serializes access.
 */
final class ProfileBook {
    private final Map<Integer, InstalledProfile> byId = new TreeMap<>();

    /** All installed profiles, by id. */
    Collection<InstalledProfile> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }

    /**
     * The installed profiles {@code candidate} replaces (OCPP 1.6 §5.16.1): the one with the same chargingProfileId,
     * and the one with the same stackLevel and purpose on the same connector.
     */
    List<InstalledProfile> replacedBy(InstalledProfile candidate) {
        List<InstalledProfile> result = new ArrayList<>();
        for (InstalledProfile p : byId.values()) {
            if (p.id() == candidate.id() || (p.connectorId() == candidate.connectorId()
                    && p.stackLevel() == candidate.stackLevel() && p.purpose() == candidate.purpose())) {
                result.add(p);
            }
        }
        return result;
    }

    void put(InstalledProfile profile) {
        byId.put(profile.id(), profile);
    }

    void remove(int chargingProfileId) {
        byId.remove(chargingProfileId);
    }

    /** The profiles matching every given criterion (null = any), as ClearChargingProfile selects them. */
    List<InstalledProfile> matching(Integer id, Integer connectorId, ChargingProfilePurposeType purpose,
                                    Integer stackLevel) {
        List<InstalledProfile> result = new ArrayList<>();
        for (InstalledProfile p : byId.values()) {
            if ((id == null || p.id() == id) && (connectorId == null || p.connectorId() == connectorId)
                    && (purpose == null || p.purpose() == purpose)
                    && (stackLevel == null || p.stackLevel() == stackLevel)) {
                result.add(p);
            }
        }
        return result;
    }

    /** The TxProfiles of one connector. */
    List<InstalledProfile> txProfiles(int connectorId) {
        return matching(null, connectorId, ChargingProfilePurposeType.TX_PROFILE, null);
    }
}
