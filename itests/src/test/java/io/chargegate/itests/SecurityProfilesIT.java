package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.DemoCentralSystem;
import io.chargegate.csms.demo.Handshake;
import io.chargegate.csms.demo.RefusedConnection;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.GetConfigurationRequest;
import io.chargegate.ocpp.model.messages.ResetRequest;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import javax.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.chargegate.itests.Ocpp.awaitAfter;
import static io.chargegate.itests.Ocpp.awaitTrue;
import static io.chargegate.itests.Ocpp.call;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

/**
 * OCPP 1.6 security profiles on the real bundles with the simulator and the demo CSMS: TC_083 (ChangeConfiguration
 * SecurityProfile raises the profile, used after a Reset, never lowered again), TC_084 (a lower SecurityProfile is
 * Rejected), TC_085 (profile 1, HTTP Basic
 * auth {@code <chargePointId>:<AuthorizationKey>} over ws://), TC_086 (profile 2, TLS with a server certificate + Basic
 * auth) and TC_087 (profile 3, TLS with a client certificate). The certificates are made per test with the running
 * JDK's keytool: a self-signed (CA-less) CSMS certificate with SAN {@code ip:127.0.0.1,dns:localhost}, its PEM for
 * the station's trust store, an unrelated certificate nobody trusts, and a charge point key pair
 * ({@code CN=<chargePointId>}, PKCS12) for profile 3.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityProfilesIT {

    private static final String KEY = "TC085-Auth-Key-0123";
    private static final String SERVER_PASSWORD = "csms-store-pw";
    private static final String CLIENT_PASSWORD = "cp-store-pw";

    @Inject
    private BundleContext context;

    private StationSupport support;
    private Path certificates;
    private final List<org.osgi.service.cm.Configuration> ownStations = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(ChargeGateOptions.runtime(),
                ChargeGateOptions.chargegate("io.chargegate.driver.simulator"),
                ChargeGateOptions.chargegate("io.chargegate.profile.core"));
    }

    @Before
    public void setUp() throws Exception {
        // one identity per test: the Felix instance is shared by the class
        support = new StationSupport(context, "CP-SP-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        certificates = Files.createTempDirectory("chargegate-it-pki-");
        support.startSimulator(1);
    }

    @After
    public void tearDown() throws Exception {
        for (org.osgi.service.cm.Configuration c : ownStations) {
            c.delete();
        }
        ownStations.clear();
        support.close();
        try (Stream<Path> files = Files.walk(certificates)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- TC_083 / TC_084

    /**
     * TC_083, profile 1 to 2, as the compliance tool runs it: one endpoint (host and port) that the CSMS serves first
     * without and then with TLS. The station on profile 1 ({@code ws://127.0.0.1:<port>/ocpp}, Basic auth, a trust
     * store for the CSMS certificate prepared) accepts SecurityProfile=2 and a Reset; from then on it only tries TLS on
     * the same host and port (a probe listening there in place of the CSMS sees TLS ClientHellos only, never a plain
     * HTTP upgrade), and when the CSMS comes back with TLS it connects with TLS and Basic auth, and reports 2.
     */
    @Test
    public void tc083_upgradeFrom1To2ReconnectsOnlyWithTls() throws Exception {
        KeyPair server = keyPair("csms", SERVER_PASSWORD, "CN=ChargeGate test CSMS", "SAN=ip:127.0.0.1,dns:localhost");
        DemoCentralSystem plain = support.startCsms(
                csmsProperties("authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));
        int port = support.csmsPort();
        assertEquals("ws://127.0.0.1:" + port + "/ocpp", plain.url().toString());
        ChargePointConnection cp = support.startStation(1, stationProperties("securityProfile", 1,
                "authorizationKey", KEY, "trustStore", server.pem().toString()));
        assertBootAccepted(cp);
        assertFalse(cp.lastHandshake().orElseThrow().toString(), cp.lastHandshake().orElseThrow().secure());
        assertEquals("1", securityProfile(cp));

        assertEquals(ConfigurationStatus.ACCEPTED,
                call(cp, new ChangeConfigurationRequest("SecurityProfile", "2")).status());
        assertEquals("2", securityProfile(cp));
        assertEquals("still the profile 1 connection until the Reset", 1, cp.connectCount());
        assertEquals(ResetStatus.ACCEPTED, call(cp, new ResetRequest(ResetType.HARD)).status());
        awaitTrue("the station closes its profile 1 connection for the Reset", () -> !cp.isConnected());

        // the CSMS goes away; whatever connects to its port now is what the station sends after the Reset
        support.stopCsms();
        List<Integer> firstBytes = probe(port, 2);
        assertTrue("only TLS handshakes (0x16), never a plain HTTP upgrade: " + firstBytes,
                firstBytes.stream().allMatch(b -> b == 0x16));
        assertEquals("the station never came back to the plain endpoint", 1, cp.connectCount());

        DemoCentralSystem tls = support.startCsms(csmsProperties("port", port,
                "keyStore", server.keyStore().toString(), "keyStorePassword", SERVER_PASSWORD,
                "authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));
        assertEquals("wss://127.0.0.1:" + port + "/ocpp", tls.url().toString());
        ChargePointConnection secure = tls.awaitChargePoint(support.chargePointId, StationSupport.WAIT);
        assertBootAccepted(secure);
        Handshake handshake = secure.lastHandshake().orElseThrow();
        assertTrue("TLS after the upgrade: " + handshake, handshake.secure());
        assertEquals(support.chargePointId, handshake.basicAuthUser());
        assertEquals(KEY, handshake.basicAuthPassword());
        assertEquals("2", securityProfile(secure));
        assertEquals("a lower profile is refused afterwards", ConfigurationStatus.REJECTED,
                call(secure, new ChangeConfigurationRequest("SecurityProfile", "1")).status());
    }

    /** TC_083: an upgrade whose prerequisites are missing (profile 3 without a client certificate) is Rejected. */
    @Test
    public void tc083_upgradeWithoutClientCertificateIsRejected() throws Exception {
        support.startCsms(csmsProperties("authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));
        ChargePointConnection cp = support.startStation(1, stationProperties("securityProfile", 1, "authorizationKey", KEY));
        assertBootAccepted(cp);

        assertEquals(ConfigurationStatus.REJECTED,
                call(cp, new ChangeConfigurationRequest("SecurityProfile", "3")).status());
        assertEquals("1", securityProfile(cp));
    }

    /** TC_084: SecurityProfile one lower than the profile in force is Rejected; the station stays connected. */
    @Test
    public void tc084_downgradeIsRejected() throws Exception {
        support.startCsms(csmsProperties("authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));
        ChargePointConnection cp = support.startStation(1, stationProperties("securityProfile", 1, "authorizationKey", KEY));
        assertBootAccepted(cp);

        assertEquals(ConfigurationStatus.REJECTED,
                call(cp, new ChangeConfigurationRequest("SecurityProfile", "0")).status());
        assertEquals("1", securityProfile(cp));
        assertTrue(cp.isConnected());
        assertEquals(1, cp.connectCount());
    }

    // ------------------------------------------------------------------------------------------- TC_085

    /** TC_085: profile 1: Basic auth with user = chargePointId and password = AuthorizationKey, boot Accepted. */
    @Test
    public void tc085_basicAuthWithChargePointIdAndAuthorizationKey() throws Exception {
        support.startCsms(csmsProperties("authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));

        ChargePointConnection cp = support.startStation(1, stationProperties(
                "securityProfile", 1, "authorizationKey", KEY));

        assertBootAccepted(cp);
        Handshake handshake = cp.lastHandshake().orElseThrow();
        assertFalse("ws:// for profile 1: " + handshake, handshake.secure());
        assertEquals(support.chargePointId, handshake.basicAuthUser());
        assertEquals(KEY, handshake.basicAuthPassword());
        assertTrue(support.csms.refusedConnections().toString(), support.csms.refusedConnections().isEmpty());
    }

    /** TC_085: a wrong AuthorizationKey: the CSMS answers the upgrade with HTTP 401, the station keeps retrying. */
    @Test
    public void tc085_wrongAuthorizationKeyIsRefusedWith401() throws Exception {
        DemoCentralSystem csms = support.startCsms(
                csmsProperties("authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));

        configureStation(stationProperties("securityProfile", 1, "authorizationKey", "Not-The-Right-Key-42"));

        List<RefusedConnection> refusals = awaitRefusals(csms, 2,
                r -> r.httpStatus() == 401 && support.chargePointId.equals(r.chargePointId()));
        assertTrue(refusals.toString(), refusals.stream().noneMatch(r -> r.reason().contains("Not-The-Right-Key")));
        assertNeverConnected(csms);
    }

    // ------------------------------------------------------------------------------------------- TC_086

    /** TC_086: profile 2: wss:// trusting the CSMS certificate (PEM) + Basic auth: connected and Accepted. */
    @Test
    public void tc086_tlsWithServerCertificateAndBasicAuth() throws Exception {
        KeyPair server = keyPair("csms", SERVER_PASSWORD, "CN=ChargeGate test CSMS", "SAN=ip:127.0.0.1,dns:localhost");
        DemoCentralSystem csms = support.startCsms(csmsProperties(
                "keyStore", server.keyStore().toString(), "keyStorePassword", SERVER_PASSWORD,
                "authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));
        assertEquals("wss://127.0.0.1:" + csms.port() + "/ocpp", csms.url().toString());

        ChargePointConnection cp = support.startStation(1, stationProperties("securityProfile", 2,
                "csmsUrl", csms.url().toString(), "trustStore", server.pem().toString(), "authorizationKey", KEY));

        assertBootAccepted(cp);
        Handshake handshake = cp.lastHandshake().orElseThrow();
        assertTrue("TLS for profile 2: " + handshake, handshake.secure());
        assertEquals(support.chargePointId, handshake.basicAuthUser());
        assertEquals(KEY, handshake.basicAuthPassword());
        assertNull("no client certificate in profile 2", handshake.clientCertificateSubject());
    }

    /** TC_086: a trust store without the CSMS certificate: the TLS handshake fails, no connection, retries. */
    @Test
    public void tc086_untrustedServerCertificateGivesNoConnection() throws Exception {
        KeyPair server = keyPair("csms", SERVER_PASSWORD, "CN=ChargeGate test CSMS", "SAN=ip:127.0.0.1,dns:localhost");
        KeyPair other = keyPair("other", "other-store-pw", "CN=Some other CSMS", "SAN=ip:127.0.0.1,dns:localhost");
        DemoCentralSystem csms = support.startCsms(csmsProperties(
                "keyStore", server.keyStore().toString(), "keyStorePassword", SERVER_PASSWORD,
                "authorizationKeys", new String[] {support.chargePointId + "=" + KEY}));

        configureStation(stationProperties("securityProfile", 2, "csmsUrl", csms.url().toString(),
                "trustStore", other.pem().toString(), "authorizationKey", KEY));

        awaitRefusals(csms, 2, RefusedConnection::tlsHandshakeFailed);
        assertNeverConnected(csms);
    }

    // ------------------------------------------------------------------------------------------- TC_087

    /** TC_087: profile 3: wss:// with a client certificate the CSMS requires: Accepted, the CSMS saw its subject. */
    @Test
    public void tc087_tlsWithClientCertificate() throws Exception {
        KeyPair server = keyPair("csms", SERVER_PASSWORD, "CN=ChargeGate test CSMS", "SAN=ip:127.0.0.1,dns:localhost");
        KeyPair client = keyPair("cp", CLIENT_PASSWORD, "CN=" + support.chargePointId + ",O=ChargeGate IT", null);
        DemoCentralSystem csms = support.startCsms(csmsProperties(
                "keyStore", server.keyStore().toString(), "keyStorePassword", SERVER_PASSWORD,
                "trustStore", client.pem().toString(), "clientCertificateRequired", Boolean.TRUE));

        ChargePointConnection cp = support.startStation(1, stationProperties("securityProfile", 3,
                "csmsUrl", csms.url().toString(), "trustStore", server.pem().toString(),
                "clientCertificate", client.keyStore().toString(), "clientCertificatePassword", CLIENT_PASSWORD));

        assertBootAccepted(cp);
        Handshake handshake = cp.lastHandshake().orElseThrow();
        assertTrue(handshake.toString(), handshake.secure());
        assertEquals("CN=" + support.chargePointId + ",O=ChargeGate IT", handshake.clientCertificateSubject());
        assertNull("profile 3 sends no Basic auth", handshake.basicAuthUser());
    }

    /** TC_087: the same CSMS refuses a station without a client certificate (profile 2 settings): no connection. */
    @Test
    public void tc087_missingClientCertificateGivesNoConnection() throws Exception {
        KeyPair server = keyPair("csms", SERVER_PASSWORD, "CN=ChargeGate test CSMS", "SAN=ip:127.0.0.1,dns:localhost");
        KeyPair client = keyPair("cp", CLIENT_PASSWORD, "CN=" + support.chargePointId, null);
        DemoCentralSystem csms = support.startCsms(csmsProperties(
                "keyStore", server.keyStore().toString(), "keyStorePassword", SERVER_PASSWORD,
                "trustStore", client.pem().toString(), "clientCertificateRequired", Boolean.TRUE));

        configureStation(stationProperties("securityProfile", 2, "csmsUrl", csms.url().toString(),
                "trustStore", server.pem().toString(), "authorizationKey", KEY));

        awaitRefusals(csms, 2, RefusedConnection::tlsHandshakeFailed);
        assertNeverConnected(csms);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The station's SecurityProfile as GetConfiguration reports it. */
    private static String securityProfile(ChargePointConnection cp) throws Exception {
        return call(cp, new GetConfigurationRequest(List.of("SecurityProfile"))).configurationKey().get(0).value();
    }

    /**
     * Listens on the loopback {@code port} (where the CSMS was) until {@code count} connections arrived and returns
     * the first byte each sent (0x16: a TLS handshake record; 'G': a plain HTTP upgrade), closing each at once.
     */
    private static List<Integer> probe(int port, int count) throws IOException {
        List<Integer> firstBytes = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener.setSoTimeout((int) StationSupport.WAIT.toMillis());
            while (firstBytes.size() < count) {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout((int) StationSupport.WAIT.toMillis());
                    InputStream in = s.getInputStream();
                    firstBytes.add(in.read());
                }
            }
        }
        return firstBytes;
    }

    private static void assertBootAccepted(ChargePointConnection cp) throws InterruptedException {
        BootNotificationResponse boot = (BootNotificationResponse) awaitAfter(cp, 0, Action.BOOT_NOTIFICATION).response();
        assertEquals(RegistrationStatus.ACCEPTED, boot.status());
    }

    /**
     * The station never got through: the CSMS never accepted a connection of this identity, and the station's own
     * status says not connected and not registered.
     */
    private void assertNeverConnected(DemoCentralSystem csms) throws Exception {
        Station station = support.service(Station.class, "(chargegate.station=" + support.chargePointId + ")");
        StationStatus status = station.status();
        assertFalse("station status: " + status, status.connected());
        assertNotEquals("station status: " + status, RegistrationStatus.ACCEPTED, status.registration());
        assertTrue("the CSMS accepted no connection of " + support.chargePointId + ": " + csms.chargePoints(),
                csms.chargePoint(support.chargePointId).isEmpty());
    }

    /** Waits until the CSMS refused at least {@code count} connections that match (so the station retried). */
    private static List<RefusedConnection> awaitRefusals(DemoCentralSystem csms, int count,
                                                         Predicate<RefusedConnection> matcher) throws InterruptedException {
        awaitTrue(count + " matching refused connections; so far " + csms.refusedConnections(),
                () -> csms.refusedConnections().stream().filter(matcher).count() >= count);
        return csms.refusedConnections().stream().filter(matcher).toList();
    }

    private static Dictionary<String, Object> csmsProperties(Object... keyValues) {
        return dictionary(keyValues);
    }

    private static Dictionary<String, Object> stationProperties(Object... keyValues) {
        return dictionary(keyValues);
    }

    private static Dictionary<String, Object> dictionary(Object... keyValues) {
        Dictionary<String, Object> d = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            d.put((String) keyValues[i], keyValues[i + 1]);
        }
        return d;
    }

    /**
     * Configures a station of this test's identity (as {@link StationSupport#startStation} does) without waiting for
     * it to connect, for the cases where it must not; deleted in {@link #tearDown()}.
     */
    private void configureStation(Dictionary<String, Object> extra) throws Exception {
        Dictionary<String, Object> props = dictionary("chargePointId", support.chargePointId,
                "csmsUrl", support.csms.url().toString(),
                "dataDirectory", support.dataDirectory.resolve("stations").toString(),
                "connectors", 1, "minBackoffSeconds", 1, "maxBackoffSeconds", 2);
        for (java.util.Enumeration<String> keys = extra.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            props.put(k, extra.get(k));
        }
        ConfigurationAdmin ca = support.service(ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration c = ca.createFactoryConfiguration("io.chargegate.station", "?");
        ownStations.add(c);
        c.update(props);
    }

    /** A PKCS12 key store with one self-signed key pair and its certificate as PEM. */
    private record KeyPair(Path keyStore, Path pem) {
    }

    /** Makes a self-signed EC key pair ({@code san} in keytool syntax, or null) and exports its certificate. */
    private KeyPair keyPair(String name, String password, String dname, String san) throws Exception {
        Path store = certificates.resolve(name + ".p12");
        Path pem = certificates.resolve(name + ".pem");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
        if (san != null) {
            args.add("-ext");
            args.add(san);
        }
        keytool(args);
        keytool(List.of("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-file", pem.toString()));
        assertTrue("keytool wrote no PEM to " + pem,
                Files.readString(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----"));
        return new KeyPair(store, pem);
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("keytool hung", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals("keytool " + args.get(0) + " failed: " + output, 0, process.exitValue());
    }
}
