package io.chargegate.profile.firmware.internal;

import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.hardware.api.SystemDriver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SystemDriver} services bound now, and which one serves a station: a driver registered for the
 * station's id (property {@code chargegate.station}) before one registered for {@code "*"}, then the highest
 * {@code service.ranking}, then the lowest {@code service.id}. Thread-safe.
 */
final class SystemDrivers {
    /**
     * One bound driver.
     *
     * @param driver  the service
     * @param station its {@code chargegate.station} property (null when absent: serves nobody)
     * @param ranking its {@code service.ranking}
     * @param id      its {@code service.id}
     */
    private record Entry(SystemDriver driver, String station, int ranking, long id) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a driver with its service properties. */
    void add(SystemDriver driver, Map<String, ?> properties) {
        Object station = properties.get(DriverProperties.STATION);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        Entry entry = new Entry(driver, station == null ? null : station.toString(),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE);
        synchronized (entries) {
            entries.removeIf(e -> e.driver() == driver);
            entries.add(entry);
        }
    }

    /** Removes a driver. */
    void remove(SystemDriver driver) {
        synchronized (entries) {
            entries.removeIf(e -> e.driver() == driver);
        }
    }

    /** The driver serving {@code chargePointId}, if any. */
    Optional<SystemDriver> forStation(String chargePointId) {
        synchronized (entries) {
            return entries.stream()
                    .filter(e -> chargePointId.equals(e.station()) || DriverProperties.ANY_STATION.equals(e.station()))
                    .min(Comparator.comparing((Entry e) -> DriverProperties.ANY_STATION.equals(e.station()))
                            .thenComparing(Entry::ranking, Comparator.reverseOrder())
                            .thenComparing(Entry::id))
                    .map(Entry::driver);
        }
    }
}
