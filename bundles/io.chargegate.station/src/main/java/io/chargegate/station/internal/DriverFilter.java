package io.chargegate.station.internal;

import io.chargegate.hardware.api.DriverProperties;

import java.util.Map;

/** Which driver services belong to a station: those whose {@link DriverProperties#STATION} is its id or {@code *}. */
final class DriverFilter {

    private DriverFilter() {
    }

    /**
     * Whether a driver service with these properties serves station {@code stationId}; false when the id is not known
     * (a station whose configuration was refused binds no driver).
     */
    static boolean forStation(String stationId, Map<String, ?> properties) {
        if (stationId == null) {
            return false;
        }
        Object station = properties.get(DriverProperties.STATION);
        if (station == null) {
            return false;
        }
        String s = station.toString();
        return stationId.equals(s) || DriverProperties.ANY_STATION.equals(s);
    }
}
