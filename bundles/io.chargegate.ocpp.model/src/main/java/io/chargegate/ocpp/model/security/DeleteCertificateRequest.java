package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code DeleteCertificate.req}: the central system deletes an installed certificate.
 */
public record DeleteCertificateRequest(
        @Required CertificateHashData certificateHashData) implements Request<DeleteCertificateResponse> {

    @Override
    public Action action() {
        return Action.DELETE_CERTIFICATE;
    }
}
