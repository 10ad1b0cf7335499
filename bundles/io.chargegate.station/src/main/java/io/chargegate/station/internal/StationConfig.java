package io.chargegate.station.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The factory configuration of one charge point identity (factory PID {@value StationComponent#FACTORY_PID}).
 * Validated as a whole by {@link StationSettings#from} before anything is opened.
 */
@ObjectClassDefinition(name = "ChargeGate station", description = "One OCPP 1.6 charge point identity connected to a CSMS")
public @interface StationConfig {

    @AttributeDefinition(name = "Charge point id", description = "The charge point identity (last path segment of the CSMS URL), 1..48 characters")
    String chargePointId();

    @AttributeDefinition(name = "CSMS URL", description = "ws:// or wss:// base URL; the charge point id is appended")
    String csmsUrl();

    @AttributeDefinition(name = "Authorization key", type = AttributeType.PASSWORD, required = false,
            description = "HTTP Basic password (security profiles 1 and 2); the CSMS may change it with ChangeConfiguration AuthorizationKey")
    String authorizationKey() default "";

    @AttributeDefinition(name = "Security profile", description = "0 none, 1 Basic auth, 2 TLS + Basic auth, 3 TLS with client certificate",
            options = {@Option(value = "0", label = "0"), @Option(value = "1", label = "1"), @Option(value = "2", label = "2"),
                    @Option(value = "3", label = "3")})
    int securityProfile() default 0;

    @AttributeDefinition(name = "Trust store", required = false, description = "PEM or PKCS12 file with the CSMS certificates to trust (wss://)")
    String trustStore() default "";

    @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false)
    String trustStorePassword() default "";

    @AttributeDefinition(name = "Client certificate", required = false, description = "PKCS12 key store with the charge point certificate (profile 3)")
    String clientCertificate() default "";

    @AttributeDefinition(name = "Client certificate password", type = AttributeType.PASSWORD, required = false)
    String clientCertificatePassword() default "";

    @AttributeDefinition(name = "Verify host name", description = "Check the CSMS certificate against the URL host (keep on outside tests)")
    boolean verifyHostname() default true;

    @AttributeDefinition(name = "Data directory", description = "The store lives in <dataDirectory>/<chargePointId>/state.mv")
    String dataDirectory() default "data";

    @AttributeDefinition(name = "Connectors", description = "Number of connectors (1..64)")
    int connectors() default 1;

    @AttributeDefinition(name = "Call timeout (s)", description = "How long to wait for the CSMS to answer a CALL")
    int callTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Handler timeout (s)", description = "How long a profile handler may take before InternalError is answered")
    int handlerTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Minimum reconnect delay (s)")
    int minBackoffSeconds() default 1;

    @AttributeDefinition(name = "Maximum reconnect delay (s)")
    int maxBackoffSeconds() default 300;

    @AttributeDefinition(name = "Connect timeout (s)")
    int connectTimeoutSeconds() default 15;

    @AttributeDefinition(name = "Default heartbeat interval (s)", description = "HeartbeatInterval until the CSMS sets one")
    int heartbeatIntervalDefault() default 300;

    @AttributeDefinition(name = "Boot retry (s)", description = "Retry delay of BootNotification when the CSMS gives interval 0 or does not answer")
    int bootRetrySeconds() default 60;

    @AttributeDefinition(name = "System driver wait (s)", description = "How long boot waits for a SystemDriver before using vendor/model below")
    int systemDriverWaitSeconds() default 10;

    @AttributeDefinition(name = "Vendor", description = "chargePointVendor when no SystemDriver is bound (max 20)")
    String vendor() default "ChargeGate";

    @AttributeDefinition(name = "Model", description = "chargePointModel when no SystemDriver is bound (max 20)")
    String model() default "Gateway";

    @AttributeDefinition(name = "Driver grace period (s)", description = "How long an open transaction survives its EVSE driver going away")
    int driverGraceSeconds() default 60;

    @AttributeDefinition(name = "Nominal voltage (V)", description = "For A/W conversions when a driver does not say")
    double nominalVoltage() default 230.0;

    @AttributeDefinition(name = "Default limit (A)", description = "Current limit per phase applied to every EVSE when its driver is bound "
            + "and whenever no smart charging limit applies; 0 = the hardware maximum")
    double defaultLimitAmperes() default 0.0;

    @AttributeDefinition(name = "Smart charging hold (s)", description = "When the smart charging profile goes away, how long the limits "
            + "it set stay in force before the fallback limit replaces them; 0 = fall back at once")
    int smartChargingHoldSeconds() default 300;

    @AttributeDefinition(name = "Smart charging fallback limit (A)", description = "Per-phase limit replacing a held smart charging limit "
            + "after the hold (never above the held limit nor the hardware maximum); <= 0 = hold indefinitely")
    double smartChargingFallbackLimitAmperes() default 6.0;

    @AttributeDefinition(name = "Authorization cache size", description = "Most idTags the authorization cache holds (0..100000); "
            + "when full, entries that are not valid (not Accepted, or expired) go first, then the least recently used; 0 = nothing is cached")
    int authorizationCacheSize() default 1000;

    @AttributeDefinition(name = "Reset retry delay (s)", description = "Pause before retrying a failed SystemDriver hard reset "
            + "(OCPP key ResetRetries gives the number of retries), 0..3600")
    int resetRetryDelaySeconds() default 5;

    @AttributeDefinition(name = "EV response window (s)", description = "After a transaction starts (or its EVSE driver is bound "
            + "again) a SuspendedEV is held back this long, so an EV that starts drawing power within it is reported Charging "
            + "directly; 0..60, 0 = report SuspendedEV at once")
    int evResponseSeconds() default 3;

    @AttributeDefinition(name = "Restart hold-off (s)", description = "After an idTag read stopped a transaction, further "
            + "reads of that idTag do not restart charging on the Finishing connector (OCPP 1.6 F2) for this long, so a "
            + "card held on the reader or tapped twice does not toggle stop/start; 0..60, 0 = no hold-off")
    int restartHoldOffSeconds() default 5;
}
