package io.chargegate.ocpp.transport.jetty.internal;

import io.chargegate.ocpp.transport.jetty.ConnectionListener;
import io.chargegate.ocpp.transport.jetty.ConnectionSettings;
import io.chargegate.ocpp.transport.jetty.JettyOcppConnector;
import io.chargegate.ocpp.transport.jetty.OcppConnection;
import io.chargegate.ocpp.transport.jetty.OcppConnector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Publishes one shared {@link JettyOcppConnector} as the {@link OcppConnector} service. Deactivation (bundle stop or
 * a configuration change) closes every connection opened through it gracefully and stops Jetty.
 */
@Component(service = OcppConnector.class, immediate = true, configurationPid = JettyConnectorComponent.PID)
@Designate(ocd = JettyConnectorComponent.Config.class)
public final class JettyConnectorComponent implements OcppConnector {

    /** The configuration PID. */
    public static final String PID = "io.chargegate.ocpp.transport.jetty";

    /** Configuration of the shared Jetty WebSocket client. */
    @ObjectClassDefinition(name = "ChargeGate OCPP WebSocket client (Jetty)",
            description = "The Jetty 12 WebSocket client shared by all charge point connections")
    public @interface Config {
        /** Maximum threads of the shared pool. */
        @AttributeDefinition(name = "Max threads", min = "8",
                description = "Maximum threads of the pool shared by all connections")
        int maxThreads() default JettyOcppConnector.DEFAULT_MAX_THREADS;

        /** Largest text message accepted from a CSMS. */
        @AttributeDefinition(name = "Max text message size", min = "1024",
                description = "Largest text message accepted from a CSMS, in bytes")
        int maxTextMessageSize() default JettyOcppConnector.DEFAULT_MAX_TEXT_MESSAGE_SIZE;
    }

    private final JettyOcppConnector connector;

    /** Starts the shared connector. */
    @Activate
    public JettyConnectorComponent(Config config) {
        this.connector = new JettyOcppConnector(config.maxThreads(), config.maxTextMessageSize());
    }

    /** Closes all connections and stops Jetty. */
    @Deactivate
    void deactivate() {
        connector.close();
    }

    @Override
    public OcppConnection open(ConnectionSettings settings, ConnectionListener listener) {
        return connector.open(settings, listener);
    }
}
