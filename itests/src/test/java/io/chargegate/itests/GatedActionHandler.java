package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * An {@link ActionHandler} of the synthetic profile bundle {@link SyntheticReservationProfile} builds at test time
 * (packaged into that bundle, loaded by its class loader). It answers with {@code standard} unless a test registered
 * a gate: a {@link BiFunction}{@code <Station, Request, CompletionStage>} service with the property
 * {@value #GATE_PROPERTY} set to the action's wire name. Then the gate's stage is the answer, so a test decides when
 * (and whether) the call completes. Only JDK and API types cross between the test and the synthetic bundle.
 *
 * @param <Q> request type
 * @param <R> response type
 */
public final class GatedActionHandler<Q extends Request<R>, R extends Response> implements ActionHandler<Q, R> {

    /** The service property naming the action a gate answers. */
    public static final String GATE_PROPERTY = "chargegate.itest.gate";

    private final BundleContext context;
    private final Action action;
    private final BiFunction<Station, Q, R> standard;

    /**
     * @param context  the synthetic bundle's context (to look up gates)
     * @param action   the action handled
     * @param standard the answer without a gate
     */
    public GatedActionHandler(BundleContext context, Action action, BiFunction<Station, Q, R> standard) {
        this.context = context;
        this.action = action;
        this.standard = standard;
    }

    @Override
    public Action action() {
        return action;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public CompletionStage<R> handle(Station station, Q request) {
        Collection<ServiceReference<BiFunction>> gates;
        try {
            gates = context.getServiceReferences(BiFunction.class, "(" + GATE_PROPERTY + "=" + action.wireName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<BiFunction> ref : gates) {
            BiFunction gate = context.getService(ref);
            if (gate != null) {
                try {
                    return (CompletionStage<R>) gate.apply(station, request);
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return CompletableFuture.completedFuture(standard.apply(station, request));
    }

    @Override
    public String toString() {
        return "GatedActionHandler[" + action.wireName() + "]";
    }
}
