package io.chargegate.ocpp.model;

/**
 * The payload of an OCPP CALL. Each request record names its {@link Action}; the type parameter is the
 * payload type of the matching CALLRESULT, so a typed {@code call(request)} returns the right response.
 *
 * @param <R> the response payload type
 */
public interface Request<R extends Response> extends Payload {
    /** The action this request is the CALL payload of. */
    Action action();
}
