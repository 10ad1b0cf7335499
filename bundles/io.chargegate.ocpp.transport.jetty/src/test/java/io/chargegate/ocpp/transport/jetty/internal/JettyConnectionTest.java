package io.chargegate.ocpp.transport.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.Test;

class JettyConnectionTest {

    @Test
    void basicAuthorizationIsBase64OfIdColonKey() {
        assertEquals("Basic Q1AxOnNlY3JldA==", JettyConnection.basicAuthorization("CP1", "secret"));
    }

    @Test
    void describesFailuresBriefly() {
        URI uri = URI.create("ws://h/ocpp/CP1");
        assertEquals("HTTP 401 on the WebSocket upgrade",
                JettyConnection.describe(new CompletionException(new UpgradeException(uri, 401, "Unauthorized"))));
        assertTrue(JettyConnection.describe(new UnknownHostException("nowhere.invalid"))
                .contains("unknown host nowhere.invalid"));
        String refused = JettyConnection.describe(new CompletionException(new ConnectException("Connection refused")));
        assertTrue(refused.startsWith("connection refused"), refused);
        assertFalse(refused.contains("CompletionException"), refused);
    }
}
