package io.chargegate.station.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** What the runtime test classes share: a {@link Harness} per test, booting and starting a session. */
abstract class RuntimeTestBase {

    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    /** Starts a station with {@code connectors} connectors and waits for Boot and every Available. */
    StationRuntime boot(int connectors) {
        h = new Harness(dir, connectors);
        return bootPrepared(connectors);
    }

    /** Starts the station of a harness already set up (configuration changed) and waits for Boot and statuses. */
    StationRuntime bootPrepared(int connectors) {
        StationRuntime st = h.start();
        h.csms.next(BootNotificationRequest.class);
        for (int i = 0; i <= connectors; i++) {
            h.csms.nextStatus(i, ChargePointStatus.AVAILABLE);
        }
        return st;
    }

    /** Plug in, present the token, wait for Authorize, StartTransaction and Charging; returns the StartTransaction. */
    StartTransactionRequest startCharging(String idTag) {
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.reader.present(idTag, 0);
        h.csms.next(AuthorizeRequest.class);
        StartTransactionRequest start = h.csms.next(StartTransactionRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.CHARGING);
        return start;
    }

    /** A LocalAuthListManagement profile contributing its keys (list enabled). */
    static FeatureProfileProvider localListProfile() {
        return profile(FeatureProfile.LOCAL_AUTH_LIST_MANAGEMENT,
                ConfigurationKey.readWrite("LocalAuthListEnabled", "true", ConfigurationKey.bool()),
                ConfigurationKey.readOnly("LocalAuthListMaxLength", "100"),
                ConfigurationKey.readOnly("SendLocalListMaxLength", "20"));
    }

    static FeatureProfileProvider profile(FeatureProfile p, ConfigurationKey... keys) {
        return new FeatureProfileProvider() {
            @Override
            public FeatureProfile profile() {
                return p;
            }

            @Override
            public List<ConfigurationKey> configurationKeys() {
                return List.of(keys);
            }
        };
    }

    static String value(Station st, String key) {
        return st.configuration(List.of(key)).known().get(0).value();
    }
}
