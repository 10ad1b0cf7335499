package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

/**
 * OCPP 1.6 security extension {@code InstallCertificate.conf}: the answer to {@link InstallCertificateRequest}.
 */
public record InstallCertificateResponse(
        @Required InstallCertificateStatus status) implements Response {
}
