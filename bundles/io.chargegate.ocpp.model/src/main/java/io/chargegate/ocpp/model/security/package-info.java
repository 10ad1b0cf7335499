/**
 * The OCPP 1.6 security extension: its request and response records and their own enumerations and datatypes.
 */
@Version("1.0.0")
@Export
package io.chargegate.ocpp.model.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
