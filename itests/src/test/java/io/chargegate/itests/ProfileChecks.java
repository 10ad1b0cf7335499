package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationResponse;
import io.chargegate.ocpp.model.types.KeyValue;

import java.util.List;

import static io.chargegate.itests.Ocpp.call;
import static org.junit.Assert.assertTrue;

/**
 * Helpers of the feature profile integration tests ({@code ReservationIT}, {@code LocalAuthListIT},
 * {@code RemoteTriggerIT}): configuration keys as the CSMS sees them through GetConfiguration.
 */
final class ProfileChecks {

    private ProfileChecks() {
    }

    /** The key as GetConfiguration reports it; fails when the charge point lists it as unknown. */
    static KeyValue key(ChargePointConnection cp, String name) throws Exception {
        GetConfigurationResponse r = call(cp, new GetConfigurationRequest(List.of(name)));
        assertTrue(name + " unknown: " + r, r.unknownKey() == null || !r.unknownKey().contains(name));
        return r.configurationKey().stream().filter(k -> k.key().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not reported: " + r));
    }

    /** Asserts that SupportedFeatureProfiles lists {@code profile}. */
    static void assertProfileSupported(ChargePointConnection cp, String profile) throws Exception {
        String value = key(cp, "SupportedFeatureProfiles").value();
        assertTrue("SupportedFeatureProfiles=" + value, List.of(value.split(",")).contains(profile));
    }
}
