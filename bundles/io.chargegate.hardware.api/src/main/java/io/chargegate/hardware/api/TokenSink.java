package io.chargegate.hardware.api;

import org.osgi.annotation.versioning.ProviderType;

/** Receives identification tokens; implemented by the runtime. */
@ProviderType
public interface TokenSink {
    /**
     * A token was presented.
     *
     * @param idTag       the token as an OCPP idTag (at most 20 characters; RFID UIDs as upper-case hex)
     * @param connectorId the connector the reader belongs to, or 0 when the reader serves the whole charge point
     */
    void tokenPresented(String idTag, int connectorId);
}
