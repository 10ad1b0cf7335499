package io.chargegate.ocpp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The conventions the codec relies on, checked on every record of the model. */
class RecordConventionsTest {

    @Test
    void modelHasAllPayloadsAndDatatypes() {
        // 78 payloads + 8 OCPP 1.6 datatypes + 3 security datatypes
        assertEquals(89, ModelTypes.records().size());
    }

    @Test
    void everyRecordIsAPublicPayloadWithoutGetters() {
        for (Class<?> record : ModelTypes.records()) {
            assertTrue(Modifier.isPublic(record.getModifiers()), record.getName());
            assertTrue(Payload.class.isAssignableFrom(record), record + " is not a Payload");
            for (Method method : record.getMethods()) {
                assertFalse(method.getName().startsWith("get") && method.getDeclaringClass() == record,
                        record.getSimpleName() + "." + method.getName());
            }
        }
    }

    @Test
    void primitiveComponentsAreRequired() {
        for (Class<?> record : ModelTypes.records()) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getType().isPrimitive()) {
                    assertNotNull(component.getAnnotation(Required.class), record.getSimpleName() + "." + component.getName());
                }
            }
        }
    }

    @Test
    void requiredOnlyConstructorAndWithersCoverEveryOptionalComponent() throws ReflectiveOperationException {
        for (Class<?> record : ModelTypes.records()) {
            RecordComponent[] components = record.getRecordComponents();
            List<RecordComponent> required = Arrays.stream(components)
                    .filter(c -> c.getAnnotation(Required.class) != null).toList();
            if (required.size() == components.length) {
                continue;
            }
            Constructor<?> small = record.getConstructor(required.stream().map(RecordComponent::getType).toArray(Class<?>[]::new));
            Object[] args = required.stream().map(c -> ModelTypes.sample(c.getType())).toArray();
            Object base = small.newInstance(args);
            assertEquals(ModelTypes.instantiate(record), base, record.getSimpleName());
            for (RecordComponent component : components) {
                if (component.getAnnotation(Required.class) != null) {
                    continue;
                }
                String name = component.getName();
                Method wither = record.getMethod("with" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                        component.getType());
                assertEquals(record, wither.getReturnType());
                Object value = distinctValue(component);
                if (value == null) {
                    continue;
                }
                Object changed = wither.invoke(base, value);
                for (RecordComponent other : components) {
                    Object actual = other.getAccessor().invoke(changed);
                    Object expected = other == component ? value : other.getAccessor().invoke(base);
                    assertEquals(expected, actual, record.getSimpleName() + ".with" + name + " -> " + other.getName());
                }
            }
        }
    }

    @Test
    void listComponentsAreImmutableCopiesAndNullStaysNull() throws ReflectiveOperationException {
        int lists = 0;
        for (Class<?> record : ModelTypes.records()) {
            RecordComponent[] components = record.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType() != List.class) {
                    continue;
                }
                lists++;
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int j = 0; j < components.length; j++) {
                    types[j] = components[j].getType();
                    args[j] = ModelTypes.sample(types[j]);
                }
                Constructor<?> canonical = record.getDeclaredConstructor(types);
                assertNull(components[i].getAccessor().invoke(canonical.newInstance(args)));

                List<Object> source = new ArrayList<>();
                source.add(elementOf(components[i]));
                args[i] = source;
                Object instance = canonical.newInstance(args);
                source.add(elementOf(components[i]));
                @SuppressWarnings("unchecked")
                List<Object> held = (List<Object>) components[i].getAccessor().invoke(instance);
                assertEquals(1, held.size(), record.getSimpleName() + "." + components[i].getName() + " is not a copy");
                Object extra = elementOf(components[i]);
                assertThrows(UnsupportedOperationException.class, () -> held.add(extra));
            }
        }
        assertEquals(9, lists);
    }

    /** A non-default value for a component, or null where none is simple to make. */
    private static Object distinctValue(RecordComponent component) throws ReflectiveOperationException {
        Class<?> type = component.getType();
        if (type == String.class) {
            return "x";
        }
        if (type == Integer.class) {
            return 7;
        }
        if (type == Double.class) {
            return 1.5;
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == java.time.Instant.class) {
            return java.time.Instant.parse("2024-01-02T03:04:05Z");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class) {
            return List.of(elementOf(component));
        }
        if (type.isRecord()) {
            return ModelTypes.instantiate(type);
        }
        return null;
    }

    private static Object elementOf(RecordComponent component) throws ReflectiveOperationException {
        Class<?> element = ModelTypes.elementType(component);
        if (element == String.class) {
            return "k";
        }
        if (element.isRecord()) {
            return ModelTypes.instantiate(element);
        }
        throw new AssertionError("unexpected list element " + element);
    }

    @Test
    void enumsAndRecordsStayInTheirPackages() {
        Set<String> allowed = Set.of("io.chargegate.ocpp.model.messages", "io.chargegate.ocpp.model.types",
                "io.chargegate.ocpp.model.security");
        for (Class<?> type : ModelTypes.records()) {
            assertTrue(allowed.contains(type.getPackageName()), type.getName());
        }
        for (Class<?> type : ModelTypes.enums()) {
            assertTrue(allowed.contains(type.getPackageName()) && !type.getPackageName().endsWith("messages"),
                    type.getName());
        }
    }
}
