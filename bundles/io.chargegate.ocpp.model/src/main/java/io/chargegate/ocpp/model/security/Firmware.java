package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * Where to fetch signed firmware, when to install it, and how to check its signature.
 *
 * @param location URI the firmware is downloaded from
 * @param signingCertificate PEM-encoded certificate that signed the firmware
 * @param signature base64-encoded firmware signature
 */
public record Firmware(
        @Required @MaxLength(512) String location,
        @Required Instant retrieveDateTime,
        Instant installDateTime,
        @Required @MaxLength(5500) String signingCertificate,
        @Required @MaxLength(800) String signature) implements Payload {

    /** Creates the value with its required properties only. */
    public Firmware(String location, Instant retrieveDateTime, String signingCertificate, String signature) {
        this(location, retrieveDateTime, null, signingCertificate, signature);
    }

    /** A copy with {@code installDateTime} replaced. */
    public Firmware withInstallDateTime(Instant installDateTime) {
        return new Firmware(location, retrieveDateTime, installDateTime, signingCertificate, signature);
    }
}
