package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import org.osgi.annotation.versioning.ConsumerType;

import java.util.concurrent.CompletionStage;

/**
 * Answers inbound CALLs of one action (see {@link RpcSession#addHandler}).
 *
 * <p>The session sends exactly one reply per CALL: the CALLRESULT with the response the returned stage completes
 * with; a CALLERROR with the code, description and details of an {@link OcppException} the handler throws or
 * the stage fails with; {@code InternalError} for any other failure, for a response that is not valid for the
 * action, or when the stage does not complete within the session's handler timeout. A handler must not block
 * for long: it runs on the session's handler executor (by default the transport's receiving thread).
 *
 * @param <Q> the request payload type
 * @param <R> the response payload type
 */
@ConsumerType
@FunctionalInterface
public interface ActionHandler<Q extends Request<R>, R extends Response> {
    /**
     * Handles one CALL.
     *
     * @param request the validated request payload
     * @param ctx     message id, action and session of the CALL
     * @return a stage completing with the response (never null)
     */
    CompletionStage<R> handle(Q request, CallContext ctx);
}
