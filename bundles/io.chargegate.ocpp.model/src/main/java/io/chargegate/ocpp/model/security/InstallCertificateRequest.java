package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code InstallCertificate.req}: the central system installs a root certificate.
 *
 * @param certificate PEM-encoded X.509 certificate
 */
public record InstallCertificateRequest(
        @Required CertificateUse certificateType,
        @Required @MaxLength(5500) String certificate) implements Request<InstallCertificateResponse> {

    @Override
    public Action action() {
        return Action.INSTALL_CERTIFICATE;
    }
}
