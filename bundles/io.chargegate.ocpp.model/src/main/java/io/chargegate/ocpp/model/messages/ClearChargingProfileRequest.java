package io.chargegate.ocpp.model.messages;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;

/**
 * OCPP 1.6 {@code ClearChargingProfile.req}: the central system removes charging profiles matching the given criteria.
 *
 * @param id the charging profile id to clear
 * @param connectorId connector id; 0 means the charge point as a whole
 */
public record ClearChargingProfileRequest(
        Integer id,
        Integer connectorId,
        ChargingProfilePurposeType chargingProfilePurpose,
        Integer stackLevel) implements Request<ClearChargingProfileResponse> {

    /** Creates the request with no properties set (all are optional). */
    public ClearChargingProfileRequest() {
        this(null, null, null, null);
    }

    /** A copy with {@code id} replaced. */
    public ClearChargingProfileRequest withId(Integer id) {
        return new ClearChargingProfileRequest(id, connectorId, chargingProfilePurpose, stackLevel);
    }

    /** A copy with {@code connectorId} replaced. */
    public ClearChargingProfileRequest withConnectorId(Integer connectorId) {
        return new ClearChargingProfileRequest(id, connectorId, chargingProfilePurpose, stackLevel);
    }

    /** A copy with {@code chargingProfilePurpose} replaced. */
    public ClearChargingProfileRequest withChargingProfilePurpose(ChargingProfilePurposeType chargingProfilePurpose) {
        return new ClearChargingProfileRequest(id, connectorId, chargingProfilePurpose, stackLevel);
    }

    /** A copy with {@code stackLevel} replaced. */
    public ClearChargingProfileRequest withStackLevel(Integer stackLevel) {
        return new ClearChargingProfileRequest(id, connectorId, chargingProfilePurpose, stackLevel);
    }

    @Override
    public Action action() {
        return Action.CLEAR_CHARGING_PROFILE;
    }
}
