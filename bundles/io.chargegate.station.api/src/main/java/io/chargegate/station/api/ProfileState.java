package io.chargegate.station.api;

import org.osgi.annotation.versioning.ProviderType;

import java.util.Map;
import java.util.Optional;

/**
 * One feature profile's durable state in a station's store (see {@link Station#profileState(String)}). Thread-safe;
 * every mutating call returns only once the change is on disk.
 */
@ProviderType
public interface ProfileState {
    /** The value stored under {@code key}. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}. */
    void put(String key, String value);

    /** Removes {@code key}; false when it was absent. */
    boolean remove(String key);

    /** All entries, in key order. */
    Map<String, String> snapshot();
}
