package io.chargegate.station.api;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import org.osgi.annotation.versioning.ProviderType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One charge point identity's runtime, as profile bundles see it. Registered as a service with the property
 * {@code chargegate.station} (the charge point id). All methods are thread-safe and return quickly; state changes
 * are persisted before they return.
 */
@ProviderType
public interface Station {
    /** The charge point identity. */
    String chargePointId();

    /** The current time on the CSMS's clock (offset learnt from Boot/Heartbeat), never touching the system clock. */
    Instant now();

    /** Number of connectors (1..n); connector 0 is the charge point as a whole. */
    int connectorCount();

    /** A snapshot of one connector (0..n). */
    ConnectorState connector(int connectorId);

    /** Sends a charge-point-initiated message with the given delivery policy. */
    <R extends Response> CompletionStage<R> send(Request<R> request, Delivery delivery);

    // ---- Core profile operations (the runtime owns the state; the Core profile bundle translates CALLs) ----

    /** The known keys and values, restricted to {@code keys} when not empty; unknown names are listed in {@code unknown}. */
    ConfigurationSnapshot configuration(Collection<String> keys);

    /** Changes a configuration key as ChangeConfiguration does. */
    ConfigurationStatus changeConfiguration(String key, String value);

    /** ChangeAvailability for a connector (0 = all). */
    AvailabilityStatus changeAvailability(int connectorId, AvailabilityType type);

    /** RemoteStartTransaction: accepted if the connector can start (authorization per AuthorizeRemoteTxRequests). */
    RemoteStartStopStatus remoteStart(String idTag, Integer connectorId, ChargingProfile chargingProfile);

    /** RemoteStopTransaction. */
    RemoteStartStopStatus remoteStop(int transactionId);

    /** Reset: stops transactions (reason SoftReset/HardReset), then restarts. */
    ResetStatus reset(ResetType type);

    /** UnlockConnector: stops a running transaction there (reason UnlockCommand), then unlocks. */
    UnlockStatus unlock(int connectorId);

    /** ClearCache: empties the authorization cache; false when the cache is disabled. */
    boolean clearAuthorizationCache();

    // ---- Local authorization list (storage and lookup here; SendLocalList handling in the profile bundle) ----

    /** The version of the local authorization list (0 when empty or never sent). */
    int localListVersion();

    /**
     * SendLocalList: a {@code FULL} update replaces the list, a {@code DIFFERENTIAL} one adds/updates the entries
     * with an {@code idTagInfo} and removes those without. {@code VERSION_MISMATCH} when a differential update's
     * version is not above the current one, {@code FAILED} when the list would exceed {@code LocalAuthListMaxLength}
     * or the update exceeds {@code SendLocalListMaxLength} (when those keys are known).
     */
    UpdateStatus sendLocalList(int listVersion, UpdateType updateType, List<AuthorizationData> entries);

    // ---- Reservations (state here; ReserveNow / CancelReservation handling in the reservation profile) ----

    /**
     * ReserveNow: {@code ACCEPTED} when the connector (0 = the charge point) can be reserved; {@code FAULTED},
     * {@code OCCUPIED}, {@code UNAVAILABLE} or {@code REJECTED} otherwise. A reservation with the same id replaces
     * the previous one.
     */
    ReservationStatus reserve(Reservation reservation);

    /** CancelReservation: {@code ACCEPTED} when a reservation with that id existed and was removed. */
    CancelReservationStatus cancelReservation(int reservationId);

    // ---- operator view and smart charging (implemented by the runtime; the defaults only keep older test doubles
    //      compiling and throw UnsupportedOperationException)

    /** A consistent snapshot of the station: connection, registration, queue depth, connectors, transactions. */
    default StationStatus status() {
        throw new UnsupportedOperationException("status() not implemented by " + getClass().getName());
    }

    /** The per-connector charging limits of this station (for the smart charging profile). */
    default ChargingLimits chargingLimits() {
        throw new UnsupportedOperationException("chargingLimits() not implemented by " + getClass().getName());
    }

    /**
     * A durable key-value state of this station for one feature profile ({@code namespace}, e.g.
     * {@code "smartcharging"}): kept in the station's store below the profiles, so a profile bundle that is stopped,
     * updated or reinstalled finds its state again. Values are strings (profiles store JSON they encode themselves,
     * e.g. with {@code io.chargegate.ocpp.rpc.codec.OcppCodec}); every change is durable when the call returns.
     */
    default ProfileState profileState(String namespace) {
        throw new UnsupportedOperationException("profileState() not implemented by " + getClass().getName());
    }

    /**
     * TriggerMessage: sends the requested charge-point-initiated message now (BootNotification,
     * DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues, StatusNotification) for
     * {@code connectorId} where it applies (null: every connector / the whole charge point).
     *
     * @return {@code ACCEPTED} when the message will be sent, {@code REJECTED} for a connector that does not exist
     */
    default TriggerMessageStatus trigger(MessageTrigger message, Integer connectorId) {
        throw new UnsupportedOperationException("trigger() not implemented by " + getClass().getName());
    }

    /** The result of {@link #configuration(Collection)}. */
    record ConfigurationSnapshot(List<KeyValue> known, List<String> unknown) {
        public ConfigurationSnapshot {
            known = List.copyOf(known);
            unknown = List.copyOf(unknown);
        }
    }
}
