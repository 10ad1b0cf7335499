package io.chargegate.driver.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of the simulator's factory configuration (PID {@value SimulatedChargePoint#PID}): one configuration per
 * simulated charge point. The component reads the raw properties through {@link SimulatorSettings#fromProperties},
 * which applies the same defaults and validates every value.
 */
@ObjectClassDefinition(name = "ChargeGate simulated charge point",
        description = "A simulated charger implementing the hardware driver SPI; driven with the sim:* Gogo commands.")
public @interface SimulatorConfig {

    @AttributeDefinition(name = "Station", description = "Charge point identity served; * serves any station.")
    String stationId() default SimulatorSettings.DEFAULT_STATION_ID;

    @AttributeDefinition(name = "Connectors", min = "1", max = "16")
    int connectors() default SimulatorSettings.DEFAULT_CONNECTORS;

    @AttributeDefinition(name = "Maximum current (A per phase)", min = "0")
    double maxCurrent() default SimulatorSettings.DEFAULT_MAX_CURRENT;

    @AttributeDefinition(name = "Phases", options = {@Option(label = "1", value = "1"), @Option(label = "3", value = "3")})
    int phases() default SimulatorSettings.DEFAULT_PHASES;

    @AttributeDefinition(name = "Nominal voltage (V, phase to neutral)", min = "0")
    double nominalVoltage() default SimulatorSettings.DEFAULT_NOMINAL_VOLTAGE;

    @AttributeDefinition(name = "Fixed cable", description = "Tethered cable: no lock, unlock answers NotSupported.")
    boolean fixedCable() default SimulatorSettings.DEFAULT_FIXED_CABLE;

    @AttributeDefinition(name = "Vendor", description = "BootNotification chargePointVendor (at most 20 characters).")
    String vendor() default SimulatorSettings.DEFAULT_VENDOR;

    @AttributeDefinition(name = "Model", description = "BootNotification chargePointModel (at most 20 characters).")
    String model() default SimulatorSettings.DEFAULT_MODEL;

    @AttributeDefinition(name = "Serial number", required = false)
    String serialNumber() default SimulatorSettings.DEFAULT_SERIAL_NUMBER;

    @AttributeDefinition(name = "Firmware version", required = false)
    String firmwareVersion() default SimulatorSettings.DEFAULT_FIRMWARE_VERSION;

    @AttributeDefinition(name = "EV power (W)", description = "Power the simulated EV draws when allowed.", min = "0")
    double evPower() default SimulatorSettings.DEFAULT_EV_POWER;

    @AttributeDefinition(name = "Initial energy register (Wh)", min = "0")
    double meterStartWh() default SimulatorSettings.DEFAULT_METER_START_WH;

    @AttributeDefinition(name = "Data directory", required = false,
            description = "Where the energy registers, the plugged-in EVs and the installed firmware record persist "
                    + "(one directory per simulator); empty keeps them in memory.")
    String dataDirectory() default SimulatorSettings.DEFAULT_DATA_DIRECTORY;

    @AttributeDefinition(name = "Fail firmware installation",
            description = "When set, installing firmware fails (to exercise InstallationFailed).")
    boolean failFirmwareInstall() default SimulatorSettings.DEFAULT_FAIL_FIRMWARE_INSTALL;

    @AttributeDefinition(name = "Log directory", required = false,
            description = "The gateway log folder (chargegate.log and the rolled chargegate-*.log.gz): the "
                    + "diagnostics archive takes the log of the requested window from here; empty collects no log.")
    String logDirectory() default SimulatorSettings.DEFAULT_LOG_DIRECTORY;

    @AttributeDefinition(name = "Maximum log in a diagnostics archive (bytes)", min = "1",
            description = "When the window's log is larger, the oldest events are left out (the newest part is kept).")
    long diagnosticsMaxLogBytes() default SimulatorSettings.DEFAULT_DIAGNOSTICS_MAX_LOG_BYTES;
}
