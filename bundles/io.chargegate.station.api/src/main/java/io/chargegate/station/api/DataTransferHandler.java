package io.chargegate.station.api;

import io.chargegate.ocpp.model.messages.DataTransferRequest;
import io.chargegate.ocpp.model.messages.DataTransferResponse;
import org.osgi.annotation.versioning.ConsumerType;

import java.util.concurrent.CompletionStage;

/**
 * Answers the CSMS-initiated {@code DataTransfer} CALLs of one vendor (whiteboard service). The Core profile bundle
 * routes each DataTransfer CALL to the handler whose {@link #vendorId()} equals the request's {@code vendorId}
 * (compared ignoring case: {@code vendorId} is a {@code CiString255} in OCPP 1.6); with several such handlers, the
 * one with the highest {@code service.ranking} wins (then the lowest {@code service.id}). With none, the CSMS gets
 * {@code UnknownVendorId} without this interface being involved.
 *
 * <p>Contract: {@link #vendorId()} is constant for the life of the service (it is read once, when the service is
 * bound). {@link #handle} receives the request unchanged ({@code messageId} and {@code data} included) and decides
 * everything else itself: {@code Accepted} or {@code Rejected} with optional response {@code data}, or
 * {@code UnknownMessageId} for a {@code messageId} it does not know. It returns quickly; long work completes the
 * stage later, bounded by the runtime's handler timeout. Throwing, or completing the stage exceptionally, answers
 * the CALL with {@code InternalError} (an {@link io.chargegate.ocpp.rpc.OcppException} answers with its own code).
 * Like every handler it keeps no state of its own that must survive a restart.
 */
@ConsumerType
public interface DataTransferHandler {
    /** The vendor this handler answers for (1..255 characters, constant). */
    String vendorId();

    /** Handles one DataTransfer CALL from the CSMS addressed to {@code station}. */
    CompletionStage<DataTransferResponse> handle(Station station, DataTransferRequest request);
}
