package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSettingsAndMainTest {

    @Test
    void defaults() {
        DemoSettings s = DemoSettings.defaults();
        assertEquals("127.0.0.1", s.host());
        assertEquals(8887, s.port());
        assertEquals(60, s.heartbeatInterval());
        assertEquals(Set.of(), s.blockedIdTags());
        assertEquals(RegistrationStatus.ACCEPTED, s.bootStatus());
        assertEquals(Duration.ofSeconds(30), s.callTimeout());
        assertEquals(Map.of(), s.authorizationKeys());
        assertNull(s.tls());
    }

    @Test
    void tlsSettingsValidateAndHidePasswords() {
        ServerTls tls = ServerTls.of(Path.of("server.p12"), "key-secret")
                .withClientCertificates(Path.of("clients.p12"), "trust-secret", true);
        DemoSettings s = DemoSettings.defaults().withTls(tls);
        assertEquals(tls, s.tls());
        assertEquals(tls, s.withPort(0).withAuthorizationKey("CP-1", "k").tls(), "withers keep the TLS settings");
        String text = s.toString();
        assertTrue(text.contains("server.p12") && text.contains("required"), text);
        assertFalse(text.contains("key-secret") || text.contains("trust-secret"), text);
        assertThrows(IllegalArgumentException.class,
                () -> new ServerTls(Path.of("server.p12"), "pw", null, null, true));
        assertThrows(IllegalArgumentException.class,
                () -> new ServerTls(Path.of("server.p12"), "pw", null, "trust-pw", false));
        assertThrows(NullPointerException.class, () -> ServerTls.of(null, "pw"));
        assertNull(s.withTls(null).tls());
    }

    @Test
    void mainParsesTlsOptions() {
        DemoSettings s = DemoCentralSystemMain.parse(new String[] {"--keystore", "server.p12", "--keystore-password",
                "pw", "--truststore", "clients.pem", "--require-client-cert", "--port", "9443"});
        assertEquals(new ServerTls(Path.of("server.p12"), "pw", Path.of("clients.pem"), null, true), s.tls());
        assertEquals(9443, s.port());
        assertEquals(ServerTls.of(Path.of("server.p12"), "pw"),
                DemoCentralSystemMain.parse(new String[] {"--keystore", "server.p12", "--keystore-password", "pw"}).tls());
        assertNull(DemoCentralSystemMain.parse(new String[] {"--port", "1"}).tls());
        assertThrows(IllegalArgumentException.class,
                () -> DemoCentralSystemMain.parse(new String[] {"--truststore", "clients.pem"}));
        assertThrows(IllegalArgumentException.class, () -> DemoCentralSystemMain.parse(new String[] {"--keystore",
                "server.p12", "--require-client-cert"}));
    }

    @Test
    void withersChangeOneComponentAndValidate() {
        DemoSettings s = DemoSettings.defaults().withPort(0).withBlockedIdTags("A", "B").withAuthorizationKey("CP-1", "k");
        assertEquals(0, s.port());
        assertEquals(Set.of("A", "B"), s.blockedIdTags());
        assertEquals(Map.of("CP-1", "k"), s.authorizationKeys());
        assertEquals("127.0.0.1", s.host());
        assertThrows(IllegalArgumentException.class, () -> s.withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> s.withCallTimeout(Duration.ZERO));
    }

    @Test
    void toStringHidesAuthorizationKeys() {
        String text = DemoSettings.defaults().withAuthorizationKey("CP-1", "top-secret").toString();
        assertTrue(text.contains("CP-1"), text);
        assertFalse(text.contains("top-secret"), text);
    }

    @Test
    void mainParsesItsOptions() {
        DemoSettings s = DemoCentralSystemMain.parse(new String[] {"--port", "9100", "--block", "TAG1, TAG2",
                "--boot-status", "Pending", "--heartbeat-interval", "30", "--auth", "CP-1=k=1", "--host", "0.0.0.0"});
        assertEquals(9100, s.port());
        assertEquals(Set.of("TAG1", "TAG2"), s.blockedIdTags());
        assertEquals(RegistrationStatus.PENDING, s.bootStatus());
        assertEquals(30, s.heartbeatInterval());
        assertEquals(Map.of("CP-1", "k=1"), s.authorizationKeys());
        assertEquals("0.0.0.0", s.host());
        assertNull(DemoCentralSystemMain.parse(new String[] {"--help"}));
        assertThrows(IllegalArgumentException.class, () -> DemoCentralSystemMain.parse(new String[] {"--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> DemoCentralSystemMain.parse(new String[] {"--bogus", "1"}));
        assertThrows(IllegalArgumentException.class, () -> DemoCentralSystemMain.parse(new String[] {"--port"}));
    }
}
