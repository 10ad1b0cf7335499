/**
 * A small OCPP 1.6 central system (CSMS) on the ChargeGate RPC engine and a Jetty 12 WebSocket server: for the
 * distribution's demo mode, for testing charge points by hand and as the scriptable test CSMS of the integration
 * tests. Start one with {@link io.chargegate.csms.demo.DemoCentralSystem#start(DemoSettings)}, or from the command
 * line with {@link io.chargegate.csms.demo.DemoCentralSystemMain}, or in OSGi through the configuration PID
 * {@code io.chargegate.csms.demo}.
 */
@Version("1.1.0")
@Export
package io.chargegate.csms.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
