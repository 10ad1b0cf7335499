package io.chargegate.ocpp.rpc.codec;

import io.chargegate.ocpp.model.Action;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How strictly payloads are validated. {@link #strict()} (the default) is exactly as strict as the
 * official schemas; relaxations exist for peers that break the schema in known ways and can be granted
 * globally or per action. Immutable.
 */
public final class ValidationPolicy {

    /** A known, tolerable schema deviation of a peer. */
    public enum Relaxation {
        /** Accept a JSON decimal with an integral value (such as {@code 60.0}) where the schema wants an integer. */
        INTEGRAL_DECIMAL_AS_INTEGER,
        /** Ignore properties the schema does not define, instead of rejecting the payload. */
        IGNORE_UNKNOWN_PROPERTIES
    }

    private static final ValidationPolicy STRICT = new ValidationPolicy(EnumSet.noneOf(Relaxation.class), new EnumMap<>(Action.class));

    private final Set<Relaxation> global;
    private final Map<Action, Set<Relaxation>> perAction;

    private ValidationPolicy(Set<Relaxation> global, Map<Action, Set<Relaxation>> perAction) {
        this.global = global;
        this.perAction = perAction;
    }

    /** Validation exactly as strict as the official schemas. */
    public static ValidationPolicy strict() {
        return STRICT;
    }

    /** A copy that grants the relaxations for every action. */
    public ValidationPolicy relax(Relaxation... relaxations) {
        EnumSet<Relaxation> g = global.isEmpty() ? EnumSet.noneOf(Relaxation.class) : EnumSet.copyOf(global);
        g.addAll(Set.of(relaxations));
        return new ValidationPolicy(g, perAction);
    }

    /** A copy that grants the relaxations for one action (its request and its response). */
    public ValidationPolicy relax(Action action, Relaxation... relaxations) {
        EnumMap<Action, Set<Relaxation>> m = new EnumMap<>(Action.class);
        m.putAll(perAction);
        EnumSet<Relaxation> s = EnumSet.noneOf(Relaxation.class);
        s.addAll(m.getOrDefault(action, Set.of()));
        s.addAll(Set.of(relaxations));
        m.put(action, s);
        return new ValidationPolicy(global, m);
    }

    /** Whether the relaxation applies to payloads of this action. */
    public boolean allows(Action action, Relaxation relaxation) {
        return global.contains(relaxation) || (action != null && perAction.getOrDefault(action, Set.of()).contains(relaxation));
    }
}
