package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ChargingProfileKindType;
import io.chargegate.ocpp.model.types.ChargingProfilePurposeType;
import io.chargegate.ocpp.model.types.ChargingSchedule;
import io.chargegate.ocpp.model.types.ChargingSchedulePeriod;

import java.util.List;

/**
 * The checks SetChargingProfile applies before installing a profile (OCPP 1.6 §5.16 and the SmartCharging
 * configuration keys). Each failing check is a {@code Rejected} answer; {@link #rejection} names the reason for the
 * log.
 */
final class ProfileRules {

    private ProfileRules() {
    }

    /**
     * Why {@code profile} cannot be installed on {@code connectorId}, or null when it can.
     *
     * @param tx          the transaction running on the connector now, or null
     * @param remoteStart true for the TxProfile of a RemoteStartTransaction (its transaction has no id yet, so a
     *                    transactionId in the profile cannot be checked and is not held against it)
     * @param now         epoch seconds
     */
    static String rejection(int connectorId, ChargingProfile profile, Settings settings, int connectorCount,
                            TxInfo tx, boolean remoteStart, long now) {
        if (connectorId < 0 || connectorId > connectorCount) {
            return "unknown connector " + connectorId;
        }
        ChargingProfilePurposeType purpose = profile.chargingProfilePurpose();
        ChargingProfileKindType kind = profile.chargingProfileKind();
        ChargingSchedule schedule = profile.chargingSchedule();
        if (purpose == null || kind == null || schedule == null || schedule.chargingRateUnit() == null) {
            return "purpose, kind, schedule and unit are required";
        }
        if (profile.stackLevel() < 0 || profile.stackLevel() > settings.maxStackLevel()) {
            return "stackLevel " + profile.stackLevel() + " outside 0.." + settings.maxStackLevel();
        }
        if (purpose == ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE && connectorId != 0) {
            return "ChargePointMaxProfile only on connector 0";
        }
        if (purpose != ChargingProfilePurposeType.TX_PROFILE && profile.transactionId() != null) {
            return "transactionId only for TxProfile";
        }
        if (purpose == ChargingProfilePurposeType.TX_PROFILE) {
            if (connectorId == 0) {
                return "TxProfile needs a connector > 0";
            }
            if (tx == null) {
                return "no transaction on connector " + connectorId;
            }
            Integer wanted = profile.transactionId();
            if (wanted != null && !(tx.transactionId() == null ? remoteStart : wanted.equals(tx.transactionId()))) {
                return "transactionId " + wanted + " is not the running transaction " + tx.transactionId();
            }
        }
        switch (kind) {
            case ABSOLUTE -> {
                if (schedule.startSchedule() == null) {
                    return "Absolute profile without startSchedule";
                }
            }
            case RECURRING -> {
                if (schedule.startSchedule() == null || profile.recurrencyKind() == null) {
                    return "Recurring profile needs recurrencyKind and startSchedule";
                }
            }
            case RELATIVE -> {
                if (purpose == ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE) {
                    return "ChargePointMaxProfile cannot be Relative (no transaction to relate to)";
                }
            }
        }
        if (!settings.allowedUnits().contains(schedule.chargingRateUnit())) {
            return "charging rate unit " + schedule.chargingRateUnit().value() + " not allowed";
        }
        String periods = periodsRejection(schedule.chargingSchedulePeriod(), settings.maxPeriods());
        if (periods != null) {
            return periods;
        }
        if (schedule.duration() != null && schedule.duration() <= 0) {
            return "duration must be > 0";
        }
        if (schedule.minChargingRate() != null && !(schedule.minChargingRate() >= 0)) {
            return "minChargingRate must be >= 0";
        }
        if (profile.validFrom() != null && profile.validTo() != null
                && !profile.validTo().isAfter(profile.validFrom())) {
            return "validTo not after validFrom";
        }
        if (profile.validTo() != null && ScheduleEngine.seconds(profile.validTo()) <= now) {
            return "validTo is in the past";
        }
        return null;
    }

    private static String periodsRejection(List<ChargingSchedulePeriod> periods, int maxPeriods) {
        if (periods == null || periods.isEmpty()) {
            return "no chargingSchedulePeriod";
        }
        if (periods.size() > maxPeriods) {
            return periods.size() + " periods, at most " + maxPeriods;
        }
        if (periods.get(0).startPeriod() != 0) {
            return "the first period must start at 0";
        }
        int previous = -1;
        for (ChargingSchedulePeriod p : periods) {
            if (p.startPeriod() <= previous) {
                return "startPeriod values must increase";
            }
            previous = p.startPeriod();
            if (!(p.limit() >= 0) || Double.isInfinite(p.limit())) {
                return "limit must be >= 0";
            }
            if (p.numberPhases() != null && p.numberPhases() != 1 && p.numberPhases() != 3) {
                return "numberPhases must be 1 or 3";
            }
        }
        return null;
    }
}
