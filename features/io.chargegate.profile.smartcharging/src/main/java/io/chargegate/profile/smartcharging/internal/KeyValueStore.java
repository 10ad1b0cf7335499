package io.chargegate.profile.smartcharging.internal;

import io.chargegate.station.api.ProfileState;

import java.util.Map;
import java.util.TreeMap;

/** Where one station's charging profiles are kept: the station's durable {@link ProfileState}, or memory. */
interface KeyValueStore {
    /** All entries, in key order. */
    Map<String, String> snapshot();

    /** Stores a value (durable when this returns, for the ProfileState-backed store). */
    void put(String key, String value);

    /** Removes a key if present. */
    void remove(String key);

    /** A store over the station's durable profile state. */
    static KeyValueStore of(ProfileState state) {
        return new KeyValueStore() {
            @Override
            public Map<String, String> snapshot() {
                return state.snapshot();
            }

            @Override
            public void put(String key, String value) {
                state.put(key, value);
            }

            @Override
            public void remove(String key) {
                state.remove(key);
            }
        };
    }

    /** A store in memory (profiles are lost with the component): for a runtime without profile state. */
    static KeyValueStore inMemory() {
        Map<String, String> map = new TreeMap<>();
        return new KeyValueStore() {
            @Override
            public synchronized Map<String, String> snapshot() {
                return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
            }

            @Override
            public synchronized void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public synchronized void remove(String key) {
                map.remove(key);
            }
        };
    }
}
