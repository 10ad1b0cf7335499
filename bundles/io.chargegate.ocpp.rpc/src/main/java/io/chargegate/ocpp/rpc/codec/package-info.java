/**
 * The OCPP-J codec: frames ({@code [2,..]}, {@code [3,..]}, {@code [4,..]}) and payloads to and from JSON text,
 * validated as strictly as the official OCPP 1.6 JSON schemas. Usable on its own, without a session.
 */
@Version("1.0.0")
@Export
package io.chargegate.ocpp.rpc.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
