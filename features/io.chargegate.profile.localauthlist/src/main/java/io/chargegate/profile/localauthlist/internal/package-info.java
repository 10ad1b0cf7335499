/**
 * The OCPP 1.6 LocalAuthListManagement profile: DS components registering
 * {@link io.chargegate.station.api.ActionHandler}s for {@code GetLocalListVersion} and {@code SendLocalList}, each
 * translating the CALL into one {@link io.chargegate.station.api.Station} operation, plus
 * {@link io.chargegate.profile.localauthlist.internal.LocalAuthListProfile}, which announces the profile and
 * contributes {@code LocalAuthListEnabled}, {@code LocalAuthListMaxLength} and {@code SendLocalListMaxLength}.
 * Nothing here is exported and nothing here holds the list: the station runtime stores it and authorizes from it.
 */
package io.chargegate.profile.localauthlist.internal;
