/**
 * The OCPP 1.6 Core profile: one DS component per CSMS-initiated Core action, each registering an
 * {@link io.chargegate.station.api.ActionHandler} that translates the CALL into one
 * {@link io.chargegate.station.api.Station} operation and the result into the CALLRESULT, plus
 * {@link io.chargegate.profile.core.internal.CoreProfile}, which announces the profile. Nothing here is exported and
 * nothing here holds charging state: the station runtime owns it.
 */
package io.chargegate.profile.core.internal;
