package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code SignCertificate.conf}: the answer to {@link SignCertificateRequest}.
 */
public record SignCertificateResponse(
        @Required GenericStatus status) implements Response {
}
