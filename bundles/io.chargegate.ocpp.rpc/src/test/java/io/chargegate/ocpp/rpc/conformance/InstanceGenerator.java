package io.chargegate.ocpp.rpc.conformance;

import io.chargegate.ocpp.model.Format;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.MinItems;
import io.chargegate.ocpp.model.OcppEnum;
import io.chargegate.ocpp.model.PathConstraint;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds representative instances of one payload record type by reflection over the model (no hand-written
 * samples): a minimal instance (required components only, lists at their minimum size) and a series of full
 * instances (every component set; strings of exactly {@code @MaxLength} code points with non-ASCII
 * characters; lists of one and two elements; timestamps with sub-second digits; instance {@code i} picks the
 * {@code i}-th allowed constant of each enumeration, cycling, so every constant appears across the series).
 * {@link PathConstraint}s of the root type are honoured: excluded enumeration values are skipped at their
 * path and a path's {@code minItems} raises the list size there.
 */
final class InstanceGenerator {

    private static final int[] INTS = {1, Integer.MAX_VALUE, 0, 42, 7, 100_000};
    private static final double[] DOUBLES = {12.5, 0.1, 32.0, 1234.5, 7.3, 1.0E7};
    private static final int[] NANOS = {123_456_789, 120_000_000, 5};
    private static final Instant FULL_BASE = Instant.parse("2024-05-06T07:08:09Z");
    private static final Instant MINIMAL_TIME = Instant.parse("2024-01-02T03:04:05Z");
    private static final int MAX_DEPTH = 12;

    private enum Mode { MINIMAL, FULL }

    private final Class<?> rootType;
    private final Map<String, PathConstraint> constraints = new HashMap<>();

    InstanceGenerator(Class<?> rootType) {
        if (!rootType.isRecord() || !Payload.class.isAssignableFrom(rootType)) {
            throw new IllegalArgumentException(rootType + " is not a payload record");
        }
        this.rootType = rootType;
        for (PathConstraint c : rootType.getAnnotationsByType(PathConstraint.class)) {
            constraints.put(c.path(), c);
        }
        Set<String> paths = new HashSet<>();
        collectPaths(rootType, "", paths, 0);
        for (String p : constraints.keySet()) {
            if (!paths.contains(p)) {
                throw new IllegalStateException("@PathConstraint(path = \"" + p + "\") on " + rootType.getSimpleName()
                        + " names no component path; paths are " + paths);
            }
        }
    }

    /** The instance with only its required components set. */
    Payload minimal() {
        return (Payload) record(rootType, "", Mode.MINIMAL, 0, 0);
    }

    /** The {@code index}-th full instance. */
    Payload full(int index) {
        return (Payload) record(rootType, "", Mode.FULL, index, 0);
    }

    /** How many full instances it takes for every allowed enumeration constant to appear (at least 2). */
    int fullCount() {
        return Math.max(2, maxEnumChoices(rootType, "", 0));
    }

    private Object record(Class<?> type, String path, Mode mode, int seed, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("record nesting too deep at " + path + " in " + rootType.getSimpleName());
        }
        RecordComponent[] rcs = type.getRecordComponents();
        Object[] args = new Object[rcs.length];
        for (int k = 0; k < rcs.length; k++) {
            RecordComponent rc = rcs[k];
            String p = join(path, rc.getName());
            boolean required = rc.isAnnotationPresent(Required.class);
            if (mode == Mode.MINIMAL && !required && !rc.getType().isPrimitive()) {
                continue;
            }
            args[k] = value(rc, p, mode, seed, k, depth);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(rcs).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructor of " + type.getSimpleName() + " rejected " + Arrays.toString(args),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private Object value(RecordComponent rc, String path, Mode mode, int seed, int componentIndex, int depth) {
        Class<?> raw = rc.getType();
        if (List.class.isAssignableFrom(raw)) {
            Class<?> element = elementType(rc.getGenericType(), path);
            int min = Math.max(rc.isAnnotationPresent(MinItems.class) ? rc.getAnnotation(MinItems.class).value() : 0,
                    constraints.containsKey(path) ? constraints.get(path).minItems() : 0);
            int size = mode == Mode.MINIMAL ? min : Math.max(min, 1 + seed % 2);
            List<Object> list = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                list.add(single(element, rc, path, mode, seed + j, componentIndex, depth));
            }
            return list;
        }
        return single(raw, rc, path, mode, seed, componentIndex, depth);
    }

    private Object single(Class<?> c, RecordComponent rc, String path, Mode mode, int seed, int componentIndex, int depth) {
        boolean minimal = mode == Mode.MINIMAL;
        int pick = seed + componentIndex;
        if (c == String.class) {
            return string(rc, minimal, seed);
        }
        if (c == int.class || c == Integer.class) {
            return minimal ? 0 : INTS[pick % INTS.length];
        }
        if (c == double.class || c == Double.class) {
            return minimal ? 0.0 : DOUBLES[pick % DOUBLES.length];
        }
        if (c == boolean.class || c == Boolean.class) {
            return !minimal && pick % 2 == 0;
        }
        if (c == Instant.class) {
            return minimal ? MINIMAL_TIME
                    : FULL_BASE.plus(pick, ChronoUnit.DAYS).plusSeconds(pick * 3_671L).plusNanos(NANOS[pick % NANOS.length]);
        }
        if (c.isEnum() && OcppEnum.class.isAssignableFrom(c)) {
            List<Object> allowed = allowedConstants(c, path);
            return allowed.get(minimal ? 0 : seed % allowed.size());
        }
        if (c.isRecord() && Payload.class.isAssignableFrom(c)) {
            return record(c, path, mode, seed, depth + 1);
        }
        throw new IllegalStateException("unsupported component type " + c.getName() + " at " + path + " in "
                + rootType.getSimpleName());
    }

    private static String string(RecordComponent rc, boolean minimal, int seed) {
        Integer max = rc.isAnnotationPresent(MaxLength.class) ? rc.getAnnotation(MaxLength.class).value() : null;
        String format = rc.isAnnotationPresent(Format.class) ? rc.getAnnotation(Format.class).value() : "";
        if (format.equals("uri")) {
            String uri = minimal ? "urn:m" : "https://example.com/ocpp/" + rc.getName() + "/" + seed + "?q=";
            if (max != null) {
                uri = uri.length() > max ? uri.substring(0, max) : uri + "a".repeat(max - uri.length());
            }
            return uri;
        }
        if (!format.isEmpty()) {
            throw new IllegalStateException("unsupported @Format(\"" + format + "\") on " + rc);
        }
        if (minimal) {
            String s = rc.getName();
            return max != null && s.length() > max ? s.substring(0, max) : s;
        }
        return max != null ? Strings.exactLength(max, rc.getName() + seed) : Strings.free(rc.getName(), seed);
    }

    private List<Object> allowedConstants(Class<?> enumType, String path) {
        Set<String> excluded = constraints.containsKey(path)
                ? Set.of(constraints.get(path).excludedValues()) : Set.of();
        List<Object> allowed = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            if (!excluded.contains(((OcppEnum) constant).value())) {
                allowed.add(constant);
            }
        }
        if (allowed.isEmpty()) {
            throw new IllegalStateException("no allowed constant of " + enumType.getSimpleName() + " at " + path);
        }
        return allowed;
    }

    private int maxEnumChoices(Class<?> type, String path, int depth) {
        int max = 0;
        for (RecordComponent rc : type.getRecordComponents()) {
            String p = join(path, rc.getName());
            Class<?> c = List.class.isAssignableFrom(rc.getType()) ? elementType(rc.getGenericType(), p) : rc.getType();
            if (c.isEnum()) {
                max = Math.max(max, allowedConstants(c, p).size());
            } else if (c.isRecord() && depth < MAX_DEPTH) {
                max = Math.max(max, maxEnumChoices(c, p, depth + 1));
            }
        }
        return max;
    }

    private static void collectPaths(Class<?> type, String path, Set<String> out, int depth) {
        for (RecordComponent rc : type.getRecordComponents()) {
            String p = join(path, rc.getName());
            out.add(p);
            Class<?> c = List.class.isAssignableFrom(rc.getType()) ? elementType(rc.getGenericType(), p) : rc.getType();
            if (c.isRecord() && depth < MAX_DEPTH) {
                collectPaths(c, p, out, depth + 1);
            }
        }
    }

    private static Class<?> elementType(Type generic, String path) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("list component without a concrete element type at " + path);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
