/**
 * One record per OCPP 1.6 CALL and CALLRESULT payload: {@code <Action>Request} and {@code <Action>Response}.
 */
@Version("1.0.0")
@Export
package io.chargegate.ocpp.model.messages;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
