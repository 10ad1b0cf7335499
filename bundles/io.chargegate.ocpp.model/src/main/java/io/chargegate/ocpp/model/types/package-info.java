/**
 * The OCPP 1.6 enumerations and nested datatypes shared by the messages of {@link io.chargegate.ocpp.model.messages}.
 */
@Version("1.0.0")
@Export
package io.chargegate.ocpp.model.types;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
