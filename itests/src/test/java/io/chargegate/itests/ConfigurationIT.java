package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.call;
import static io.chargegate.itests.Ocpp.mark;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/** Configuration over OCPP: TC_019, TC_021, TC_040_1, TC_040_2. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT extends StationTestBase {

    @Before
    public void setUp() throws Exception {
        startConnectedStation("CP-CF", 2);
    }

    /** TC_019: every key with its readonly flag; selected keys; unknown keys listed in unknownKey. */
    @Test
    public void retrieveConfiguration() throws Exception {
        GetConfigurationResponse all = call(cp, new GetConfigurationRequest(null));
        Map<String, KeyValue> keys = byKey(all);
        for (String required : List.of("HeartbeatInterval", "ConnectionTimeOut", "MeterValueSampleInterval",
                "NumberOfConnectors", "SupportedFeatureProfiles", "MeterValuesSampledData", "ResetRetries",
                "StopTransactionOnEVSideDisconnect", "TransactionMessageAttempts", "LocalAuthorizeOffline")) {
            assertTrue("Core key " + required + " in " + keys.keySet(), keys.containsKey(required));
        }
        assertTrue(keys.get("NumberOfConnectors").readonly());
        assertEquals("2", keys.get("NumberOfConnectors").value());
        assertTrue(keys.get("SupportedFeatureProfiles").readonly());
        assertTrue(keys.get("SupportedFeatureProfiles").value().contains("Core"));
        assertFalse(keys.get("HeartbeatInterval").readonly());
        assertTrue(all.unknownKey() == null || all.unknownKey().isEmpty());

        GetConfigurationResponse some = call(cp, new GetConfigurationRequest(
                List.of("HeartbeatInterval", "NoSuchKey", "ConnectionTimeOut")));
        Map<String, KeyValue> selected = byKey(some);
        assertEquals(Map.of("HeartbeatInterval", keys.get("HeartbeatInterval"),
                "ConnectionTimeOut", keys.get("ConnectionTimeOut")), selected);
        assertEquals(List.of("NoSuchKey"), some.unknownKey());
    }

    /** TC_021: ChangeConfiguration of RW keys is Accepted, reported back and applied (HeartbeatInterval). */
    @Test
    public void changeConfiguration() throws Exception {
        Ocpp.configure(cp, "MeterValueSampleInterval", "7");
        assertEquals("7", value("MeterValueSampleInterval"));
        int m = mark(cp);
        Ocpp.configure(cp, "HeartbeatInterval", "1");
        assertEquals("1", value("HeartbeatInterval"));
        // applied: heartbeats now come every second (two in a row, nothing is timed)
        int first = Ocpp.indexOf(cp, awaitAfter(cp, m, Action.HEARTBEAT));
        awaitAfter(cp, first + 1, Action.HEARTBEAT);
        Ocpp.configure(cp, "HeartbeatInterval", "600");
    }

    /** TC_040_1: ChangeConfiguration of an unknown key is NotSupported. */
    @Test
    public void unknownKeyIsNotSupported() throws Exception {
        assertEquals(ConfigurationStatus.NOT_SUPPORTED,
                call(cp, new ChangeConfigurationRequest("NoSuchKeyAtAll", "1")).status());
        GetConfigurationResponse r = call(cp, new GetConfigurationRequest(List.of("NoSuchKeyAtAll")));
        assertEquals(List.of("NoSuchKeyAtAll"), r.unknownKey());
    }

    /** TC_040_2: invalid values and read-only keys are Rejected and leave the value as it was. */
    @Test
    public void invalidValueIsRejected() throws Exception {
        String before = value("HeartbeatInterval");
        assertNotNull(before);
        for (String bad : List.of("abc", "-5", "1.5", "")) {
            assertEquals("HeartbeatInterval=" + bad, ConfigurationStatus.REJECTED,
                    call(cp, new ChangeConfigurationRequest("HeartbeatInterval", bad)).status());
        }
        assertEquals(before, value("HeartbeatInterval"));
        assertEquals(ConfigurationStatus.REJECTED,
                call(cp, new ChangeConfigurationRequest("StopTransactionOnEVSideDisconnect", "maybe")).status());
        assertEquals(ConfigurationStatus.REJECTED,
                call(cp, new ChangeConfigurationRequest("NumberOfConnectors", "5")).status());
        assertEquals("2", value("NumberOfConnectors"));
    }

    private String value(String key) throws Exception {
        GetConfigurationResponse r = call(cp, new GetConfigurationRequest(List.of(key)));
        assertEquals(1, r.configurationKey().size());
        return r.configurationKey().get(0).value();
    }

    private static Map<String, KeyValue> byKey(GetConfigurationResponse r) {
        Map<String, KeyValue> map = new HashMap<>();
        if (r.configurationKey() != null) {
            for (KeyValue kv : r.configurationKey()) {
                map.put(kv.key(), kv);
            }
        }
        return map;
    }
}
