package io.chargegate.driver.simulator.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masking secrets of configuration properties. */
class SecretMaskerTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "csmsPassword", "TLS_KEYSTORE_PASSWORD", "clientSecret", "AuthorizationKey",
            "security.authorizationKey", "apiToken", "accessTokens", "credentials", "ftp.Credential",
            "privateKey", "client.PRIVATEKEY.pem", "keyPassphrase"})
    void propertiesWithSecretNamesAreMaskedWhole(String name) {
        assertTrue(SecretMasker.isSecretName(name), name);
        assertEquals("********", SecretMasker.render(name, "s3cr3t"));
        assertEquals("********", SecretMasker.render(name, new String[] {"a", "b"}));
        assertEquals("********", SecretMasker.render(name, 1234));
        assertTrue(SecretMasker.masks(name, "s3cr3t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stationId", "csmsUrl", "keyStore", "key", "pass", "service.pid", "securityProfile"})
    void otherNamesAreNotSecret(String name) {
        assertFalse(SecretMasker.isSecretName(name), name);
        assertEquals("plain value", SecretMasker.render(name, "plain value"));
        assertFalse(SecretMasker.masks(name, "plain value"));
    }

    @Test
    void urlPasswordsAreMasked() {
        assertEquals("ws://user:********@host", SecretMasker.maskUrlPasswords("ws://user:pass@host"));
        assertEquals("wss://CP-1:********@csms.example.com:8443/ocpp/CP-1?x=1",
                SecretMasker.maskUrlPasswords("wss://CP-1:s3cr:et@csms.example.com:8443/ocpp/CP-1?x=1"));
        assertEquals("ftp://diag:********@10.0.0.1/upload and https://a:********@b/c",
                SecretMasker.maskUrlPasswords("ftp://diag:p%40ss@10.0.0.1/upload and https://a:x@b/c"));
        assertEquals("[ws://u:********@h, ws://h]",
                SecretMasker.render("csmsUrls", new String[] {"ws://u:p@h", "ws://h"}));
        assertEquals("[ftp://u:********@h]", SecretMasker.render("locations", List.of("ftp://u:p@h")));
        assertTrue(SecretMasker.masks("csmsUrl", "ws://u:p@h"));
    }

    @Test
    void nothingElseChanges() {
        for (String text : List.of("ws://host:8080/ocpp", "ws://user@host/ocpp", "ws://user:@host",
                "ws://host:8080/path@x", "mailto:someone@example.com", "user:pass@host without a scheme",
                "C:\\chargegate\\data", "ws://host/a:b@c", "", "  spaced  ", "ws://host?u=a:b@c")) {
            assertEquals(text, SecretMasker.maskUrlPasswords(text), text);
            assertEquals(text, SecretMasker.render("value", text), text);
            assertFalse(SecretMasker.masks("value", text), text);
        }
        assertEquals("42", SecretMasker.render("connectors", 42));
        assertEquals("true", SecretMasker.render("fixedCable", Boolean.TRUE));
        assertEquals("[1, 3]", SecretMasker.render("phases", new int[] {1, 3}));
        assertEquals("null", SecretMasker.render("nothing", null));
    }
}
