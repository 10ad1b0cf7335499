package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector's energy meter. Registered per connector with the {@link DriverProperties} service properties.
 */
@ConsumerType
public interface MeterDriver {
    /**
     * Reads the meter now. Must return within a few milliseconds (drivers of slow buses keep a cached reading).
     *
     * @throws IllegalStateException when the meter cannot be read (the runtime reports PowerMeterFailure)
     */
    MeterReading read();
}
