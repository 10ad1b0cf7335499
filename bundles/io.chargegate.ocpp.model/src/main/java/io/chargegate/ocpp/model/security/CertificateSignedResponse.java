package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code CertificateSigned.conf}: the answer to {@link CertificateSignedRequest}.
 */
public record CertificateSignedResponse(
        @Required CertificateSignedStatus status) implements Response {
}
