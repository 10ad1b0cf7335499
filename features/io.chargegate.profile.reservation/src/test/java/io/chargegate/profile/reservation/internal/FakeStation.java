package io.chargegate.profile.reservation.internal;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Delivery;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A {@link Station} for tests: records every reservation operation called (name and arguments) and answers with the
 * result the test set. Operations a Reservation handler has no business calling fail the test.
 */
final class FakeStation implements Station {

    /** One recorded call. */
    record Call(String method, List<Object> args) {
        static Call of(String method, Object... args) {
            return new Call(method, Arrays.asList(args));
        }
    }

    private final List<Call> calls = new ArrayList<>();

    ReservationStatus reserveResult = ReservationStatus.ACCEPTED;
    CancelReservationStatus cancelResult = CancelReservationStatus.ACCEPTED;
    RuntimeException failure;

    /** The calls recorded so far, in order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    private <T> T record(T result, String method, Object... args) {
        calls.add(Call.of(method, args));
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Override
    public String chargePointId() {
        return "CP-TEST";
    }

    @Override
    public ReservationStatus reserve(Reservation reservation) {
        return record(reserveResult, "reserve", reservation);
    }

    @Override
    public CancelReservationStatus cancelReservation(int reservationId) {
        return record(cancelResult, "cancelReservation", reservationId);
    }

    // ---- not for the Reservation handlers ----

    @Override
    public Instant now() {
        throw unexpected("now");
    }

    @Override
    public int connectorCount() {
        throw unexpected("connectorCount");
    }

    @Override
    public ConnectorState connector(int connectorId) {
        throw unexpected("connector");
    }

    @Override
    public <R extends Response> CompletionStage<R> send(Request<R> request, Delivery delivery) {
        throw unexpected("send");
    }

    @Override
    public ConfigurationSnapshot configuration(Collection<String> keys) {
        throw unexpected("configuration");
    }

    @Override
    public ConfigurationStatus changeConfiguration(String key, String value) {
        throw unexpected("changeConfiguration");
    }

    @Override
    public AvailabilityStatus changeAvailability(int connectorId, AvailabilityType type) {
        throw unexpected("changeAvailability");
    }

    @Override
    public RemoteStartStopStatus remoteStart(String idTag, Integer connectorId, ChargingProfile chargingProfile) {
        throw unexpected("remoteStart");
    }

    @Override
    public RemoteStartStopStatus remoteStop(int transactionId) {
        throw unexpected("remoteStop");
    }

    @Override
    public ResetStatus reset(ResetType type) {
        throw unexpected("reset");
    }

    @Override
    public UnlockStatus unlock(int connectorId) {
        throw unexpected("unlock");
    }

    @Override
    public boolean clearAuthorizationCache() {
        throw unexpected("clearAuthorizationCache");
    }

    @Override
    public int localListVersion() {
        throw unexpected("localListVersion");
    }

    @Override
    public UpdateStatus sendLocalList(int listVersion, UpdateType updateType, List<AuthorizationData> entries) {
        throw unexpected("sendLocalList");
    }

    @Override
    public TriggerMessageStatus trigger(MessageTrigger message, Integer connectorId) {
        throw unexpected("trigger");
    }

    private static AssertionError unexpected(String method) {
        return new AssertionError("a Reservation handler called Station." + method);
    }
}
