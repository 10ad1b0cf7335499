package io.chargegate.hardware.api;

/** Service property names that bind a driver service to a charge point and a connector. */
public final class DriverProperties {
    /** The charge point identity the driver serves ({@code String}); {@code "*"} serves any station. */
    public static final String STATION = "chargegate.station";
    /** The connector id (1..n, {@code Integer}) a per-connector driver serves. */
    public static final String CONNECTOR = "chargegate.connector";
    /** Wildcard value of {@link #STATION}. */
    public static final String ANY_STATION = "*";

    private DriverProperties() {
    }
}
