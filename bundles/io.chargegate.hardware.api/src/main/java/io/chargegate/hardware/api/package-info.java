/**
 * The hardware driver SPI. A vendor bundle registers one service per capability per connector
 * ({@link io.chargegate.hardware.api.EvseDriver}, {@link io.chargegate.hardware.api.MeterDriver},
 * {@link io.chargegate.hardware.api.ConnectorLockDriver}, {@link io.chargegate.hardware.api.TokenReader})
 * and one {@link io.chargegate.hardware.api.SystemDriver} per charge point (which may report mains power loss to a
 * {@link io.chargegate.hardware.api.PowerSink}, since 1.1), each with the service properties
 * {@value io.chargegate.hardware.api.DriverProperties#STATION} and (per connector)
 * {@value io.chargegate.hardware.api.DriverProperties#CONNECTOR}; {@code service.ranking} breaks ties.
 * Faults are events reported to the sink, never exceptions.
 */
@Version("1.1.0")
@Export
package io.chargegate.hardware.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
