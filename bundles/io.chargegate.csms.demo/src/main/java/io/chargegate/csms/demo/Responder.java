package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A custom answer of the demo central system to one action, replacing its default behaviour (see
 * {@link ChargePointConnection#setResponder} and {@link DemoCentralSystem#setResponder}). It runs on the
 * connection's receiving thread: it must not block for long.
 *
 * <p>Returning a response sends it as the CALLRESULT; throwing an {@link io.chargegate.ocpp.rpc.OcppException}
 * answers with a CALLERROR of its code and description; any other exception, a null or a response of the wrong type
 * is answered with CALLERROR {@code InternalError}. Write lambdas with a typed parameter, e.g.
 * {@code (StartTransactionRequest r) -> new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.INVALID), 7)}.
 *
 * @param <Q> the request type of the action
 * @param <R> its response type
 */
@ConsumerType
@FunctionalInterface
public interface Responder<Q extends Request<R>, R extends Response> {
    /** The answer to {@code request}. */
    R respond(Q request);
}
