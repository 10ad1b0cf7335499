/**
 * The OCPP-J RPC engine: {@link io.chargegate.ocpp.rpc.RpcSession} over any {@link io.chargegate.ocpp.rpc.Transport},
 * in the charge point or the central system role, with the OCPP-J 1.6 error codes; {@link
 * io.chargegate.ocpp.rpc.FrameRedaction} masks secrets in frames that are logged.
 */
@Version("1.1.0")
@Export
package io.chargegate.ocpp.rpc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
