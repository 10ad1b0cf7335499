package io.chargegate.ocpp.model.types;

import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * A charging profile: a schedule with its purpose, kind, stack level and validity (csChargingProfiles).
 *
 * @param transactionId only for purpose TxProfile: the transaction the profile applies to
 * @param stackLevel precedence among profiles of the same purpose; higher wins
 * @param recurrencyKind only for kind Recurring
 */
public record ChargingProfile(
        @Required int chargingProfileId,
        Integer transactionId,
        @Required int stackLevel,
        @Required ChargingProfilePurposeType chargingProfilePurpose,
        @Required ChargingProfileKindType chargingProfileKind,
        RecurrencyKindType recurrencyKind,
        Instant validFrom,
        Instant validTo,
        @Required ChargingSchedule chargingSchedule) implements Payload {

    /** Creates the value with its required properties only. */
    public ChargingProfile(
            int chargingProfileId, int stackLevel, ChargingProfilePurposeType chargingProfilePurpose,
            ChargingProfileKindType chargingProfileKind, ChargingSchedule chargingSchedule) {
        this(
                chargingProfileId, null, stackLevel, chargingProfilePurpose, chargingProfileKind, null, null, null,
                chargingSchedule);
    }

    /** A copy with {@code transactionId} replaced. */
    public ChargingProfile withTransactionId(Integer transactionId) {
        return new ChargingProfile(
                chargingProfileId, transactionId, stackLevel, chargingProfilePurpose, chargingProfileKind,
                recurrencyKind, validFrom, validTo, chargingSchedule);
    }

    /** A copy with {@code recurrencyKind} replaced. */
    public ChargingProfile withRecurrencyKind(RecurrencyKindType recurrencyKind) {
        return new ChargingProfile(
                chargingProfileId, transactionId, stackLevel, chargingProfilePurpose, chargingProfileKind,
                recurrencyKind, validFrom, validTo, chargingSchedule);
    }

    /** A copy with {@code validFrom} replaced. */
    public ChargingProfile withValidFrom(Instant validFrom) {
        return new ChargingProfile(
                chargingProfileId, transactionId, stackLevel, chargingProfilePurpose, chargingProfileKind,
                recurrencyKind, validFrom, validTo, chargingSchedule);
    }

    /** A copy with {@code validTo} replaced. */
    public ChargingProfile withValidTo(Instant validTo) {
        return new ChargingProfile(
                chargingProfileId, transactionId, stackLevel, chargingProfilePurpose, chargingProfileKind,
                recurrencyKind, validFrom, validTo, chargingSchedule);
    }
}
