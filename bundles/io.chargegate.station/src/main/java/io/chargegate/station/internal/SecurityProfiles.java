package io.chargegate.station.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an OCPP 1.6 security profile (security whitepaper, configuration key {@code SecurityProfile}) needs of a
 * station, and the CSMS URL it connects to. Used when the CSMS raises the profile with ChangeConfiguration and each
 * time the station opens a connection.
 * <ul>
 *   <li>1: an AuthorizationKey (HTTP Basic auth) and a chargePointId without {@code ':'} (the Basic auth user);</li>
 *   <li>2: an AuthorizationKey and TLS: the CSMS URL is used as {@code wss://} (a {@code ws://} URL becomes
 *       {@code wss://} with the same host, port and path), trusting {@code trustStore} when configured (it must be
 *       readable), else the JVM's default trust store;</li>
 *   <li>3: TLS as for 2 and a readable {@code clientCertificate}; no Basic auth.</li>
 * </ul>
 */
final class SecurityProfiles {

    private SecurityProfiles() {
    }

    /**
     * The CSMS base URL for {@code profile}: the configured one, but from profile 2 on always {@code wss://} (a
     * {@code ws://} URL keeps its host, port and path and gets the scheme {@code wss}).
     */
    static URI csmsUrl(URI configured, int profile) {
        if (profile < 2 || !"ws".equalsIgnoreCase(configured.getScheme())) {
            return configured;
        }
        String s = configured.toString();
        return URI.create("wss" + s.substring(s.indexOf(':')));
    }

    /**
     * What is missing for {@code profile}, as one phrase for a log line ("no AuthorizationKey is set; ..."), or null
     * when everything it needs is in place.
     *
     * @param profile          0..3
     * @param settings         the station's settings (trust store, client certificate)
     * @param authorizationKey the AuthorizationKey in use (null or empty: none)
     */
    static String missing(int profile, StationSettings settings, String authorizationKey) {
        List<String> missing = new ArrayList<>();
        if ((profile == 1 || profile == 2) && (authorizationKey == null || authorizationKey.isEmpty())) {
            missing.add("no AuthorizationKey is set (profile " + profile + " uses HTTP Basic auth)");
        }
        if ((profile == 1 || profile == 2) && settings.chargePointId().indexOf(':') >= 0) {
            missing.add("chargePointId " + settings.chargePointId() + " contains ':' (the HTTP Basic auth user name of "
                    + "profile " + profile + " cannot)");
        }
        if (profile >= 2 && settings.trustStore() != null && !Files.isReadable(settings.trustStore())) {
            missing.add("trustStore " + settings.trustStore() + " is not a readable file");
        }
        if (profile == 3) {
            Path client = settings.clientCertificate();
            if (client == null) {
                missing.add("no clientCertificate is configured (profile 3 authenticates with a client certificate)");
            } else if (!Files.isReadable(client)) {
                missing.add("clientCertificate " + client + " is not a readable file");
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }
}
