/**
 * The OCPP 1.6 RemoteTrigger profile: a DS component registering the
 * {@link io.chargegate.station.api.ActionHandler} for {@code TriggerMessage}, which translates the CALL into
 * {@link io.chargegate.station.api.Station#trigger}, plus
 * {@link io.chargegate.profile.remotetrigger.internal.RemoteTriggerProfile}, which announces the profile. Nothing here
 * is exported and nothing here sends a message: outbound messages belong to the station runtime.
 */
package io.chargegate.profile.remotetrigger.internal;
