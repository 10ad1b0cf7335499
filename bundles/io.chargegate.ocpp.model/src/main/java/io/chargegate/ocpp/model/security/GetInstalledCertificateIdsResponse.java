package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.MinItems;
import io.chargegate.ocpp.model.Required;
import io.chargegate.ocpp.model.Response;

import java.util.List;

/**
 * OCPP 1.6 security extension {@code GetInstalledCertificateIds.conf}: the answer to {@link
 * GetInstalledCertificateIdsRequest}.
 */
public record GetInstalledCertificateIdsResponse(
        @MinItems(1) List<CertificateHashData> certificateHashData,
        @Required GetInstalledCertificateStatus status) implements Response {

    /** Copies list components into immutable lists; {@code null} stays {@code null}. */
    public GetInstalledCertificateIdsResponse {
        certificateHashData = certificateHashData == null ? null : List.copyOf(certificateHashData);
    }

    /** Creates the response with its required properties only. */
    public GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus status) {
        this(null, status);
    }

    /** A copy with {@code certificateHashData} replaced. */
    public GetInstalledCertificateIdsResponse withCertificateHashData(List<CertificateHashData> certificateHashData) {
        return new GetInstalledCertificateIdsResponse(certificateHashData, status);
    }
}
