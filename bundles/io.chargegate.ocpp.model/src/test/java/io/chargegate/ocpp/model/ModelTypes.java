package io.chargegate.ocpp.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test helper: every record and enum type reachable from the {@link Action} catalogue. */
final class ModelTypes {
    private ModelTypes() {
    }

    /** All record types: payloads and nested datatypes. */
    static Set<Class<?>> records() {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Action action : Action.values()) {
            collect(action.requestType(), out);
            collect(action.responseType(), out);
        }
        return out;
    }

    /** All enum types used by record components. */
    static Set<Class<?>> enums() {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> record : records()) {
            for (RecordComponent component : record.getRecordComponents()) {
                Class<?> type = elementType(component);
                if (type.isEnum()) {
                    out.add(type);
                }
            }
        }
        return out;
    }

    /** The component type, or the element type of a {@code List} component. */
    static Class<?> elementType(RecordComponent component) {
        if (component.getType() == List.class) {
            Type arg = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            return (Class<?>) arg;
        }
        return component.getType();
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        if (!type.isRecord() || !out.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            collect(elementType(component), out);
        }
    }

    /** A default argument for a component: zero, false, null, or an empty list. */
    static Object sample(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    /** Creates a record through its canonical constructor with {@link #sample} arguments. */
    static Object instantiate(Class<?> record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = sample(types[i]);
        }
        return record.getDeclaredConstructor(types).newInstance(args);
    }
}
