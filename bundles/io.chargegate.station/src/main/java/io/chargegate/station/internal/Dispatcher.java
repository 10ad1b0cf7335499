package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.Registration;
import io.chargegate.ocpp.rpc.Role;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Routes inbound CALLs to the {@link ActionHandler} whiteboard: an action has an RPC session handler while at
 * least one ActionHandler service exists for it; each CALL goes to the highest-ranked handler bound at the moment
 * it arrives. The session's handler timeout bounds every call (also those of a handler that vanished mid-call), so
 * there is exactly one reply; without a handler the session answers NotSupported. The connection is never touched.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ServiceSet<ActionHandler<?, ?>> handlers;
    private final Station station;
    private final RpcSession session;
    private final Map<Action, Registration> registered = new EnumMap<>(Action.class);
    private final Runnable listener = this::sync;
    private boolean closed;

    Dispatcher(ServiceSet<ActionHandler<?, ?>> handlers, Station station, RpcSession session) {
        this.handlers = handlers;
        this.station = station;
        this.session = session;
        handlers.addListener(listener);
        sync();
    }

    /** The actions that have a handler now. */
    synchronized Set<Action> actions() {
        return registered.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(registered.keySet());
    }

    /** Brings the session's handler registrations in line with the ActionHandler services bound now. */
    synchronized void sync() {
        if (closed) {
            return;
        }
        Set<Action> wanted = EnumSet.noneOf(Action.class);
        for (ServiceSet.Entry<ActionHandler<?, ?>> e : handlers.all()) {
            Action a;
            try {
                a = e.service().action();
            } catch (RuntimeException ex) {
                LOG.error("[{}] ActionHandler {} failed to name its action: ignored", station.chargePointId(), e.service(), ex);
                continue;
            }
            if (a == null || !Role.CHARGE_POINT.receives(a)) {
                LOG.warn("[{}] ActionHandler {} for {}: not an action a charge point receives, ignored",
                        station.chargePointId(), e.service(), a);
                continue;
            }
            wanted.add(a);
        }
        for (Action a : wanted) {
            if (!registered.containsKey(a)) {
                registered.put(a, session.addHandler(a, (Request<Response> req, io.chargegate.ocpp.rpc.CallContext ctx) -> route(a, req)));
                LOG.debug("[{}] routing {} to the whiteboard", station.chargePointId(), a.wireName());
            }
        }
        registered.entrySet().removeIf(en -> {
            if (!wanted.contains(en.getKey())) {
                en.getValue().remove();
                LOG.debug("[{}] no handler for {} any more", station.chargePointId(), en.getKey().wireName());
                return true;
            }
            return false;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletionStage<Response> route(Action action, Request<Response> request) {
        ServiceSet.Entry<ActionHandler<?, ?>> best = handlers.best(e -> action == safeAction(e.service()));
        if (best == null) {
            throw new OcppException(ErrorCode.NotSupported, "Requested Action is recognized but not supported by the receiver");
        }
        CompletionStage<Response> stage = ((ActionHandler) best.service()).handle(station, request);
        return stage == null ? CompletableFuture.failedFuture(new IllegalStateException("handler returned null")) : stage;
    }

    private static Action safeAction(ActionHandler<?, ?> h) {
        try {
            return h.action();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Removes every registration and stops listening. */
    synchronized void close() {
        closed = true;
        handlers.removeListener(listener);
        registered.values().forEach(Registration::remove);
        registered.clear();
    }
}
