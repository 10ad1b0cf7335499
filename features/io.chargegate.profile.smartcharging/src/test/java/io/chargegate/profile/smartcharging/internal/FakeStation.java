package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.station.api.ChargingLimits;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.ProfileState;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link Station} for the smart charging tests: a settable clock, connectors with or without a transaction, an
 * in-memory {@link ProfileState} that outlives components (like the store), and {@link ChargingLimits} that record
 * every {@code setLimit}. Core operations fail the test.
 */
final class FakeStation extends io.chargegate.profile.testsupport.FakeStation {

    /** A running transaction. */
    record Tx(Integer transactionId, String idTag, Instant started) {
    }

    /** One recorded setLimit call. */
    record LimitCall(Instant at, int connectorId, ChargingLimits.Limit limit) {
    }

    private final String id;
    private final int connectors;
    private Instant now;
    private final Map<Integer, Tx> transactions = new HashMap<>();
    /** The durable state, by namespace (shared with a "restarted" component). */
    final Map<String, TreeMap<String, String>> state = new HashMap<>();
    private final List<LimitCall> limitCalls = new ArrayList<>();
    private final Map<Integer, ChargingLimits.Limit> limits = new HashMap<>();
    boolean profileStateSupported = true;

    FakeStation(String id, int connectors, Instant now) {
        super("the smart charging profile");
        this.id = id;
        this.connectors = connectors;
        this.now = now;
    }

    void setNow(Instant now) {
        this.now = now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    /** Starts a transaction on {@code connectorId} now (as the runtime records it, before listeners hear of it). */
    void startTransaction(int connectorId, Integer transactionId) {
        transactions.put(connectorId, new Tx(transactionId, "TAG" + connectorId, now));
    }

    void stopTransaction(int connectorId) {
        transactions.remove(connectorId);
    }

    /** The limit last set on a connector (null: none set, or set back to the default). */
    ChargingLimits.Limit limit(int connectorId) {
        return limits.get(connectorId);
    }

    List<LimitCall> limitCalls() {
        return List.copyOf(limitCalls);
    }

    @Override
    public String chargePointId() {
        return id;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public int connectorCount() {
        return connectors;
    }

    @Override
    public ConnectorState connector(int connectorId) {
        Tx tx = transactions.get(connectorId);
        return new ConnectorState(connectorId, tx == null ? ChargePointStatus.AVAILABLE : ChargePointStatus.CHARGING,
                ChargePointErrorCode.NO_ERROR, null, tx == null ? null : tx.transactionId(),
                tx == null ? null : tx.idTag(), true);
    }

    @Override
    public StationStatus status() {
        List<ConnectorState> cs = new ArrayList<>();
        List<StationStatus.Transaction> txs = new ArrayList<>();
        for (int c = 0; c <= connectors; c++) {
            cs.add(connector(c));
            Tx tx = transactions.get(c);
            if (tx != null) {
                txs.add(new StationStatus.Transaction(c, tx.transactionId(), tx.idTag(), tx.started(), 0, 0));
            }
        }
        return new StationStatus(id, true, null, 0, cs, txs, 0);
    }

    @Override
    public ChargingLimits chargingLimits() {
        return new ChargingLimits() {
            @Override
            public void setLimit(int connectorId, Limit limit) {
                if (connectorId < 1 || connectorId > connectors) {
                    throw new IllegalArgumentException("no connector " + connectorId);
                }
                limitCalls.add(new LimitCall(now, connectorId, limit));
                limits.put(connectorId, limit);
            }

            @Override
            public Limit limit(int connectorId) {
                return limits.get(connectorId);
            }
        };
    }

    @Override
    public ProfileState profileState(String namespace) {
        if (!profileStateSupported) {
            throw new UnsupportedOperationException("no profile state");
        }
        TreeMap<String, String> map = state.computeIfAbsent(namespace, n -> new TreeMap<>());
        return new ProfileState() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public boolean remove(String key) {
                return map.remove(key) != null;
            }

            @Override
            public Map<String, String> snapshot() {
                return Collections.unmodifiableMap(new TreeMap<>(map));
            }
        };
    }
}
