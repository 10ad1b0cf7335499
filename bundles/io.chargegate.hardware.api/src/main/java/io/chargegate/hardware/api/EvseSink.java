package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives what one connector's hardware reports. Implemented by the runtime; drivers call it from any thread,
 * must not hold locks while calling, and should report only changes (repeats are harmless).
 */
@ProviderType
public interface EvseSink {
    /** The control pilot state changed (plug in: A to B; EV asks for energy: B to C; unplug: to A). */
    void pilotStateChanged(PilotState state);

    /** The contactor (power relay) opened or closed. */
    void contactorChanged(boolean closed);

    /** The user asked to stop locally (stop button, or the EV-side stop where the hardware reports it). */
    void localStopRequested();

    /** A fault appeared, changed, or was cleared ({@link HardwareFault#NONE}). */
    void faultChanged(HardwareFault fault);
}
