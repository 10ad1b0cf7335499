/**
 * The station API: feature profile bundles register {@link io.chargegate.station.api.FeatureProfileProvider} and
 * {@link io.chargegate.station.api.ActionHandler} services (whiteboard); the runtime registers one
 * {@link io.chargegate.station.api.Station} service per charge point identity.
 */
@Version("1.0.0")
@Export
package io.chargegate.station.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
