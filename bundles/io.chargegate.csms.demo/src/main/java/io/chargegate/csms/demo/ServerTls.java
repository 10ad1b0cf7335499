package io.chargegate.csms.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS of a {@link DemoCentralSystem} ({@code wss://}, OCPP security profiles 2 and 3): the server's key pair and,
 * optionally, the certificates client certificates are checked against. Start from {@link #of(Path, String)}.
 *
 * @param keyStore                  PKCS12 key store with the server's private key and certificate (chain)
 * @param keyStorePassword          the key store's password, also used for the key
 * @param trustStore                PEM (one or more {@code BEGIN CERTIFICATE} blocks) or PKCS12 file with the
 *                                  certificates a charge point's client certificate must match or be issued by;
 *                                  null: client certificates are neither asked for nor checked
 * @param trustStorePassword        the PKCS12 trust store's password (null for PEM or an unprotected store)
 * @param clientCertificateRequired true: a charge point without a client certificate the trust store accepts fails the
 *                                  TLS handshake (security profile 3); false: a client certificate is asked for but
 *                                  optional (a presented one must still be trusted)
 */
public record ServerTls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                        boolean clientCertificateRequired) {

    /** Checks the components. */
    public ServerTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        if (trustStore == null && trustStorePassword != null) {
            throw new IllegalArgumentException("trustStorePassword given without trustStore");
        }
        if (trustStore == null && clientCertificateRequired) {
            throw new IllegalArgumentException("clientCertificateRequired needs a trustStore");
        }
    }

    /** Server authentication only (security profile 2): no client certificates. */
    public static ServerTls of(Path keyStore, String keyStorePassword) {
        return new ServerTls(keyStore, keyStorePassword, null, null, false);
    }

    /**
     * A copy that checks client certificates against {@code trustStore} (PEM or PKCS12; {@code password} null for PEM)
     * and, when {@code required}, refuses charge points without one (security profile 3).
     */
    public ServerTls withClientCertificates(Path trustStore, String password, boolean required) {
        return new ServerTls(keyStore, keyStorePassword, Objects.requireNonNull(trustStore, "trustStore"), password,
                required);
    }

    /** Like the generated one, without the passwords. */
    @Override
    public String toString() {
        return "ServerTls[keyStore=" + keyStore + (trustStore == null ? ", no client certificates"
                : ", trustStore=" + trustStore + ", clientCertificate " + (clientCertificateRequired ? "required" : "optional"))
                + "]";
    }
}
