/**
 * The OCPP 1.6 FirmwareManagement profile: {@link io.chargegate.profile.firmware.internal.FirmwareService} announces
 * the profile and its configuration key, tracks the stations and their {@code SystemDriver}s and runs the firmware
 * update and diagnostics upload jobs ({@link io.chargegate.profile.firmware.internal.StationJobs}) on its own
 * scheduler thread; two handler components answer {@code UpdateFirmware} and {@code GetDiagnostics}. The jobs are
 * kept in the station's store (profile state namespace {@code firmware}), so a restart, including the reboot a
 * firmware installation causes, resumes them. Nothing here is exported.
 */
package io.chargegate.profile.firmware.internal;
