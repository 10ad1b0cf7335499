package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code SignCertificate.req}: the charge point sends a certificate signing request.
 *
 * @param csr PEM-encoded certificate signing request
 */
public record SignCertificateRequest(
        @Required @MaxLength(5500) String csr) implements Request<SignCertificateResponse> {

    @Override
    public Action action() {
        return Action.SIGN_CERTIFICATE;
    }
}
