package io.chargegate.station.api;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import org.osgi.annotation.versioning.ConsumerType;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Base of handlers that answer with the result of synchronous {@link Station} calls. Station methods return quickly
 * (they persist, then return), so the call runs on the dispatcher's thread and the stage is complete when
 * {@link #handle} returns. An exception thrown by the station, or a null result, propagates to the dispatcher,
 * which answers {@code InternalError}.
 *
 * @param <Q> request type
 * @param <R> response type
 */
@ConsumerType
public abstract class SynchronousActionHandler<Q extends Request<R>, R extends Response> implements ActionHandler<Q, R> {
    private final Action action;

    /** A handler for {@code action}. */
    protected SynchronousActionHandler(Action action) {
        this.action = Objects.requireNonNull(action, "action");
    }

    @Override
    public final Action action() {
        return action;
    }

    @Override
    public final CompletionStage<R> handle(Station station, Q request) {
        return CompletableFuture.completedFuture(respond(station, request));
    }

    /** Calls the station for {@code request} and builds the response from its result. */
    protected abstract R respond(Station station, Q request);

    /** {@code value}, or a {@link NullPointerException} naming the station method that returned null. */
    protected static <T> T result(T value, String stationMethod) {
        return Objects.requireNonNull(value, () -> "Station." + stationMethod + " returned null");
    }
}
