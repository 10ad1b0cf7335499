package io.chargegate.station.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction as kept in the store (map {@code transactions}, key = connector id) while it runs: written when it
 * starts, on every meter sample and when the CSMS assigns its id; removed when it stops (after its
 * StopTransaction is queued). What is there at startup was cut off by a power loss. Mutable; guarded by the runtime.
 */
final class TxRecord {
    /** Most meter values kept for StopTxnSampledData / StopTxnAlignedData each. */
    static final int MAX_STOP_DATA = 100;

    final long ref;
    final int connectorId;
    final String idTag;
    String parentIdTag;
    final int meterStart;
    final Instant start;
    Integer transactionId;
    Integer reservationId;
    double lastWh;
    Instant lastTime;
    boolean suspended;
    /** Encoded MeterValue JSON for StopTxnSampledData (Transaction.Begin and periodic samples), oldest first. */
    final List<String> sampled = new ArrayList<>();
    /** Encoded MeterValue JSON for StopTxnAlignedData, oldest first. */
    final List<String> aligned = new ArrayList<>();

    TxRecord(long ref, int connectorId, String idTag, String parentIdTag, int meterStart, Instant start) {
        this.ref = ref;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.parentIdTag = parentIdTag;
        this.meterStart = meterStart;
        this.start = start;
        this.lastWh = meterStart;
        this.lastTime = start;
    }

    static void addBounded(List<String> list, String value) {
        list.add(value);
        while (list.size() > MAX_STOP_DATA) {
            list.remove(list.size() > 1 ? 1 : 0); // keep the Transaction.Begin sample, drop the oldest after it
        }
    }

    String encode() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ref", Long.toString(ref));
        m.put("connector", Integer.toString(connectorId));
        m.put("idTag", idTag);
        if (parentIdTag != null) {
            m.put("parent", parentIdTag);
        }
        m.put("meterStart", Integer.toString(meterStart));
        m.put("start", start.toString());
        if (transactionId != null) {
            m.put("txId", transactionId.toString());
        }
        if (reservationId != null) {
            m.put("reservation", reservationId.toString());
        }
        m.put("lastWh", Double.toString(lastWh));
        m.put("lastTime", lastTime.toString());
        m.put("suspended", Boolean.toString(suspended));
        m.put("sampled", String.join("\n", sampled));
        m.put("aligned", String.join("\n", aligned));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static TxRecord decode(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : s.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        TxRecord t = new TxRecord(Long.parseLong(m.get("ref")), Integer.parseInt(m.get("connector")), m.get("idTag"),
                m.get("parent"), Integer.parseInt(m.get("meterStart")), Instant.parse(m.get("start")));
        t.transactionId = m.containsKey("txId") ? Integer.valueOf(m.get("txId")) : null;
        t.reservationId = m.containsKey("reservation") ? Integer.valueOf(m.get("reservation")) : null;
        t.lastWh = Double.parseDouble(m.getOrDefault("lastWh", Integer.toString(t.meterStart)));
        t.lastTime = m.containsKey("lastTime") ? Instant.parse(m.get("lastTime")) : t.start;
        t.suspended = Boolean.parseBoolean(m.getOrDefault("suspended", "false"));
        for (String key : List.of("sampled", "aligned")) {
            String v = m.getOrDefault(key, "");
            if (!v.isEmpty()) {
                (key.equals("sampled") ? t.sampled : t.aligned).addAll(List.of(v.split("\n")));
            }
        }
        return t;
    }
}
