package io.chargegate.station.api;

import io.chargegate.ocpp.model.types.RegistrationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one station for operators and monitoring (see {@link Station#status()}). Taken atomically: the
 * connectors, transactions and queue depth belong to the same instant.
 *
 * @param chargePointId the charge point identity
 * @param connected     whether the WebSocket connection to the CSMS is open now
 * @param registration  the answer to the last BootNotification ({@code Accepted}, {@code Pending},
 *                      {@code Rejected}), or null before the first answer and after a restart
 * @param queueDepth    transactional messages persisted and not yet answered by the CSMS (StartTransaction,
 *                      StopTransaction, transaction MeterValues)
 * @param connectors    connector 0 (the charge point) first, then 1..n
 * @param transactions  the transactions running now, by connector id
 * @param bootCount     how many BootNotifications of this station were answered {@code Accepted} since its runtime
 *                      was created in this process: 0 at first, +1 for each accepted BootNotification, including the
 *                      one after an in-process Reset and a triggered one; never decreases for the same
 *                      {@code Station} service object, starts again at 0 when the gateway process restarts. Compare
 *                      two values to learn that the station booted again in between (e.g. after a Reset)
 */
public record StationStatus(String chargePointId, boolean connected, RegistrationStatus registration, int queueDepth,
                            List<ConnectorState> connectors, List<Transaction> transactions, long bootCount) {
    public StationStatus {
        Objects.requireNonNull(chargePointId, "chargePointId");
        if (bootCount < 0) {
            throw new IllegalArgumentException("bootCount < 0: " + bootCount);
        }
        connectors = List.copyOf(connectors);
        transactions = List.copyOf(transactions);
    }

    /**
     * One running transaction.
     *
     * @param connectorId   the connector (1..n)
     * @param transactionId the CSMS transaction id, or null while a transaction started offline awaits its id
     * @param idTag         the idTag that started it
     * @param started       when it started (CSMS clock)
     * @param meterStartWh  the energy register at the start, in Wh
     * @param meterNowWh    the energy register at the last reading, in Wh
     */
    public record Transaction(int connectorId, Integer transactionId, String idTag, Instant started, int meterStartWh,
                              int meterNowWh) {
        /** The energy delivered so far, in Wh (never negative). */
        public int energyWh() {
            return Math.max(0, meterNowWh - meterStartWh);
        }
    }
}
