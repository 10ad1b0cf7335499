package io.chargegate.store;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A durable map from string keys to string values, iterated in key order. Keys and values are never null.
 * Durability: see {@link StateStore}.
 */
@ProviderType
public interface DurableMap {

    /**
     * @param key the key
     * @return its value, or empty
     */
    Optional<String> get(String key);

    /**
     * Sets a value, durable when this returns.
     *
     * @param key the key
     * @param value the value
     */
    void put(String key, String value);

    /**
     * Removes a key.
     *
     * @param key the key
     * @return true if it was there
     */
    boolean remove(String key);

    /** @return an immutable copy of all entries, in key order */
    Map<String, String> snapshot();

    /**
     * Sets all given entries atomically with one sync: after a crash either all or none of them are there.
     *
     * @param entries entries to put (no null keys or values)
     */
    void putAll(Map<String, String> entries);

    /** Removes all entries atomically. */
    void clear();

    /** @return number of entries */
    int size();
}
