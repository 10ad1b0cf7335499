package io.chargegate.profile.testsupport;

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
import io.chargegate.station.api.ChargingLimits;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Delivery;
import io.chargegate.station.api.ProfileState;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A {@link Station} for a profile's tests. Every operation fails the test with an {@link AssertionError}
 * ("{@code <caller> called Station.<method>}"); a profile's fake overrides the operations its code may call, answering
 * through {@link #record}, which records the call (name and arguments, in order) and throws {@link #failure} when the
 * test set one. The charge point id is {@code CP-TEST} unless overridden.
 */
public class FakeStation implements Station {

    /** One recorded call: the Station method's name and its arguments. */
    public record Call(String method, List<Object> args) {
        /** A call of {@code method} with {@code args} (null arguments allowed). */
        public static Call of(String method, Object... args) {
            return new Call(method, Arrays.asList(args));
        }
    }

    private final String caller;
    private final List<Call> calls = new ArrayList<>();

    /** When not null, every recorded operation throws it after recording the call. */
    public RuntimeException failure;

    /** @param caller who may not call an operation, for the failure message (e.g. {@code "a Core handler"}) */
    protected FakeStation(String caller) {
        this.caller = caller;
    }

    /** The calls recorded so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Records a call of {@code method} with {@code args}, then throws {@link #failure} if set, else returns {@code result}. */
    protected final <T> T record(T result, String method, Object... args) {
        calls.add(Call.of(method, args));
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** The error an operation the code under test has no business calling fails the test with. */
    protected final AssertionError unexpected(String method) {
        return new AssertionError(caller + " called Station." + method);
    }

    @Override
    public String chargePointId() {
        return "CP-TEST";
    }

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
    public ReservationStatus reserve(Reservation reservation) {
        throw unexpected("reserve");
    }

    @Override
    public CancelReservationStatus cancelReservation(int reservationId) {
        throw unexpected("cancelReservation");
    }

    @Override
    public StationStatus status() {
        throw unexpected("status");
    }

    @Override
    public ChargingLimits chargingLimits() {
        throw unexpected("chargingLimits");
    }

    @Override
    public ProfileState profileState(String namespace) {
        throw unexpected("profileState");
    }

    @Override
    public TriggerMessageStatus trigger(MessageTrigger message, Integer connectorId) {
        throw unexpected("trigger");
    }
}
