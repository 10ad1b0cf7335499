package io.chargegate.csms.demo.internal;

import io.chargegate.csms.demo.DemoCentralSystem;
import io.chargegate.csms.demo.DemoSettings;
import io.chargegate.csms.demo.ServerTls;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link DemoCentralSystem} while the configuration {@value #PID} exists and registers it as a service of
 * type {@link DemoCentralSystem} (properties {@code csms.url} and {@code csms.port}), so tests and shell commands
 * can find it. A configuration change restarts it.
 */
@Component(service = {}, immediate = true, configurationPid = DemoCentralSystemComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoCentralSystemComponent.Config.class)
public final class DemoCentralSystemComponent {

    /** The configuration PID. */
    public static final String PID = "io.chargegate.csms.demo";

    /** The configuration of the demo central system. */
    @ObjectClassDefinition(name = "ChargeGate demo central system",
            description = "A small OCPP 1.6 central system for demos and tests")
    public @interface Config {
        @AttributeDefinition(name = "Host", description = "Address to bind (0.0.0.0 for every interface)")
        String host() default DemoSettings.DEFAULT_HOST;

        @AttributeDefinition(name = "Port", description = "TCP port (0 = a free ephemeral port)", min = "0", max = "65535")
        int port() default DemoSettings.DEFAULT_PORT;

        @AttributeDefinition(name = "Heartbeat interval", description = "Seconds, sent in BootNotification responses", min = "0")
        int heartbeatInterval() default DemoSettings.DEFAULT_HEARTBEAT_INTERVAL;

        @AttributeDefinition(name = "Blocked idTags", description = "idTags answered with Blocked", required = false)
        String[] blockedIdTags() default {};

        @AttributeDefinition(name = "Boot status", description = "Registration status of BootNotification responses",
                options = {@Option(label = "Accepted", value = "Accepted"), @Option(label = "Pending", value = "Pending"),
                        @Option(label = "Rejected", value = "Rejected")})
        String bootStatus() default "Accepted";

        @AttributeDefinition(name = "Call timeout", description = "Seconds a central-system CALL waits for its answer", min = "1")
        int callTimeoutSeconds() default 30;

        @AttributeDefinition(name = "Authorization keys", type = AttributeType.PASSWORD, required = false,
                description = "chargePointId=key entries; when any is given, every charge point needs HTTP Basic auth")
        String[] authorizationKeys() default {};

        @AttributeDefinition(name = "TLS key store", required = false,
                description = "PKCS12 file with the server key and certificate; when given, the listener is wss:// (TLS)")
        String keyStore() default "";

        @AttributeDefinition(name = "TLS key store password", type = AttributeType.PASSWORD, required = false,
                description = "Password of the key store and its key")
        String keyStorePassword() default "";

        @AttributeDefinition(name = "Client trust store", required = false,
                description = "PEM or PKCS12 file with the certificates charge point client certificates are checked "
                        + "against (needs the TLS key store)")
        String trustStore() default "";

        @AttributeDefinition(name = "Client trust store password", type = AttributeType.PASSWORD, required = false,
                description = "Password of a PKCS12 trust store (none for PEM)")
        String trustStorePassword() default "";

        @AttributeDefinition(name = "Client certificate required", description = "Refuse TLS handshakes without a trusted "
                + "client certificate (security profile 3; needs the trust store); off: a client certificate is optional")
        boolean clientCertificateRequired() default false;
    }

    private final DemoCentralSystem csms;
    private final ServiceRegistration<DemoCentralSystem> registration;

    /** Starts the central system and registers it. */
    @Activate
    public DemoCentralSystemComponent(BundleContext context, Config config) {
        csms = DemoCentralSystem.start(settings(config));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("csms.url", csms.url().toString());
        props.put("csms.port", csms.port());
        try {
            registration = context.registerService(DemoCentralSystem.class, csms, props);
        } catch (RuntimeException e) {
            csms.close();
            throw e;
        }
    }

    /** Unregisters and stops the central system. */
    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework unregistered it
        }
        csms.close();
    }

    /** The settings a configuration stands for. */
    static DemoSettings settings(Config config) {
        RegistrationStatus bootStatus = RegistrationStatus.fromValue(config.bootStatus());
        if (bootStatus == null) {
            throw new IllegalArgumentException("bootStatus must be Accepted, Pending or Rejected: " + config.bootStatus());
        }
        Map<String, String> keys = new HashMap<>();
        for (String entry : nonBlank(config.authorizationKeys())) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("authorizationKeys entries are chargePointId=key");
            }
            keys.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return DemoSettings.defaults()
                .withTls(tls(config))
                .withHost(config.host())
                .withPort(config.port())
                .withHeartbeatInterval(config.heartbeatInterval())
                .withBlockedIdTags(nonBlank(config.blockedIdTags()))
                .withBootStatus(bootStatus)
                .withCallTimeout(Duration.ofSeconds(config.callTimeoutSeconds()))
                .withAuthorizationKeys(keys);
    }

    /** The TLS settings of a configuration; null without a key store. */
    private static ServerTls tls(Config config) {
        String keyStore = blankToNull(config.keyStore());
        String trustStore = blankToNull(config.trustStore());
        String trustStorePassword = blankToNull(config.trustStorePassword());
        if (keyStore == null) {
            if (trustStore != null || config.clientCertificateRequired()) {
                throw new IllegalArgumentException("trustStore and clientCertificateRequired need a keyStore (TLS)");
            }
            return null;
        }
        ServerTls tls = ServerTls.of(Path.of(keyStore), config.keyStorePassword() == null ? "" : config.keyStorePassword());
        if (trustStore != null) {
            tls = tls.withClientCertificates(Path.of(trustStore), trustStorePassword, config.clientCertificateRequired());
        } else if (config.clientCertificateRequired()) {
            throw new IllegalArgumentException("clientCertificateRequired needs a trustStore");
        } else if (trustStorePassword != null) {
            throw new IllegalArgumentException("trustStorePassword given without trustStore");
        }
        return tls;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The trimmed, non-blank values (metatype UIs and ConfigAdmin may give empty strings or duplicates). */
    private static Set<String> nonBlank(String[] values) {
        Set<String> result = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                result.add(v.trim());
            }
        }
        return result;
    }
}
