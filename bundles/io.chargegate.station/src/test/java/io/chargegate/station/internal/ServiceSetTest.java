package io.chargegate.station.internal;

import io.chargegate.hardware.api.DriverProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whiteboard set: OSGi ordering, and admission of only the drivers of one station. */
class ServiceSetTest {

    private static Map<String, Object> props(String station, long serviceId, int ranking) {
        return Map.of(DriverProperties.STATION, station, "service.id", serviceId, "service.ranking", ranking);
    }

    @Test
    void entriesAreOrderedByRankingThenServiceId() {
        ServiceSet<String> set = new ServiceSet<>();
        set.add("low", props("A", 1, 0));
        set.add("high", props("A", 3, 5));
        set.add("older", props("A", 2, 5));
        assertEquals(List.of("older", "high", "low"), set.all().stream().map(ServiceSet.Entry::service).toList());
    }

    @Test
    void aStationsDriverSetKeepsOnlyItsOwnAndAnyStationDriversAndFiresOnlyForThem() {
        ServiceSet<String> set = new ServiceSet<>(p -> DriverFilter.forStation("CP-1", p));
        List<String> fired = new ArrayList<>();
        set.addListener(() -> fired.add("change"));

        set.add("own", props("CP-1", 1, 0));
        set.add("other", props("CP-2", 2, 0));
        set.add("any", props(DriverProperties.ANY_STATION, 3, 0));
        set.add("unnamed", Map.of("service.id", 4L));
        set.remove("other"); // never kept: nothing to remove, nothing fired

        assertEquals(List.of("own", "any"), set.all().stream().map(ServiceSet.Entry::service).toList());
        assertEquals(2, fired.size());
    }

    @Test
    void aDriverWhosePropertiesChangeIsAdmittedOrDroppedAccordingly() {
        ServiceSet<String> set = new ServiceSet<>(p -> DriverFilter.forStation("CP-1", p));
        List<String> fired = new ArrayList<>();
        set.addListener(() -> fired.add("change"));

        set.add("moving", props("CP-2", 1, 0));
        assertTrue(set.all().isEmpty());
        set.modified("moving", props("CP-1", 1, 0)); // now names this station
        assertEquals(List.of("moving"), set.all().stream().map(ServiceSet.Entry::service).toList());
        set.modified("moving", props("CP-1", 1, 7)); // still ours, new ranking
        assertEquals(7, set.all().get(0).ranking());
        set.modified("moving", props("CP-3", 1, 0)); // moved away
        assertTrue(set.all().isEmpty());
        set.modified("moving", props("CP-4", 1, 0)); // neither before nor after: nothing
        assertEquals(3, fired.size());
    }

    @Test
    void withoutAValidStationIdNoDriverIsAdmitted() {
        assertFalse(DriverFilter.forStation(null, props("CP-1", 1, 0)));
        assertFalse(DriverFilter.forStation(null, props(DriverProperties.ANY_STATION, 1, 0)));
        assertTrue(DriverFilter.forStation("CP-1", props(DriverProperties.ANY_STATION, 1, 0)));
        assertFalse(DriverFilter.forStation("CP-1", props("CP-10", 1, 0)));
    }
}
