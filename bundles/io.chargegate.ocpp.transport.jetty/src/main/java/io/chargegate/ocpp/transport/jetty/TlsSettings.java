package io.chargegate.ocpp.transport.jetty;

import java.nio.file.Path;

/**
 * TLS settings of a {@code wss://} connection (OCPP security profiles 2 and 3).
 *
 * @param trustStore                the CSMS certificates to trust: a PEM file with one or more certificates, or a
 *                                  PKCS12 (or JKS) key store; {@code null} for the JVM's default trust store
 * @param trustStorePassword        password of a PKCS12/JKS trust store; {@code null} for PEM or none; never printed
 * @param clientCertificate         PKCS12 key store with the charge point's certificate and private key (security
 *                                  profile 3), or {@code null} for none
 * @param clientCertificatePassword password of {@code clientCertificate} and its key; never printed
 * @param verifyHostname            check that the CSMS certificate matches the host name of the URL (endpoint
 *                                  identification "HTTPS"); keep {@code true} outside tests
 */
public record TlsSettings(Path trustStore, String trustStorePassword, Path clientCertificate,
                          String clientCertificatePassword, boolean verifyHostname) {

    /** Validates: a client certificate password needs a client certificate. */
    public TlsSettings {
        if (clientCertificate == null && clientCertificatePassword != null) {
            throw new IllegalArgumentException("clientCertificatePassword given without clientCertificate");
        }
        if (trustStore == null && trustStorePassword != null) {
            throw new IllegalArgumentException("trustStorePassword given without trustStore");
        }
    }

    /** Trusts the certificates of {@code trustStore} (PEM or password-less PKCS12), verifies host names. */
    public TlsSettings(Path trustStore) {
        this(trustStore, null, null, null, true);
    }

    /** A copy with a client certificate (security profile 3). */
    public TlsSettings withClientCertificate(Path keyStore, String password) {
        return new TlsSettings(trustStore, trustStorePassword, keyStore, password, verifyHostname);
    }

    /** A copy with host name verification on or off. */
    public TlsSettings withVerifyHostname(boolean verify) {
        return new TlsSettings(trustStore, trustStorePassword, clientCertificate, clientCertificatePassword, verify);
    }

    /** Prints the paths and the flag, never the passwords. */
    @Override
    public String toString() {
        return "TlsSettings[trustStore=" + (trustStore == null ? "JVM default" : trustStore)
                + ", trustStorePassword=" + (trustStorePassword == null ? "none" : "***")
                + ", clientCertificate=" + clientCertificate
                + ", clientCertificatePassword=" + (clientCertificatePassword == null ? "none" : "***")
                + ", verifyHostname=" + verifyHostname + "]";
    }
}
