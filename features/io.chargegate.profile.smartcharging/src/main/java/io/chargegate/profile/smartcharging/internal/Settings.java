package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingRateUnitType;
import io.chargegate.station.api.ConfigurationKey;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits and constants of the smart charging engine. The first four are published as the read-only
 * configuration keys of the SmartCharging profile, so what GetConfiguration reports is what SetChargingProfile
 * enforces.
 *
 * @param maxStackLevel                {@code ChargeProfileMaxStackLevel}
 * @param maxPeriods                   {@code ChargingScheduleMaxPeriods}
 * @param maxInstalled                 {@code MaxChargingProfilesInstalled}
 * @param allowedUnits                 {@code ChargingScheduleAllowedChargingRateUnit} (A = Current, W = Power)
 * @param nominalVoltage               volts per phase used to convert between A and W
 * @param compositeDefaultLimitAmperes the limit GetCompositeSchedule reports for instants no profile limits
 */
record Settings(int maxStackLevel, int maxPeriods, int maxInstalled, Set<ChargingRateUnitType> allowedUnits,
                double nominalVoltage, double compositeDefaultLimitAmperes) {

    /** Name of the key {@code ChargeProfileMaxStackLevel}. */
    static final String MAX_STACK_LEVEL = "ChargeProfileMaxStackLevel";
    /** Name of the key {@code ChargingScheduleAllowedChargingRateUnit}. */
    static final String ALLOWED_UNITS = "ChargingScheduleAllowedChargingRateUnit";
    /** Name of the key {@code ChargingScheduleMaxPeriods}. */
    static final String MAX_PERIODS = "ChargingScheduleMaxPeriods";
    /** Name of the key {@code MaxChargingProfilesInstalled}. */
    static final String MAX_INSTALLED = "MaxChargingProfilesInstalled";
    /** Name of the key {@code ConnectorSwitch3to1PhaseSupported}. */
    static final String SWITCH_3_TO_1 = "ConnectorSwitch3to1PhaseSupported";

    Settings {
        allowedUnits = Set.copyOf(allowedUnits);
        if (maxStackLevel < 0 || maxPeriods < 1 || maxInstalled < 1 || allowedUnits.isEmpty()) {
            throw new IllegalArgumentException("invalid smart charging limits");
        }
        if (!(nominalVoltage > 0) || Double.isInfinite(nominalVoltage)) {
            throw new IllegalArgumentException("nominalVoltage must be > 0, got " + nominalVoltage);
        }
        if (!(compositeDefaultLimitAmperes >= 0) || Double.isInfinite(compositeDefaultLimitAmperes)) {
            throw new IllegalArgumentException("compositeDefaultLimitAmperes must be >= 0, got "
                    + compositeDefaultLimitAmperes);
        }
    }

    /** The defaults: stack levels 0..10, 24 periods, 20 profiles, A and W, 230 V, 32 A. */
    static Settings defaults() {
        return withElectrical(230.0, 32.0);
    }

    /** The default limits with the given electrical constants. */
    static Settings withElectrical(double nominalVoltage, double compositeDefaultLimitAmperes) {
        return new Settings(10, 24, 20, EnumSet.allOf(ChargingRateUnitType.class), nominalVoltage,
                compositeDefaultLimitAmperes);
    }

    /** The read-only configuration keys of the SmartCharging profile. */
    List<ConfigurationKey> configurationKeys() {
        String units = EnumSet.copyOf(allowedUnits).stream()
                .map(u -> u == ChargingRateUnitType.A ? "Current" : "Power")
                .collect(Collectors.joining(","));
        return List.of(
                ConfigurationKey.readOnly(MAX_STACK_LEVEL, Integer.toString(maxStackLevel)),
                ConfigurationKey.readOnly(ALLOWED_UNITS, units),
                ConfigurationKey.readOnly(MAX_PERIODS, Integer.toString(maxPeriods)),
                ConfigurationKey.readOnly(MAX_INSTALLED, Integer.toString(maxInstalled)),
                ConfigurationKey.readOnly(SWITCH_3_TO_1, "false"));
    }
}
