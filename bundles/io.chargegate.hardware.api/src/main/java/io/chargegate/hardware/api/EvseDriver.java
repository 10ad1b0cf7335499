package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One connector's power path: pilot, contactor, current limit. Registered per connector with the
 * {@link DriverProperties} service properties.
 *
 * <p>Lifecycle: the runtime calls {@link #attach(EvseSink)} once it binds the driver; the driver then reports
 * the current pilot state, contactor state and fault at once, and every change afterwards, until
 * {@link #detach()}. Commands never throw for hardware problems: a failure is reported as a fault on the sink.
 * Calls must return quickly (no blocking I/O longer than a few milliseconds).
 */
@ConsumerType
public interface EvseDriver {
    /** What the hardware can do. */
    EvseCapabilities capabilities();

    /** Starts reporting to the sink. */
    void attach(EvseSink sink);

    /** Stops reporting; the sink must not be called after this returns. */
    void detach();

    /** Operative (true) or inoperative (false): an inoperative EVSE signals state F or refuses to charge. */
    void setEnabled(boolean enabled);

    /**
     * Whether energy may flow: true once a transaction is authorized; the contactor closes when the vehicle
     * asks (state C) and opens at once on false.
     */
    void allowPowerOn(boolean allowed);

    /** The limit to enforce from now on (PWM duty cycle or power electronics setpoint). */
    void applyLimit(ChargingLimit limit);
}
