package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.junit.jupiter.api.Test;

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
