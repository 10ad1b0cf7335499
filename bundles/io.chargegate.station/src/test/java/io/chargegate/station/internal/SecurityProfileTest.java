package io.chargegate.station.internal;

import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.KeyValue;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.transport.jetty.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security whitepaper's {@code SecurityProfile} key: raised by the CSMS when its prerequisites are in place
 * (TC_083), never lowered (TC_084), kept in the store over restarts and above a lower configured
 * {@code securityProfile}, applied at the next connection.
 */
class SecurityProfileTest extends RuntimeTestBase {

    private static final String KEY = "0123456789abcdef";

    private StationRuntime bootWith(Object... config) {
        h = new Harness(dir, 1);
        for (int i = 0; i < config.length; i += 2) {
            h.config.put((String) config[i], config[i + 1]);
        }
        return bootPrepared(1);
    }

    private ConnectionSettings lastOpened() {
        return h.csms.opened.get(h.csms.opened.size() - 1);
    }

    /** Reset Soft and wait for the new boot (the station opens a new connection). */
    private void resetAndBoot(StationRuntime st) {
        int opened = h.csms.opened.size();
        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.SOFT));
        h.csms.next(BootNotificationRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
        assertEquals(opened + 1, h.csms.opened.size());
    }

    @Test
    void getConfigurationReportsTheProfileAsReadWrite() {
        StationRuntime st = bootWith("securityProfile", 1, "authorizationKey", KEY);
        KeyValue kv = st.configuration(List.of("SecurityProfile")).known().get(0);
        assertEquals("1", kv.value());
        assertFalse(kv.readonly());
        assertTrue(st.configuration(List.of()).known().stream().anyMatch(k -> k.key().equals("SecurityProfile")),
                "listed in a GetConfiguration without keys");
    }

    @Test
    void tc084_downgradeIsRejected() {
        StationRuntime st = bootWith("securityProfile", 1, "authorizationKey", KEY);
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "0"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "4"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "two"));
        assertEquals("1", value(st, "SecurityProfile"));
        resetAndBoot(st);
        assertEquals(KEY, lastOpened().authorizationKey(), "still Basic auth after the Reset");
    }

    @Test
    void theSameProfileIsAcceptedAndChangesNothing() {
        StationRuntime st = bootWith("securityProfile", 1, "authorizationKey", KEY);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "1"));
        assertEquals("1", value(st, "SecurityProfile"));
        assertEquals(1, h.csms.opened.size(), "no reconnect");
        assertEquals(-1, storedProfileAfterStop(), "nothing stored");
    }

    @Test
    void tc083_upgradeWithoutAnAuthorizationKeyIsRejected() {
        StationRuntime st = bootWith();
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "1"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "2"));
        assertEquals("0", value(st, "SecurityProfile"));
        resetAndBoot(st);
        assertNull(lastOpened().authorizationKey());
        assertEquals(URI.create("ws://csms.test/ocpp"), lastOpened().csmsUrl());
    }

    @Test
    void aChargePointIdWithAColonCannotBeRaisedToABasicAuthProfile() {
        h = new Harness(dir, 1);
        h.config.put("chargePointId", "A:1");
        h.config.put("authorizationKey", KEY);
        h.config.put("systemDriverWaitSeconds", 0); // the fake drivers belong to Harness.ID: none is bound
        StationRuntime st = h.start();
        h.csms.next(BootNotificationRequest.class);
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "1"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "2"));
        assertEquals("0", value(st, "SecurityProfile"));
        st.stop();
        int opened = h.csms.opened.size();
        st = h.start();
        h.csms.next(BootNotificationRequest.class);
        assertEquals(opened + 1, h.csms.opened.size(), "connects again after the restart");
        assertNull(lastOpened().authorizationKey());
    }

    @Test
    void tc083_upgrade0To1AppliesBasicAuthFromTheNextConnection() {
        StationRuntime st = bootWith();
        // the key set while on profile 0 does not reconnect (no Basic auth in profile 0)
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("AuthorizationKey", KEY));
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "1"));
        assertEquals("1", value(st, "SecurityProfile"));
        assertEquals(1, h.csms.opened.size(), "the current connection stays until the Reset");
        assertNull(lastOpened().authorizationKey());

        resetAndBoot(st);
        assertEquals(KEY, lastOpened().authorizationKey(), "Basic auth after the Reset");
        assertEquals(URI.create("ws://csms.test/ocpp"), lastOpened().csmsUrl());
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "0"));
    }

    @Test
    void tc083_upgrade1To2UsesWssWithTheSameHostPortAndPath() throws Exception {
        Path trust = Files.writeString(dir.resolve("csms.pem"), "not parsed by the fake transport");
        h = new Harness(dir, 1);
        h.config.put("csmsUrl", "ws://csms.test:8180/ocpp/v16");
        h.config.put("securityProfile", 1);
        h.config.put("authorizationKey", KEY);
        h.config.put("trustStore", trust.toString());
        StationRuntime st = bootPrepared(1);
        assertEquals(URI.create("ws://csms.test:8180/ocpp/v16"), lastOpened().csmsUrl());
        assertNull(lastOpened().tls(), "no TLS on profile 1 over ws://");

        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "2"));
        resetAndBoot(st);
        ConnectionSettings cs = lastOpened();
        assertEquals(URI.create("wss://csms.test:8180/ocpp/v16"), cs.csmsUrl());
        assertTrue(cs.secure());
        assertNotNull(cs.tls());
        assertEquals(trust, cs.tls().trustStore());
        assertEquals(KEY, cs.authorizationKey());
    }

    @Test
    void theLogNamesTheUrlReallyUsedAndNoReconnectWhenTheProfileRefusesToConnect() throws Exception {
        Path trust = Files.writeString(dir.resolve("csms.pem"), "not parsed by the fake transport");
        h = new Harness(dir, 1);
        h.config.put("securityProfile", 1);
        h.config.put("authorizationKey", KEY);
        h.config.put("trustStore", trust.toString());
        StationRuntime st = bootPrepared(1);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "2"));
        try (ErrCapture log = new ErrCapture()) {
            resetAndBoot(st);
            Harness.await("the connection logged", () -> log.text().contains("] connected to "));
            assertTrue(log.text().contains("[" + Harness.ID + "] connected to wss://csms.test/ocpp"), log.text());

            Files.delete(trust);
            int opened = h.csms.opened.size();
            assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("AuthorizationKey", "fedcba9876543210"));
            Harness.await("the refusal logged", () -> log.text().contains("not connecting: security profile 2"));
            assertTrue(st.isRunning()); // the reconnect has left the station's lock: its log lines are written
            assertFalse(log.text().contains("reconnecting with the new AuthorizationKey"), log.text());
            assertEquals(opened, h.csms.opened.size());
        }
    }

    /** Tees what slf4j-simple (the test logger, printing to the current System.err) writes while it is open. */
    private static final class ErrCapture implements AutoCloseable {
        private final java.io.PrintStream original = System.err;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        ErrCapture() {
            System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                    original.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                    original.write(b, off, len);
                }
            }, true));
        }

        String text() {
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }

    @Test
    void tc083_upgradeWithAMissingTrustStoreOrClientCertificateIsRejected() {
        h = new Harness(dir, 1);
        h.config.put("securityProfile", 1);
        h.config.put("authorizationKey", KEY);
        h.config.put("trustStore", dir.resolve("no-such.pem").toString());
        StationRuntime st = bootPrepared(1);
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "2"));
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "3"));
        assertEquals("1", value(st, "SecurityProfile"));
    }

    @Test
    void tc083_upgrade2To3NeedsAClientCertificate() throws Exception {
        Path client = Files.writeString(dir.resolve("cp.p12"), "not parsed by the fake transport");
        StationRuntime st = bootWith("securityProfile", 2, "authorizationKey", KEY, "csmsUrl", "wss://csms.test/ocpp");
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "3"));
        st.stop();

        h.config.put("clientCertificate", client.toString());
        h.config.put("clientCertificatePassword", "pw");
        st = bootPrepared(1);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "3"));
        resetAndBoot(st);
        assertNull(lastOpened().authorizationKey(), "profile 3 sends no Basic auth");
        assertEquals(client, lastOpened().tls().clientCertificate());
    }

    @Test
    void theRaisedProfileSurvivesARestartAndWinsOverALowerConfiguredOne() {
        StationRuntime st = bootWith("authorizationKey", KEY);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "1"));
        st.stop();

        // the configuration still says 0: the stored 1 wins (never lowered)
        st = bootPrepared(1);
        assertEquals("1", value(st, "SecurityProfile"));
        assertEquals(KEY, lastOpened().authorizationKey());
        assertEquals(ConfigurationStatus.REJECTED, st.changeConfiguration("SecurityProfile", "0"));
        st.stop();

        // a higher configured profile wins over the stored one
        h.config.put("securityProfile", 2);
        h.config.put("csmsUrl", "wss://csms.test/ocpp");
        st = bootPrepared(1);
        assertEquals("2", value(st, "SecurityProfile"));
        assertEquals(URI.create("wss://csms.test/ocpp"), lastOpened().csmsUrl());
    }

    @Test
    void aStoredProfileWhosePrerequisitesAreGoneDoesNotConnectRatherThanFallBack() {
        StationRuntime st = bootWith("authorizationKey", KEY);
        assertEquals(ConfigurationStatus.ACCEPTED, st.changeConfiguration("SecurityProfile", "1"));
        st.stop();

        h.config.remove("authorizationKey");
        int opened = h.csms.opened.size();
        st = h.start();
        assertTrue(st.isRunning());
        assertEquals(opened, h.csms.opened.size(), "no connection without Basic auth");
        assertEquals("1", value(st, "SecurityProfile"));
        assertFalse(st.status().connected());
    }

    /** The stored SecurityProfile, read from the store after stopping the station (-1: none). */
    private int storedProfileAfterStop() {
        h.station.stop();
        StationSettings settings;
        try {
            settings = StationSettings.from(h.config);
        } catch (StationSettings.InvalidConfigException e) {
            throw new AssertionError(e);
        }
        try (io.chargegate.store.StateStore store = io.chargegate.store.StateStore.open(settings.storeFile())) {
            return store.map("config").get("SecurityProfile").map(Integer::parseInt).orElse(-1);
        }
    }
}
