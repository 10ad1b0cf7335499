package io.chargegate.ocpp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.Phase;
import io.chargegate.ocpp.model.types.ReadingContext;
import io.chargegate.ocpp.model.types.UnitOfMeasure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EnumConventionsTest {

    @Test
    void everyEnumHasUniqueWireValuesAndFromValue() throws ReflectiveOperationException {
        Set<Class<?>> enums = ModelTypes.enums();
        assertEquals(49, enums.size(), "35 OCPP 1.6 enums + 14 security extension enums");
        for (Class<?> type : enums) {
            assertTrue(OcppEnum.class.isAssignableFrom(type), type + " is not an OcppEnum");
            Method fromValue = type.getMethod("fromValue", String.class);
            assertTrue(Modifier.isStatic(fromValue.getModifiers()));
            assertEquals(type, fromValue.getReturnType());
            Set<String> seen = new HashSet<>();
            for (Object constant : type.getEnumConstants()) {
                String value = ((OcppEnum) constant).value();
                assertTrue(seen.add(value), type.getSimpleName() + ": duplicate value " + value);
                assertSame(constant, fromValue.invoke(null, value));
                assertEquals(((Enum<?>) constant).name(), upperSnake(value), type.getSimpleName() + "." + value);
            }
            assertNull(fromValue.invoke(null, "NoSuchValue"));
            assertNull(fromValue.invoke(null, (Object) null));
        }
    }

    @Test
    void wireSpellingsAreExact() {
        assertEquals("SuspendedEVSE", ChargePointStatus.SUSPENDED_EVSE.value());
        assertEquals("EVCommunicationError", ChargePointErrorCode.EV_COMMUNICATION_ERROR.value());
        assertEquals("Energy.Active.Import.Register", Measurand.ENERGY_ACTIVE_IMPORT_REGISTER.value());
        assertEquals("Sample.Periodic", ReadingContext.SAMPLE_PERIODIC.value());
        assertEquals("Celcius", UnitOfMeasure.CELCIUS.value());
        assertEquals("Celsius", UnitOfMeasure.CELSIUS.value());
        assertEquals("Hertz", UnitOfMeasure.HERTZ.value());
        assertEquals("kWh", UnitOfMeasure.KWH.value());
        assertEquals("L1-N", Phase.L1_N.value());
        assertSame(UnitOfMeasure.PERCENT, UnitOfMeasure.fromValue("Percent"));
        assertNull(UnitOfMeasure.fromValue("percent"), "wire values are case-sensitive");
    }

    /** The constant naming rule: separators become '_', camel case humps become '_', all upper case. */
    private static String upperSnake(String value) {
        switch (value) {
            case "SoC": return "SOC";
            case "kWh": return "KWH";
            case "kW": return "KW";
            case "kVA": return "KVA";
            case "kvar": return "KVAR";
            case "kvarh": return "KVARH";
            default:
                return value.replaceAll("[.\\-]", "_")
                        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                        .toUpperCase();
        }
    }
}
