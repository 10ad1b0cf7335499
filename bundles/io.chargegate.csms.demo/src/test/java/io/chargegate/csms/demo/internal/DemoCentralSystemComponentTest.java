package io.chargegate.csms.demo.internal;

import io.chargegate.csms.demo.DemoSettings;
import io.chargegate.csms.demo.ServerTls;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DemoCentralSystemComponentTest {

    /** A Config with the given values and the annotation defaults for the rest, as DS would build it. */
    private static DemoCentralSystemComponent.Config config(Map<String, Object> values) {
        return (DemoCentralSystemComponent.Config) Proxy.newProxyInstance(DemoCentralSystemComponent.Config.class.getClassLoader(),
                new Class<?>[] {DemoCentralSystemComponent.Config.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void defaultsMatchTheSettingsDefaults() {
        assertEquals(DemoSettings.defaults(), DemoCentralSystemComponent.settings(config(Map.of())));
    }

    @Test
    void mapsEveryProperty() {
        DemoSettings s = DemoCentralSystemComponent.settings(config(Map.of(
                "host", "0.0.0.0", "port", 0, "heartbeatInterval", 15,
                "blockedIdTags", new String[] {"A", " B ", "", "A"},
                "bootStatus", "Rejected", "callTimeoutSeconds", 3,
                "authorizationKeys", new String[] {"CP-1=k=x", ""})));
        assertEquals("0.0.0.0", s.host());
        assertEquals(0, s.port());
        assertEquals(15, s.heartbeatInterval());
        assertEquals(Set.of("A", "B"), s.blockedIdTags());
        assertEquals(RegistrationStatus.REJECTED, s.bootStatus());
        assertEquals(Duration.ofSeconds(3), s.callTimeout());
        assertEquals(Map.of("CP-1", "k=x"), s.authorizationKeys());
        assertEquals(null, s.tls());
    }

    @Test
    void mapsTheTlsProperties() {
        DemoSettings s = DemoCentralSystemComponent.settings(config(Map.of("keyStore", " /etc/csms.p12 ",
                "keyStorePassword", "pw", "trustStore", "/etc/clients.pem", "clientCertificateRequired", true)));
        assertEquals(new ServerTls(Path.of("/etc/csms.p12"), "pw", Path.of("/etc/clients.pem"), null, true), s.tls());
        DemoSettings serverOnly = DemoCentralSystemComponent.settings(config(Map.of("keyStore", "/etc/csms.p12",
                "keyStorePassword", "pw", "trustStore", " ")));
        assertEquals(ServerTls.of(Path.of("/etc/csms.p12"), "pw"), serverOnly.tls());
        assertThrows(IllegalArgumentException.class, () -> DemoCentralSystemComponent.settings(
                config(Map.of("trustStore", "/etc/clients.pem"))));
        assertThrows(IllegalArgumentException.class, () -> DemoCentralSystemComponent.settings(
                config(Map.of("keyStore", "/etc/csms.p12", "clientCertificateRequired", true))));
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class,
                () -> DemoCentralSystemComponent.settings(config(Map.of("bootStatus", "Maybe"))));
        assertThrows(IllegalArgumentException.class,
                () -> DemoCentralSystemComponent.settings(config(Map.of("authorizationKeys", new String[] {"nokey"}))));
    }
}
