package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code DeleteCertificate.conf}: the answer to {@link DeleteCertificateRequest}.
 */
public record DeleteCertificateResponse(
        @Required DeleteCertificateStatus status) implements Response {
}
