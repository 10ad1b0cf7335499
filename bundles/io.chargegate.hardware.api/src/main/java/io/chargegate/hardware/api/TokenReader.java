package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An identification reader (RFID, key pad, plug-and-charge bridge). Registered with
 * {@link DriverProperties#STATION}, and {@link DriverProperties#CONNECTOR} when the reader belongs to one connector.
 */
@ConsumerType
public interface TokenReader {
    /** Starts delivering tokens to the sink. */
    void attach(TokenSink sink);

    /** Stops delivering tokens. */
    void detach();
}
