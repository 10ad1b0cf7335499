/**
 * The OCPP 1.6 SmartCharging profile. {@link io.chargegate.profile.smartcharging.internal.ScheduleEngine} (pure
 * schedule arithmetic), {@link io.chargegate.profile.smartcharging.internal.ProfileRules} (SetChargingProfile checks)
 * and {@link io.chargegate.profile.smartcharging.internal.StationCharging} (one station's profiles, persistence and
 * limit application) hold no OSGi; {@link io.chargegate.profile.smartcharging.internal.SmartChargingService} and the
 * three handler components are the thin DS layer. Nothing here is exported; the profiles themselves live in the
 * station's store (profile state namespace {@code smartcharging}).
 */
package io.chargegate.profile.smartcharging.internal;
