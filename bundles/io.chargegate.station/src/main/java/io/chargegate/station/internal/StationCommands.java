package io.chargegate.station.internal;

import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Station;
import io.chargegate.ocpp.model.types.KeyValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Gogo commands {@code chargegate:status|connectors|config|queue} (plain methods; Gogo finds them through the
 * {@code osgi.command.*} properties, so there is no compile dependency on Gogo).
 */
@Component(service = StationCommands.class, property = {"osgi.command.scope=chargegate",
        "osgi.command.function=status", "osgi.command.function=connectors", "osgi.command.function=config",
        "osgi.command.function=queue"})
public final class StationCommands {
    private final Map<String, Station> stations = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStation(Station s) {
        stations.put(s.chargePointId(), s);
    }

    void removeStation(Station s) {
        stations.remove(s.chargePointId(), s);
    }

    /** One line per station. */
    public String status() {
        StringBuilder sb = new StringBuilder();
        for (Station s : stations.values()) {
            sb.append(s instanceof StationRuntime rt ? rt.summary() : s.chargePointId()).append('\n');
        }
        return sb.length() == 0 ? "no stations\n" : sb.toString();
    }

    /** The connectors of one station. */
    public String connectors(String chargePointId) {
        Station s = stations.get(chargePointId);
        if (s == null) {
            return "no station " + chargePointId + "\n";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= s.connectorCount(); i++) {
            ConnectorState c = s.connector(i);
            sb.append(String.format("%d %-13s %-20s %s%s%n", i, c.status().value(), c.errorCode().value(),
                    c.operative() ? "operative" : "inoperative",
                    c.hasTransaction() ? " tx " + (c.transactionId() == null ? "(pending id)" : c.transactionId()) + " " + c.idTag() : ""));
        }
        return sb.toString();
    }

    /** The configuration keys of one station. */
    public String config(String chargePointId) {
        Station s = stations.get(chargePointId);
        if (s == null) {
            return "no station " + chargePointId + "\n";
        }
        StringBuilder sb = new StringBuilder();
        for (KeyValue kv : s.configuration(List.of()).known()) {
            sb.append(kv.key()).append(kv.readonly() ? " (RO)" : "").append(" = ").append(kv.value() == null ? "" : kv.value()).append('\n');
        }
        return sb.toString();
    }

    /** The durable outbound queue of one station. */
    public String queue(String chargePointId) {
        Station s = stations.get(chargePointId);
        if (!(s instanceof StationRuntime rt)) {
            return "no station " + chargePointId + "\n";
        }
        List<String> q = rt.queueSummary();
        return q.isEmpty() ? "queue empty\n" : String.join("\n", q) + "\n";
    }
}
