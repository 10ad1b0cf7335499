package io.chargegate.profile.firmware.internal;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A self-signed server certificate made at test time with the running JDK's {@code keytool}: a PKCS12 key store with
 * the key pair ({@link #keyStore}, password {@value #PASSWORD}) and the certificate alone as PEM ({@link #pem}).
 *
 * @param keyStore the PKCS12 file holding the server's key and certificate
 * @param pem      the certificate, {@code keytool -exportcert -rfc}
 */
record TestCertificates(Path keyStore, Path pem) {
    /** The key store's (and key's) password. */
    static final String PASSWORD = "changeit";

    /**
     * Runs {@code keytool -genkeypair} for {@code CN=<commonName>} with the subject alternative names {@code san}
     * (keytool syntax, e.g. {@code dns:localhost,ip:127.0.0.1}) into {@code directory}, then exports the PEM.
     */
    static TestCertificates generate(Path directory, String name, String commonName, String san)
            throws IOException, InterruptedException {
        Path keyStore = directory.resolve(name + ".p12");
        Path pem = directory.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-keysize", "256", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + commonName, "-ext", "SAN=" + san, "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-keypass", PASSWORD, "-noprompt");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", pem.toString());
        assertTrue(Files.readString(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----"),
                "keytool wrote no PEM certificate to " + pem);
        return new TestCertificates(keyStore, pem);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not end");
        assertEquals(0, process.exitValue(), "keytool " + arguments[0] + " failed: "
                + new String(output, StandardCharsets.UTF_8));
    }

    /** A TLS context presenting this key pair (for a test server). */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
