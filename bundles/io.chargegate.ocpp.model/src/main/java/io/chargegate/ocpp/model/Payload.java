package io.chargegate.ocpp.model;

/**
 * Any OCPP message payload or nested datatype: an immutable record whose components are, in schema
 * order, the JSON properties. Component types: {@code String}, {@code int}/{@code Integer},
 * {@code double}/{@code Double}, {@code boolean}/{@code Boolean}, {@code java.time.Instant},
 * an {@link OcppEnum}, another {@code Payload} record, or a {@code java.util.List} of those.
 */
public interface Payload {
}
