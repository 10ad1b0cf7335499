package io.chargegate.station.api;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import org.osgi.annotation.versioning.ConsumerType;

import java.util.concurrent.CompletionStage;

/**
 * Answers one CSMS-initiated action for every station (whiteboard service). The runtime routes an inbound CALL
 * for {@link #action()} to the highest-ranked handler registered now; with none it answers {@code NotSupported}.
 *
 * <p>Contract: return quickly; long work completes the stage later (bounded by the runtime's handler timeout,
 * after which {@code InternalError} is answered). Throw {@link io.chargegate.ocpp.rpc.OcppException} to answer
 * with a specific CALLERROR code; any other exception answers {@code InternalError}. A handler keeps no state
 * of its own that must survive: state belongs to the {@link Station}.
 *
 * @param <Q> request type
 * @param <R> response type
 */
@ConsumerType
public interface ActionHandler<Q extends Request<R>, R extends Response> {
    /** The action handled. */
    Action action();

    /** Handles one CALL addressed to {@code station}. */
    CompletionStage<R> handle(Station station, Q request);
}
