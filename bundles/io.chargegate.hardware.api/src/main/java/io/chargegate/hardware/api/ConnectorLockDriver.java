package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ConsumerType;

/** A connector's cable lock. Registered per connector with the {@link DriverProperties} service properties. */
@ConsumerType
public interface ConnectorLockDriver {
    /** Locks the cable; returns false when the lock failed. */
    boolean lock();

    /** Unlocks the cable. */
    UnlockResult unlock();
}
