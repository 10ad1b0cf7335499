/**
 * Durable, crash-safe state of one charge point: {@link io.chargegate.store.StateStore} with named
 * {@link io.chargegate.store.DurableQueue}s, {@link io.chargegate.store.DurableMap}s and counters, all holding
 * plain strings. The store knows nothing of OCPP; the runtime encodes its own values (JSON).
 */
@Version("1.0.0")
@Export
package io.chargegate.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
