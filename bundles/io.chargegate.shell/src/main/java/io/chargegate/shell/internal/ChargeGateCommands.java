package io.chargegate.shell.internal;

import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The operator commands {@code chargegate:status} and {@code chargegate:config} over every {@link Station} service
 * (no compile dependency on Gogo: Gogo finds the plain public methods through the {@code osgi.command.*} properties
 * and prints what they return).
 *
 * <ul>
 *   <li>{@code chargegate:status [station]}: per station the connection, the registration status, the outbound queue
 *       depth, every connector with status and error code, and the open transactions with id, idTag and energy.</li>
 *   <li>{@code chargegate:config [-s station | station] [key [value]]}: lists all keys of a station, shows one, or
 *       changes one with ChangeConfiguration semantics and prints the resulting status ({@code Accepted},
 *       {@code RebootRequired}, {@code Rejected}, {@code NotSupported}). The station may be left out when there is
 *       only one.</li>
 * </ul>
 * Errors (unknown station, several stations and none named, unknown key, bad usage) are thrown as
 * {@link IllegalArgumentException} / {@link IllegalStateException} with a readable message, which Gogo prints.
 */
@Component(service = ChargeGateCommands.class, property = {"osgi.command.scope=chargegate",
        "osgi.command.function=status", "osgi.command.function=config"})
public final class ChargeGateCommands {
    private static final String CONFIG_USAGE = "usage: chargegate:config [-s <station>|<station>] [<key> [<value>]]";
    /** Keys whose value is never echoed (ChangeConfiguration of AuthorizationKey). */
    private static final String SECRET_KEY = "AuthorizationKey";

    private final List<Station> stations = new CopyOnWriteArrayList<>();

    /** Creates the command service with no stations (DS binds them). */
    public ChargeGateCommands() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStation")
    void addStation(Station station) {
        stations.add(station);
    }

    void removeStation(Station station) {
        stations.remove(station);
    }

    // ---------------------------------------------------------------- status

    /** {@code chargegate:status}: every station. */
    public String status() {
        List<Station> all = sorted();
        if (all.isEmpty()) {
            return "No stations.";
        }
        StringBuilder sb = new StringBuilder();
        for (Station s : all) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            appendStatus(sb, s);
        }
        return sb.toString().stripTrailing();
    }

    /** {@code chargegate:status <station>}: one station. */
    public String status(String station) {
        StringBuilder sb = new StringBuilder();
        appendStatus(sb, find(station));
        return sb.toString().stripTrailing();
    }

    private static void appendStatus(StringBuilder sb, Station s) {
        StationStatus st;
        try {
            st = s.status();
        } catch (RuntimeException e) {
            sb.append("Station ").append(safeId(s)).append(": status not available (").append(e.getMessage()).append(")\n");
            return;
        }
        sb.append("Station ").append(st.chargePointId()).append(": ").append(st.connected() ? "connected" : "offline")
                .append(", registration ").append(st.registration() == null ? "none" : st.registration().value())
                .append(", outbound queue ").append(st.queueDepth()).append('\n');
        sb.append(String.format("  %-10s%-15s%-22s%s%n", "Connector", "Status", "Error code", "Remarks"));
        for (ConnectorState c : st.connectors()) {
            List<String> remarks = new ArrayList<>();
            if (c.vendorErrorCode() != null) {
                remarks.add("vendor code " + c.vendorErrorCode());
            }
            if (!c.operative()) {
                remarks.add("inoperative");
            }
            sb.append(String.format("  %-10d%-15s%-22s%s", c.connectorId(), c.status().value(), c.errorCode().value(),
                    String.join(", ", remarks)).stripTrailing()).append('\n');
        }
        if (st.transactions().isEmpty()) {
            sb.append("  Transactions: none\n");
            return;
        }
        sb.append("  Transactions:\n");
        for (StationStatus.Transaction t : st.transactions()) {
            sb.append(String.format(Locale.ROOT, "    connector %d  id %s  idTag %s  energy %.3f kWh  since %s%n",
                    t.connectorId(), t.transactionId() == null ? "(pending)" : t.transactionId().toString(), t.idTag(),
                    t.energyWh() / 1000.0, t.started()));
        }
    }

    // ---------------------------------------------------------------- config

    /** {@code chargegate:config}: all keys of the only station. */
    public String config() {
        return config(List.of());
    }

    /** {@code chargegate:config <key>} or {@code chargegate:config <station>}. */
    public String config(String a) {
        return config(List.of(a));
    }

    /** {@code chargegate:config <key> <value>}, {@code <station> <key>} or {@code -s <station>}. */
    public String config(String a, String b) {
        return config(List.of(a, b));
    }

    /** {@code chargegate:config <station> <key> <value>} or {@code -s <station> <key>}. */
    public String config(String a, String b, String c) {
        return config(List.of(a, b, c));
    }

    /** {@code chargegate:config -s <station> <key> <value>}. */
    public String config(String a, String b, String c, String d) {
        return config(List.of(a, b, c, d));
    }

    private String config(List<String> args) {
        Station s;
        List<String> rest;
        if (!args.isEmpty() && args.get(0).equals("-s")) {
            if (args.size() < 2) {
                throw new IllegalArgumentException("-s needs a station id; " + CONFIG_USAGE);
            }
            s = find(args.get(1));
            rest = args.subList(2, args.size());
        } else if (!args.isEmpty() && byId(args.get(0)) != null) {
            s = byId(args.get(0));
            rest = args.subList(1, args.size());
        } else {
            s = only();
            rest = args;
        }
        if (rest.size() > 2) {
            throw new IllegalArgumentException(CONFIG_USAGE);
        }
        String id = s.chargePointId();
        if (rest.isEmpty()) {
            return listKeys(s);
        }
        String key = rest.get(0);
        if (rest.size() == 1) {
            Station.ConfigurationSnapshot snap = s.configuration(List.of(key));
            if (snap.known().isEmpty()) {
                throw new IllegalArgumentException(id + ": no configuration key " + key);
            }
            KeyValue kv = snap.known().get(0);
            return id + ": " + kv.key() + " = " + shown(kv) + (kv.readonly() ? "  (read-only)" : "");
        }
        String value = rest.get(1);
        ConfigurationStatus result = s.changeConfiguration(key, value);
        String echoed = SECRET_KEY.equals(key) ? "***" : value;
        return id + ": " + key + " = " + echoed + ": " + (result == null ? "no answer" : result.value());
    }

    private static String listKeys(Station s) {
        List<KeyValue> keys = s.configuration(List.of()).known();
        int width = 0;
        for (KeyValue kv : keys) {
            width = Math.max(width, kv.key().length());
        }
        StringBuilder sb = new StringBuilder("Station ").append(s.chargePointId()).append(": ").append(keys.size())
                .append(" configuration keys\n");
        for (KeyValue kv : keys) {
            sb.append(String.format("  %-" + width + "s  %s%s", kv.key(), shown(kv), kv.readonly() ? "  (read-only)" : "")
                    .stripTrailing()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String shown(KeyValue kv) {
        return kv.value() == null ? "(no value)" : kv.value();
    }

    // ---------------------------------------------------------------- stations

    private List<Station> sorted() {
        List<Station> all = new ArrayList<>(stations);
        all.sort(Comparator.comparing(ChargeGateCommands::safeId));
        return all;
    }

    private Station byId(String id) {
        for (Station s : stations) {
            if (safeId(s).equals(id)) {
                return s;
            }
        }
        return null;
    }

    private Station find(String id) {
        Station s = byId(id);
        if (s == null) {
            throw new IllegalArgumentException("no station " + id + "; stations: " + ids());
        }
        return s;
    }

    private Station only() {
        List<Station> all = sorted();
        if (all.isEmpty()) {
            throw new IllegalStateException("no stations");
        }
        if (all.size() > 1) {
            throw new IllegalArgumentException(all.size() + " stations (" + ids()
                    + "): name one with -s <station> or as the first argument");
        }
        return all.get(0);
    }

    private String ids() {
        List<String> ids = sorted().stream().map(ChargeGateCommands::safeId).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String safeId(Station s) {
        try {
            return s.chargePointId();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
