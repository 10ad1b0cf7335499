/**
 * OCPP-J 1.6 WebSocket client transport on Jetty 12: {@link io.chargegate.ocpp.transport.jetty.OcppConnector}
 * opens {@link io.chargegate.ocpp.transport.jetty.OcppConnection}s to a CSMS (subprotocol {@code ocpp1.6}, Basic
 * auth, TLS, WebSocket ping/pong) that reconnect with jittered exponential backoff until closed, and hand each
 * WebSocket session to a {@link io.chargegate.ocpp.transport.jetty.ConnectionListener} as an
 * {@link io.chargegate.ocpp.rpc.Transport}.
 */
@Version("1.0.0")
@Export
package io.chargegate.ocpp.transport.jetty;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
