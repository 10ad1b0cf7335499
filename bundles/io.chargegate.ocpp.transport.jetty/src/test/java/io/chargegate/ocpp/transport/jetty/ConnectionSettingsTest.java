package io.chargegate.ocpp.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionSettingsTest {

    static ConnectionSettings.Builder builder(String url, String id) {
        return ConnectionSettings.builder(URI.create(url), id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ws://csms.example.com/ocpp    | CP001      | ws://csms.example.com/ocpp/CP001",
        "ws://csms.example.com/ocpp/   | CP001      | ws://csms.example.com/ocpp/CP001",
        "ws://csms.example.com/ocpp//  | CP001      | ws://csms.example.com/ocpp/CP001",
        "wss://csms.example.com:8443   | CP001      | wss://csms.example.com:8443/CP001",
        "wss://csms.example.com:8443/  | CP001      | wss://csms.example.com:8443/CP001",
        "ws://10.0.0.1:9000/a/b        | CP 001     | ws://10.0.0.1:9000/a/b/CP%20001",
        "ws://h/ocpp                   | a/b?c#d%e  | ws://h/ocpp/a%2Fb%3Fc%23d%25e",
        "ws://h/ocpp                   | ü+x:y      | ws://h/ocpp/%C3%BC%2Bx%3Ay",
        "ws://h/ocpp                   | A-z_0.9~   | ws://h/ocpp/A-z_0.9~",
    })
    void composesTheEndpointUri(String csms, String id, String expected) {
        URI uri = builder(csms, id).build().endpointUri();
        assertEquals(expected, uri.toString());
        assertEquals(id, decodeLastSegment(uri), "the id survives as one path segment");
    }

    private static String decodeLastSegment(URI uri) {
        String raw = uri.getRawPath();
        return java.net.URLDecoder.decode(raw.substring(raw.lastIndexOf('/') + 1).replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void hasSensibleDefaults() {
        ConnectionSettings s = builder("ws://h/ocpp", "CP1").build();
        assertEquals(Duration.ofSeconds(60), s.pingInterval());
        assertEquals(Duration.ofSeconds(30), s.pongTimeout());
        assertEquals(Duration.ofSeconds(1), s.minBackoff());
        assertEquals(Duration.ofMinutes(5), s.maxBackoff());
        assertEquals(Duration.ofSeconds(15), s.connectTimeout());
        assertNull(s.authorizationKey());
        assertNull(s.tls());
        assertFalse(s.secure());
        assertEquals(Duration.ofSeconds(10), builder("ws://h", "CP1").pingIntervalSeconds(10).build().pongTimeout());
        assertEquals(Duration.ofSeconds(30), builder("ws://h", "CP1").pingIntervalSeconds(0).build().pongTimeout());
        assertEquals(Duration.ZERO, builder("ws://h", "CP1").pingIntervalSeconds(0).build().pingInterval());
        assertTrue(builder("WSS://h", "CP1").build().secure());
    }

    @Test
    void rejectsInvalidSettingsNamingTheField() {
        assertRejected("csmsUrl", () -> ConnectionSettings.builder(null, "CP1").build());
        assertRejected("csmsUrl", () -> builder("http://h/ocpp", "CP1").build());
        assertRejected("csmsUrl", () -> builder("https://h/ocpp", "CP1").build());
        assertRejected("csmsUrl", () -> builder("ws:/ocpp", "CP1").build());
        assertRejected("csmsUrl", () -> builder("ws://h/ocpp?x=1", "CP1").build());
        assertRejected("csmsUrl", () -> builder("ws://user:pw@h/ocpp", "CP1").build());
        assertRejected("chargePointId", () -> builder("ws://h/ocpp", " ").build());
        assertRejected("chargePointId", () -> builder("ws://h/ocpp", null).build());
        assertRejected("chargePointId", () -> builder("ws://h/ocpp", "a:b").authorizationKey("k").build());
        assertRejected("authorizationKey", () -> builder("ws://h/ocpp", "CP1").authorizationKey("").build());
        assertRejected("tls", () -> builder("ws://h/ocpp", "CP1").tls(new TlsSettings(Path.of("ca.pem"))).build());
        assertRejected("pingInterval", () -> builder("ws://h", "CP1").pingInterval(Duration.ofSeconds(-1)).build());
        assertRejected("pingInterval", () -> builder("ws://h", "CP1").pingInterval(null).build());
        assertRejected("pongTimeout", () -> builder("ws://h", "CP1").pongTimeout(Duration.ZERO).build());
        assertRejected("minBackoff", () -> builder("ws://h", "CP1").backoff(Duration.ZERO, Duration.ofSeconds(1))
                .build());
        assertRejected("maxBackoff", () -> builder("ws://h", "CP1").backoff(Duration.ofSeconds(2),
                Duration.ofSeconds(1)).build());
        assertRejected("connectTimeout", () -> builder("ws://h", "CP1").connectTimeout(null).build());
        assertRejected("clientCertificatePassword", () -> new TlsSettings(null, null, null, "pw", true));
        // "a:b" is fine without Basic auth
        assertEquals("ws://h/ocpp/a%3Ab", builder("ws://h/ocpp", "a:b").build().endpointUri().toString());
    }

    private static void assertRejected(String field, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
    }

    @Test
    void toStringNeverShowsSecrets() {
        TlsSettings tls = new TlsSettings(Path.of("trust.p12"), "trust-secret", Path.of("client.p12"),
                "client-secret", true);
        ConnectionSettings s = builder("wss://h/ocpp", "CP1").authorizationKey("auth-secret").tls(tls).build();
        String text = s.toString();
        assertFalse(text.contains("auth-secret"), text);
        assertFalse(text.contains("trust-secret"), text);
        assertFalse(text.contains("client-secret"), text);
        assertTrue(text.contains("CP1") && text.contains("trust.p12") && text.contains("client.p12"), text);
        assertFalse(tls.toString().contains("secret"), tls.toString());
    }
}
