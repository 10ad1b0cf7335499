package io.chargegate.shell.internal;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.CancelReservationStatus;
import io.chargegate.ocpp.model.types.ChargingProfile;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.ReservationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.UnlockStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Delivery;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A Station with a fixed status and an in-memory configuration: read-write keys validated as integers, read-only keys
 * rejected, unknown keys not supported. Operations the shell never uses throw.
 */
class FakeStation implements Station {
    final String id;
    StationStatus status;
    final Map<String, String> values = new LinkedHashMap<>();
    final Set<String> readonly;
    final List<String> changes = new ArrayList<>();

    FakeStation(String id, StationStatus status, Map<String, String> values, Set<String> readonly) {
        this.id = id;
        this.status = status;
        this.values.putAll(values);
        this.readonly = readonly;
    }

    @Override
    public String chargePointId() {
        return id;
    }

    @Override
    public StationStatus status() {
        return status;
    }

    @Override
    public ConfigurationSnapshot configuration(Collection<String> keys) {
        List<KeyValue> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String k : keys.isEmpty() ? values.keySet() : keys) {
            if (values.containsKey(k)) {
                known.add(new KeyValue(k, readonly.contains(k), values.get(k)));
            } else {
                unknown.add(k);
            }
        }
        return new ConfigurationSnapshot(known, unknown);
    }

    @Override
    public ConfigurationStatus changeConfiguration(String key, String value) {
        changes.add(key + "=" + value);
        if (!values.containsKey(key)) {
            return ConfigurationStatus.NOT_SUPPORTED;
        }
        if (readonly.contains(key)) {
            return ConfigurationStatus.REJECTED;
        }
        if (!key.equals("AuthorizationKey")) {
            try {
                Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return ConfigurationStatus.REJECTED;
            }
        }
        values.put(key, value);
        return ConfigurationStatus.ACCEPTED;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public int connectorCount() {
        return status.connectors().size() - 1;
    }

    @Override
    public ConnectorState connector(int connectorId) {
        return status.connectors().get(connectorId);
    }

    @Override
    public <R extends Response> CompletionStage<R> send(Request<R> request, Delivery delivery) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AvailabilityStatus changeAvailability(int connectorId, AvailabilityType type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RemoteStartStopStatus remoteStart(String idTag, Integer connectorId, ChargingProfile chargingProfile) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RemoteStartStopStatus remoteStop(int transactionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ResetStatus reset(ResetType type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UnlockStatus unlock(int connectorId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean clearAuthorizationCache() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int localListVersion() {
        throw new UnsupportedOperationException();
    }

    @Override
    public UpdateStatus sendLocalList(int listVersion, UpdateType updateType, List<AuthorizationData> entries) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ReservationStatus reserve(Reservation reservation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CancelReservationStatus cancelReservation(int reservationId) {
        throw new UnsupportedOperationException();
    }
}
