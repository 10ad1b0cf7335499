package io.chargegate.ocpp.transport.jetty.internal;

import io.chargegate.ocpp.transport.jetty.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds Jetty {@link SslContextFactory.Client}s from {@link TlsSettings}: PEM or PKCS12 trust, PKCS12 client keys. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * A new, not yet started client factory for {@code tls} ({@code null}: JVM default trust, host names verified).
     *
     * @throws IOException if a key store cannot be read or parsed (the message names the file, never a password)
     */
    public static SslContextFactory.Client newFactory(TlsSettings tls) throws IOException {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        factory.setEndpointIdentificationAlgorithm("HTTPS");
        if (tls == null) {
            return factory;
        }
        if (tls.trustStore() != null) {
            factory.setTrustStore(loadTrustStore(tls.trustStore(), tls.trustStorePassword()));
        }
        if (tls.clientCertificate() != null) {
            String password = tls.clientCertificatePassword() == null ? "" : tls.clientCertificatePassword();
            factory.setKeyStore(loadKeyStore(tls.clientCertificate(), password));
            factory.setKeyStorePassword(password);
        }
        if (!tls.verifyHostname()) {
            factory.setEndpointIdentificationAlgorithm(null);
        }
        return factory;
    }

    /**
     * Loads a trust store: a PEM file with one or more certificates (detected by its {@code -----BEGIN} marker) into
     * an in-memory key store, or else a PKCS12/JKS key store.
     */
    public static KeyStore loadTrustStore(Path file, String password) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (!head.contains("-----BEGIN")) {
            return loadKeyStore(file, password);
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in PEM trust store " + file);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read PEM trust store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a PKCS12 (or JKS) key store; the type is detected from the content. */
    public static KeyStore loadKeyStore(Path file, String password) throws IOException {
        try {
            return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read key store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }
}
