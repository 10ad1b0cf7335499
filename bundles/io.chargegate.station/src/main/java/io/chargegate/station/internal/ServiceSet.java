package io.chargegate.station.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The services of one type bound now, with their properties, ordered as OSGi orders them: highest
 * {@code service.ranking} first, then lowest {@code service.id}. Plain Java (tests add services with a property map).
 * Listeners hear about every change. Thread-safe.
 *
 * <p>A set may admit only some services ({@link #ServiceSet(Predicate)}, tested on the service properties): the
 * others are not kept and fire nothing. A station's driver sets admit only the drivers of that station, so with many
 * stations in one framework each station holds and scans its own drivers, not every driver of every station.
 *
 * @param <T> service type
 */
final class ServiceSet<T> {

    /** One bound service. */
    record Entry<T>(T service, Map<String, ?> properties) {
        int ranking() {
            Object r = properties.get("service.ranking");
            return r instanceof Integer i ? i : 0;
        }

        long id() {
            Object id = properties.get("service.id");
            return id instanceof Number n ? n.longValue() : Long.MAX_VALUE;
        }

        /** A string property, or null. */
        String string(String key) {
            Object v = properties.get(key);
            return v == null ? null : v.toString();
        }

        /** An integer property (Integer, Long or a numeric String), or null. */
        Integer integer(String key) {
            Object v = properties.get(key);
            if (v instanceof Number n) {
                return n.intValue();
            }
            if (v instanceof String s) {
                try {
                    return Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    private static final Comparator<Entry<?>> ORDER =
            Comparator.<Entry<?>>comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::id);

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Predicate<Map<String, ?>> admits;

    /** A set that keeps every service. */
    ServiceSet() {
        this(p -> true);
    }

    /** A set that keeps only the services whose properties {@code admits} accepts. */
    ServiceSet(Predicate<Map<String, ?>> admits) {
        this.admits = Objects.requireNonNull(admits, "admits");
    }

    void add(T service, Map<String, ?> properties) {
        Map<String, ?> props = properties == null ? Map.of() : properties;
        if (!admits.test(props)) {
            return; // tested before copying: most services a station is offered are another station's
        }
        entries.add(new Entry<>(Objects.requireNonNull(service), Map.copyOf(props)));
        fire();
    }

    void remove(T service) {
        if (entries.removeIf(e -> e.service() == service)) {
            fire();
        }
    }

    /** A service's properties changed (DS "updated"): it may now be admitted, or no longer. */
    void modified(T service, Map<String, ?> properties) {
        Map<String, ?> props = properties == null ? Map.of() : Map.copyOf(properties);
        boolean admitted = admits.test(props);
        for (Entry<T> e : entries) {
            if (e.service() == service) {
                entries.remove(e);
                if (admitted) {
                    entries.add(new Entry<>(service, props));
                }
                fire();
                return;
            }
        }
        if (admitted) {
            entries.add(new Entry<>(Objects.requireNonNull(service), props));
            fire();
        }
    }

    /** The bound entries matching, best first. */
    List<Entry<T>> matching(Predicate<Entry<T>> filter) {
        List<Entry<T>> out = new ArrayList<>();
        for (Entry<T> e : entries) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** The best entry matching, or null. */
    Entry<T> best(Predicate<Entry<T>> filter) {
        List<Entry<T>> m = matching(filter);
        return m.isEmpty() ? null : m.get(0);
    }

    List<Entry<T>> all() {
        return matching(e -> true);
    }

    void addListener(Runnable r) {
        listeners.add(r);
    }

    void removeListener(Runnable r) {
        listeners.remove(r);
    }

    private void fire() {
        for (Runnable r : listeners) {
            r.run();
        }
    }
}
