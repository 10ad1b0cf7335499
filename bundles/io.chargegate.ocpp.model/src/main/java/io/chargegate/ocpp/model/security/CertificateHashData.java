package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

/**
 * Identifies a certificate by hash algorithm, issuer name and key hashes and serial number.
 */
public record CertificateHashData(
        @Required HashAlgorithm hashAlgorithm,
        @Required @MaxLength(128) String issuerNameHash,
        @Required @MaxLength(128) String issuerKeyHash,
        @Required @MaxLength(40) String serialNumber) implements Payload {
}
