package io.chargegate.station.internal;

import io.chargegate.hardware.api.MeterReading;
import io.chargegate.ocpp.model.types.Location;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.Phase;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnitOfMeasure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link MeterReading} into OCPP sampled values for the configured measurands. Stateless. */
final class Metering {
    private static final Phase[] CURRENT_PHASES = {Phase.L1, Phase.L2, Phase.L3};
    private static final Phase[] VOLTAGE_PHASES = {Phase.L1_N, Phase.L2_N, Phase.L3_N};

    private Metering() {
    }

    /**
     * A meter value with one sampled value per measurand the reading can supply (others are left out), or null when
     * none can be supplied.
     *
     * @param energyWh the energy register to report (the runtime keeps it monotonic)
     */
    static MeterValue meterValue(Instant timestamp, MeterReading reading, double energyWh, List<Measurand> measurands,
                                 ReadingContext context) {
        List<SampledValue> values = new ArrayList<>();
        for (Measurand m : measurands) {
            switch (m) {
                case ENERGY_ACTIVE_IMPORT_REGISTER -> values.add(value(energyWh, context, m, null, UnitOfMeasure.WH, Location.OUTLET));
                case POWER_ACTIVE_IMPORT -> {
                    if (reading != null && reading.powerW() != null) {
                        values.add(value(reading.powerW(), context, m, null, UnitOfMeasure.W, Location.OUTLET));
                    }
                }
                case CURRENT_IMPORT -> perPhase(values, reading == null ? null : reading.currentA(), context, m,
                        CURRENT_PHASES, UnitOfMeasure.A);
                case VOLTAGE -> perPhase(values, reading == null ? null : reading.voltageV(), context, m,
                        VOLTAGE_PHASES, UnitOfMeasure.V);
                case FREQUENCY -> {
                    if (reading != null && reading.frequencyHz() != null) {
                        // no unit: Hertz is not allowed in StopTransaction's transactionData
                        values.add(value(reading.frequencyHz(), context, m, null, null, Location.OUTLET));
                    }
                }
                case SOC -> {
                    if (reading != null && reading.socPercent() != null) {
                        values.add(value(reading.socPercent(), context, m, null, UnitOfMeasure.PERCENT, Location.EV));
                    }
                }
                case TEMPERATURE -> {
                    if (reading != null && reading.temperatureC() != null) {
                        values.add(value(reading.temperatureC(), context, m, null, UnitOfMeasure.CELSIUS, Location.BODY));
                    }
                }
                default -> {
                    // not supplied by the meter SPI
                }
            }
        }
        return values.isEmpty() ? null : new MeterValue(timestamp, values);
    }

    private static void perPhase(List<SampledValue> out, double[] perPhase, ReadingContext ctx, Measurand m, Phase[] phases,
                                 UnitOfMeasure unit) {
        if (perPhase == null) {
            return;
        }
        for (int i = 0; i < perPhase.length && i < 3; i++) {
            out.add(value(perPhase[i], ctx, m, perPhase.length == 1 ? null : phases[i], unit, Location.OUTLET));
        }
    }

    private static SampledValue value(double v, ReadingContext ctx, Measurand m, Phase phase, UnitOfMeasure unit, Location loc) {
        return new SampledValue(format(v), ctx, null, m, phase, loc, unit);
    }

    /** A plain decimal with at most 3 fraction digits, no exponent. */
    static String format(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
