package io.chargegate.csms.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * What the {@link DemoCentralSystem} saw when it accepted one WebSocket connection of a charge point (see
 * {@link ChargePointConnection#lastHandshake()}), so tests can check how a charge point authenticated itself.
 *
 * @param at                       when the upgrade was accepted
 * @param remote                   the charge point's address and port
 * @param secure                   whether the connection runs over TLS ({@code wss://})
 * @param tlsProtocol              the negotiated TLS protocol (e.g. {@code TLSv1.3}), null without TLS
 * @param basicAuthUser            the user name of the HTTP Basic {@code Authorization} header, null without one
 * @param basicAuthPassword        its password (a test CSMS shows it; {@link #toString()} does not), null without one
 * @param clientCertificateSubject the subject of the charge point's TLS client certificate (RFC 2253, e.g.
 *                                 {@code CN=CP-1,O=Example}), null when it presented none
 */
public record Handshake(Instant at, String remote, boolean secure, String tlsProtocol, String basicAuthUser,
                        String basicAuthPassword, String clientCertificateSubject) {

    /** Checks the required components. */
    public Handshake {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(remote, "remote");
    }

    /** Like the generated one, the password masked. */
    @Override
    public String toString() {
        return "Handshake[" + at + " from " + remote + (secure ? ", " + tlsProtocol : ", plain")
                + (basicAuthUser == null ? ", no Basic auth" : ", Basic " + basicAuthUser + ":***")
                + (clientCertificateSubject == null ? "" : ", client certificate " + clientCertificateSubject) + "]";
    }
}
