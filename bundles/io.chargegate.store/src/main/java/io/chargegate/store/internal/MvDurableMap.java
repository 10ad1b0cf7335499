package io.chargegate.store.internal;

import io.chargegate.store.DurableMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/** {@link DurableMap} on an MVStore map. */
final class MvDurableMap implements DurableMap {

    private final MvStateStore store;
    private final String name;
    /** Accessed under the store's lock only. */
    private final MVMap<String, String> map;

    MvDurableMap(MvStateStore store, String name, MVMap<String, String> map) {
        this.store = store;
        this.name = name;
        this.map = map;
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return store.read(() -> Optional.ofNullable(map.get(key)));
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        store.write(() -> {
            boolean changed = !value.equals(map.put(key, value));
            return new MvStateStore.Outcome<>(null, changed);
        });
    }

    @Override
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        return store.write(() -> {
            boolean removed = map.remove(key) != null;
            return new MvStateStore.Outcome<>(removed, removed);
        });
    }

    @Override
    public Map<String, String> snapshot() {
        return store.read(() -> Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }

    @Override
    public void putAll(Map<String, String> entries) {
        // copy and validate first: the change must not fail half-way
        Map<String, String> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        if (copy.isEmpty()) {
            return;
        }
        store.write(() -> {
            boolean changed = false;
            for (Map.Entry<String, String> e : copy.entrySet()) {
                changed |= !e.getValue().equals(map.put(e.getKey(), e.getValue()));
            }
            return new MvStateStore.Outcome<>(null, changed);
        });
    }

    @Override
    public void clear() {
        store.write(() -> {
            boolean changed = !map.isEmpty();
            if (changed) {
                map.clear();
            }
            return new MvStateStore.Outcome<>(null, changed);
        });
    }

    @Override
    public int size() {
        return store.read(map::size);
    }

    @Override
    public String toString() {
        return "DurableMap[" + name + " in " + store.file() + "]";
    }
}
