package io.chargegate.station.api;

import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The charging limit of each connector of one station (see {@link Station#chargingLimits()}), for the smart
 * charging profile. The runtime passes the limit in force to the connector's EVSE driver at once and again whenever
 * a driver is (re)bound. Without a limit set here a connector runs at the station's configured default limit
 * ({@code defaultLimitAmperes}; none configured = the hardware maximum). Limits are held in memory: the profile that
 * sets them keeps its charging profiles in the store and sets them again after a restart. When the
 * {@code SMART_CHARGING} {@link FeatureProfileProvider} goes away, the limits set here are held for the station's
 * {@code smartChargingHoldSeconds}, then replaced by its {@code smartChargingFallbackLimitAmperes} (never above the
 * held limit nor the hardware maximum); they stay until the profile, back again, sets its own.
 */
@ProviderType
public interface ChargingLimits {
    /**
     * Sets the limit of one connector from now on.
     *
     * @param connectorId 1..n
     * @param limit       the limit, or null to return to the station's default limit
     * @throws IllegalArgumentException for an unknown connector
     */
    void setLimit(int connectorId, Limit limit);

    /** The limit in force now on a connector (1..n): the one set, else the default; null when none is known yet. */
    Limit limit(int connectorId);

    /**
     * A limit as OCPP expresses it in a charging schedule period.
     *
     * @param value  the limit in {@code unit} (0 = no energy)
     * @param unit   amperes per phase or watts
     * @param phases number of phases to use (1 or 3), or null for "as connected"
     */
    record Limit(double value, ChargingRateUnitType unit, Integer phases) {
        public Limit {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("limit must be >= 0, got " + value);
            }
            if (unit == null) {
                throw new IllegalArgumentException("unit is required");
            }
            if (phases != null && phases != 1 && phases != 3) {
                throw new IllegalArgumentException("phases must be 1 or 3, got " + phases);
            }
        }
    }
}
