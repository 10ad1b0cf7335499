package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code CertificateSigned.req}: the central system sends a signed charge point
 * certificate chain.
 *
 * @param certificateChain PEM-encoded certificate chain
 */
public record CertificateSignedRequest(
        @Required @MaxLength(10000) String certificateChain) implements Request<CertificateSignedResponse> {

    @Override
    public Action action() {
        return Action.CERTIFICATE_SIGNED;
    }
}
