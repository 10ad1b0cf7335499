package io.chargegate.station.api;

import io.chargegate.ocpp.model.types.ChargingProfile;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when transactions start and end (whiteboard service; for example the smart charging profile, which applies
 * the {@code chargingProfile} of a RemoteStartTransaction). Called without locks held; must return quickly.
 */
@ConsumerType
public interface TransactionListener {
    /**
     * A transaction started on {@code connectorId}.
     *
     * @param chargingProfile the TxProfile sent with RemoteStartTransaction, or null
     */
    void transactionStarted(Station station, int connectorId, String idTag, ChargingProfile chargingProfile);

    /**
     * The transaction on {@code connectorId} ended.
     *
     * @param transactionId the CSMS transaction id, or null when the CSMS has not assigned one yet
     */
    void transactionStopped(Station station, int connectorId, Integer transactionId);
}
