package io.chargegate.ocpp.rpc.codec.internal;

import io.chargegate.ocpp.model.Format;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.MinItems;
import io.chargegate.ocpp.model.MultipleOf;
import io.chargegate.ocpp.model.PathConstraint;
import io.chargegate.ocpp.model.Required;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds and caches, per root payload record class, the tree of codecs that reads and writes it: one
 * {@link RecordCodec} per nested record position, with the component annotations ({@link Required},
 * {@link MaxLength}, {@link MinItems}, {@link MultipleOf}, {@link Format}) and the root's
 * {@link PathConstraint}s applied at their paths. Built once per class on first use; thread-safe.
 */
public final class Descriptors {

    private static final MethodType CONSTRUCTOR_TYPE = MethodType.methodType(Object.class, Object[].class);
    private static final MethodType ACCESSOR_TYPE = MethodType.methodType(Object.class, Object.class);

    private final ClassValue<RecordCodec> roots = new ClassValue<>() {
        @Override
        protected RecordCodec computeValue(Class<?> type) {
            return build(type);
        }
    };

    /**
     * The codec of a root payload record class.
     *
     * @throws IllegalStateException when the class breaks the model conventions (the message says how)
     */
    public RecordCodec root(Class<?> type) {
        return roots.get(type);
    }

    private RecordCodec build(Class<?> root) {
        Map<String, Rule> rules = new HashMap<>();
        for (PathConstraint pc : root.getAnnotationsByType(PathConstraint.class)) {
            Rule r = rules.computeIfAbsent(pc.path(), k -> new Rule());
            r.minItems = Math.max(r.minItems, pc.minItems());
            r.excluded.addAll(List.of(pc.excludedValues()));
        }
        Set<String> used = new HashSet<>();
        RecordCodec codec = record(root, "", rules, used, new HashSet<>());
        for (String path : rules.keySet()) {
            if (!used.contains(path)) {
                throw new IllegalStateException("@PathConstraint path " + path + " on " + root.getName() + " names no component");
            }
        }
        return codec;
    }

    /** A path rule: merged {@link PathConstraint}s of one path. */
    private static final class Rule {
        int minItems = -1;
        final Set<String> excluded = new LinkedHashSet<>();
        boolean minItemsUsed;
        boolean excludedUsed;
    }

    private RecordCodec record(Class<?> type, String prefix, Map<String, Rule> rules, Set<String> used, Set<Class<?>> stack) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record");
        }
        if (!stack.add(type)) {
            throw new IllegalStateException(type.getName() + " contains itself");
        }
        try {
            RecordComponent[] components = type.getRecordComponents();
            List<RecordCodec.Property> properties = new ArrayList<>(components.length);
            Class<?>[] parameterTypes = new Class<?>[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                parameterTypes[i] = rc.getType();
                String path = prefix.isEmpty() ? rc.getName() : prefix + "." + rc.getName();
                Rule rule = rules.get(path);
                if (rule != null) {
                    used.add(path);
                }
                ValueCodec codec = value(rc.getGenericType(), rc, path, rule, rules, used, stack);
                if (rule != null && ((rule.minItems >= 0 && !rule.minItemsUsed) || (!rule.excluded.isEmpty() && !rule.excludedUsed))) {
                    throw new IllegalStateException("@PathConstraint path " + path + " on the root of " + type.getName()
                            + " does not fit the type of the component");
                }
                boolean required = rc.getType().isPrimitive() || rc.isAnnotationPresent(Required.class);
                properties.add(new RecordCodec.Property(rc.getName(), codec, required,
                        accessible(lookup, rc.getAccessor()).asType(ACCESSOR_TYPE)));
            }
            Constructor<?> ctor = type.getDeclaredConstructor(parameterTypes);
            MethodHandle mh = accessible(lookup, ctor).asSpreader(Object[].class, components.length).asType(CONSTRUCTOR_TYPE);
            return new RecordCodec(type, properties, mh);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot access " + type.getName() + ": " + e, e);
        } finally {
            stack.remove(type);
        }
    }

    private static MethodHandle accessible(MethodHandles.Lookup lookup, java.lang.reflect.Executable member)
            throws IllegalAccessException {
        try {
            member.setAccessible(true);
        } catch (RuntimeException e) {
            // not opened to us: use the ordinary access rules
        }
        return member instanceof Constructor<?> c ? lookup.unreflectConstructor(c)
                : lookup.unreflect((java.lang.reflect.Method) member);
    }

    private ValueCodec value(Type t, RecordComponent rc, String path, Rule rule, Map<String, Rule> rules,
                             Set<String> used, Set<Class<?>> stack) {
        if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            ValueCodec element = value(pt.getActualTypeArguments()[0], rc, path, rule, rules, used, stack);
            MinItems mi = rc.getAnnotation(MinItems.class);
            int min = mi == null ? 0 : mi.value();
            if (rule != null && rule.minItems >= 0) {
                min = rule.minItems;
                rule.minItemsUsed = true;
            }
            return new ListCodec(element, min);
        }
        if (!(t instanceof Class<?> c)) {
            throw new IllegalStateException("unsupported type " + t + " of " + path);
        }
        Set<String> excluded = Set.of();
        if (rule != null && !rule.excluded.isEmpty() && (c == String.class || c.isEnum())) {
            excluded = rule.excluded;
            rule.excludedUsed = true;
        }
        if (c == String.class) {
            MaxLength ml = rc.getAnnotation(MaxLength.class);
            Format f = rc.getAnnotation(Format.class);
            boolean uri = false;
            if (f != null) {
                if (!f.value().equals("uri")) {
                    throw new IllegalStateException("unsupported format " + f.value() + " of " + path);
                }
                uri = true;
            }
            return new ScalarCodecs.StringCodec(ml == null ? -1 : ml.value(), uri, excluded);
        }
        if (c == int.class || c == Integer.class) {
            return new ScalarCodecs.IntCodec();
        }
        if (c == double.class || c == Double.class) {
            MultipleOf mo = rc.getAnnotation(MultipleOf.class);
            return new ScalarCodecs.DoubleCodec(mo == null ? null : BigDecimal.valueOf(mo.value()));
        }
        if (c == boolean.class || c == Boolean.class) {
            return new ScalarCodecs.BooleanCodec();
        }
        if (c == Instant.class) {
            return new ScalarCodecs.InstantCodec();
        }
        if (c.isEnum()) {
            return new ScalarCodecs.EnumCodec(c, excluded);
        }
        if (c.isRecord()) {
            return record(c, path, rules, used, stack);
        }
        throw new IllegalStateException("unsupported type " + c.getName() + " of " + path);
    }
}
