package io.chargegate.profile.localauthlist.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Base of the LocalAuthListManagement handlers, which answer with the result of one synchronous {@link Station} call. Station
 * methods return quickly (they persist, then return), so the call runs on the dispatcher's thread and the stage is
 * complete when {@link #handle} returns. An exception thrown by the station, or a null result, propagates to the
 * dispatcher, which answers {@code InternalError}.
 *
 * @param <Q> request type
 * @param <R> response type
 */
abstract class StationCallHandler<Q extends Request<R>, R extends Response> implements ActionHandler<Q, R> {
    private final Action action;

    StationCallHandler(Action action) {
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
    abstract R respond(Station station, Q request);

    /**
     * Whether {@code LocalAuthListEnabled} is true now, read as the runtime reads it when it authorizes: only the
     * value {@code true} (any case, blanks trimmed) enables the list; an unknown key does not.
     */
    static boolean listEnabled(Station station) {
        List<KeyValue> known = result(station.configuration(List.of(LocalAuthListProfile.LOCAL_AUTH_LIST_ENABLED)),
                "configuration").known();
        return known.stream()
                .filter(k -> LocalAuthListProfile.LOCAL_AUTH_LIST_ENABLED.equals(k.key()))
                .anyMatch(k -> k.value() != null && Boolean.parseBoolean(k.value().trim()));
    }

    /** {@code value}, or a {@link NullPointerException} naming the station method that returned null. */
    static <T> T result(T value, String stationMethod) {
        return Objects.requireNonNull(value, () -> "Station." + stationMethod + " returned null");
    }
}
