/**
 * The OCPP 1.6 action catalogue ({@link io.chargegate.ocpp.model.Action}), the marker interfaces every
 * payload implements, and the constraint annotations that say how strict the official schemas are.
 */
@Version("1.0.0")
@Export
package io.chargegate.ocpp.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
