package io.chargegate.profile.firmware.internal;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the TLS trust of HTTPS and FTPS transfers from the configured {@code trustStore} file: a PEM file with one or
 * more {@code -----BEGIN CERTIFICATE-----} blocks (CA or server certificates; other blocks are ignored), or else a key
 * store (PKCS12 or JKS, the type found by probing the file) opened with the configured password. Every certificate in
 * the file becomes a trust anchor; the server's host name is still checked by the clients.
 */
final class TrustStores {
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private TrustStores() {
    }

    /**
     * The trust built from one file.
     *
     * @param context      a TLS context that trusts exactly the file's certificates (no client certificate)
     * @param trustManager the same trust for clients that take a trust manager (Commons Net's FTPS client)
     */
    record Trust(SSLContext context, X509TrustManager trustManager) {
    }

    /**
     * Reads {@code file} (see the class comment).
     *
     * @param password the key store's password; "" opens a key store without an integrity check (unused for PEM)
     * @throws IOException when the file cannot be read or holds no certificate; the message names the file, never
     *                     the password
     */
    static Trust load(Path file, String password) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            KeyStore anchors = isPem(bytes) ? fromPem(file, bytes) : fromKeyStore(file, password);
            if (countCertificates(anchors) == 0) {
                throw new IOException("no certificate in the trust store " + file);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509TrustManager manager = null;
            for (TrustManager candidate : factory.getTrustManagers()) {
                if (candidate instanceof X509TrustManager x509) {
                    manager = x509;
                    break;
                }
            }
            if (manager == null) {
                throw new IOException("no X.509 trust manager for " + file);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new Trust(context, manager);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the trust store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A trust that rejects every server, naming {@code problem}: what TLS connections get when the configured trust
     * store cannot be used, so that no connection (also one reached by an HTTP redirect) falls back to another trust.
     */
    static Trust rejecting(String problem) {
        X509TrustManager none = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no TLS transfer: " + problem);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no TLS transfer: " + problem);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {none}, null);
            return new Trust(context, none);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
        }
    }

    private static boolean isPem(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----");
    }

    private static KeyStore fromPem(Path file, byte[] bytes) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Matcher matcher = PEM_CERTIFICATE.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int index = 0;
        while (matcher.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(matcher.group(1));
            } catch (IllegalArgumentException e) {
                throw new IOException("certificate " + (index + 1) + " of " + file + " is not Base64");
            }
            Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(der));
            store.setCertificateEntry("pem-" + index++, certificate);
        }
        return store;
    }

    private static KeyStore fromKeyStore(Path file, String password) throws IOException, GeneralSecurityException {
        // probes PKCS12 and JKS; a null password skips the integrity check and still reads certificate entries
        // that are stored unencrypted
        return KeyStore.getInstance(file.toFile(), password.isEmpty() ? null : password.toCharArray());
    }

    private static int countCertificates(KeyStore store) throws GeneralSecurityException {
        int count = 0;
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.getCertificate(alias) != null) {
                count++;
            }
        }
        return count;
    }
}
