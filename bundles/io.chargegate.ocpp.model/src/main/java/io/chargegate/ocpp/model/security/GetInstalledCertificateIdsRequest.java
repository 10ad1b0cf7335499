package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Required;

/**
 * OCPP 1.6 security extension {@code GetInstalledCertificateIds.req}: the central system lists installed
 * certificates of one kind.
 */
public record GetInstalledCertificateIdsRequest(
        @Required CertificateUse certificateType) implements Request<GetInstalledCertificateIdsResponse> {

    @Override
    public Action action() {
        return Action.GET_INSTALLED_CERTIFICATE_IDS;
    }
}
