package io.chargegate.station.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationSettingsTest {

    private static Map<String, Object> base() {
        Map<String, Object> m = new HashMap<>();
        m.put("chargePointId", "CP-1");
        m.put("csmsUrl", "ws://csms.example/ocpp");
        return m;
    }

    private static String refused(Map<String, Object> m) {
        return assertThrows(StationSettings.InvalidConfigException.class, () -> StationSettings.from(m)).getMessage();
    }

    @Test
    void defaultsAndStoreFile() throws Exception {
        Map<String, Object> m = base();
        m.put("chargePointId", "CP-1");
        StationSettings s = StationSettings.from(m);
        assertEquals(1, s.connectors());
        assertEquals(30, s.callTimeout().toSeconds());
        assertEquals(Path.of("data", "CP-1", "state.mv"), s.storeFile());
        assertEquals("_x_y.z", StationSettings.sanitise(".x/y.z"));
    }

    @Test
    void badValuesAreRefusedNamingKeyValueAndReason() {
        Map<String, Object> m = base();
        m.put("csmsUrl", "http://x");
        assertEquals("station config refused: csmsUrl=\"http://x\" must start with ws:// or wss://", refused(m));
        m = base();
        m.remove("chargePointId");
        assertEquals("station config refused: chargePointId=(none) is required", refused(m));
        m = base();
        m.put("chargePointId", "CP-1");
        m.put("connectors", "0");
        assertEquals("station config refused: connectors=\"0\" must be between 1 and 64", refused(m));
        m.put("connectors", "two");
        assertEquals("station config refused: connectors=\"two\" is not an integer", refused(m));
        m = base();
        m.put("chargePointId", "CP-1");
        m.put("minBackoffSeconds", 10);
        m.put("maxBackoffSeconds", 5);
        assertTrue(refused(m).startsWith("station config refused: maxBackoffSeconds=\"5\""));
    }

    @Test
    void authorizationCacheSizeAndResetRetryDelay() throws Exception {
        StationSettings s = StationSettings.from(base());
        assertEquals(1000, s.authorizationCacheSize());
        assertEquals(5, s.resetRetryDelay().toSeconds());
        Map<String, Object> m = base();
        m.put("authorizationCacheSize", "0");
        m.put("resetRetryDelaySeconds", "0");
        s = StationSettings.from(m);
        assertEquals(0, s.authorizationCacheSize());
        assertEquals(0, s.resetRetryDelay().toSeconds());
        m.put("authorizationCacheSize", "-1");
        assertEquals("station config refused: authorizationCacheSize=\"-1\" must be between 0 and 100000", refused(m));
        m.put("authorizationCacheSize", "100001");
        assertEquals("station config refused: authorizationCacheSize=\"100001\" must be between 0 and 100000", refused(m));
        m.put("authorizationCacheSize", "lots");
        assertEquals("station config refused: authorizationCacheSize=\"lots\" is not an integer", refused(m));
        m.put("authorizationCacheSize", 10);
        m.put("resetRetryDelaySeconds", 3601);
        assertEquals("station config refused: resetRetryDelaySeconds=\"3601\" must be between 0 and 3600", refused(m));
    }

    @Test
    void securityProfilesAreCheckedAndSecretsNeverShown() {
        Map<String, Object> m = base();
        m.put("chargePointId", "CP-1");
        m.put("securityProfile", 2);
        m.put("authorizationKey", "0123456789abcdef");
        String msg = refused(m);
        assertEquals("station config refused: csmsUrl=\"ws://csms.example/ocpp\" must start with wss:// for securityProfile 2", msg);
        m.put("securityProfile", 1);
        m.put("authorizationKey", "short");
        msg = refused(m);
        assertTrue(msg.startsWith("station config refused: authorizationKey=\"***\""), msg);
        assertFalse(msg.contains("short"));
        m.put("securityProfile", 3);
        m.put("csmsUrl", "wss://csms.example/ocpp");
        m.put("authorizationKey", "");
        assertEquals("station config refused: clientCertificate=(none) is required for securityProfile 3", refused(m));
    }

    @Test
    void aChargePointIdWithAColonIsRefusedForBasicAuthProfiles() throws Exception {
        Map<String, Object> m = base();
        m.put("chargePointId", "A:1");
        m.put("authorizationKey", "0123456789abcdef");
        assertEquals("A:1", StationSettings.from(m).chargePointId(), "profile 0 (no Basic auth) accepts it");
        m.put("securityProfile", 1);
        assertEquals("station config refused: chargePointId=\"A:1\" must not contain ':' for securityProfile 1 (it is the "
                + "HTTP Basic auth user name)", refused(m));
    }

    @Test
    void restartHoldOff() throws Exception {
        assertEquals(5, StationSettings.from(base()).restartHoldOff().toSeconds());
        Map<String, Object> m = base();
        m.put("restartHoldOffSeconds", "0");
        assertEquals(0, StationSettings.from(m).restartHoldOff().toSeconds());
        m.put("restartHoldOffSeconds", 61);
        assertEquals("station config refused: restartHoldOffSeconds=\"61\" must be between 0 and 60", refused(m));
    }
}
