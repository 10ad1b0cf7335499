package io.chargegate.ocpp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every payload record, recursively, with the official OCPP 1.6 (and security extension) JSON
 * schema: property names and order, required properties, Java types, enum values, maxLength, minItems,
 * multipleOf, format, and the context-dependent {@link PathConstraint}s.
 */
class SchemaConformanceTest {

    private static Path schemasDir() {
        String configured = System.getProperty("ocpp.schemas.dir");
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            configured = "/work/main/../shared/ocpp16/schemas";
        }
        return Path.of(configured);
    }

    @TestFactory
    Stream<DynamicTest> everyPayloadMatchesItsSchema() {
        Path dir = schemasDir();
        assumeTrue(Files.isDirectory(dir), "OCPP 1.6 schema folder not found: " + dir.toAbsolutePath()
                + " (set -Docpp.schemas.dir)");
        return Stream.of(Action.values()).flatMap(action -> {
            Path folder = action.profile() == FeatureProfile.SECURITY ? dir.resolve("security") : dir;
            return Stream.of(
                    DynamicTest.dynamicTest(action.wireName() + ".req",
                            () -> check(action.requestType(), folder.resolve(action.wireName() + ".json"))),
                    DynamicTest.dynamicTest(action.wireName() + ".conf",
                            () -> check(action.responseType(), folder.resolve(action.wireName() + "Response.json"))));
        });
    }

    @TestFactory
    Stream<DynamicTest> everySchemaFileHasAnAction() {
        Path dir = schemasDir();
        assumeTrue(Files.isDirectory(dir), "OCPP 1.6 schema folder not found: " + dir.toAbsolutePath());
        return Stream.of(dir, dir.resolve("security")).flatMap(folder -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replace(".json", "").replaceFirst("Response$", "");
            assertEquals(true, Action.forWireName(name).isPresent(), "no Action for " + file);
        }));
    }

    private void check(Class<?> root, Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        Checker checker = new Checker(root, schema);
        checker.object(root, schema, "");
        for (PathConstraint constraint : root.getAnnotationsByType(PathConstraint.class)) {
            if (!checker.usedConstraints.contains(constraint.path())) {
                checker.errors.add("@PathConstraint path matches nothing: " + constraint.path());
            }
        }
        assertEquals(List.of(), checker.errors, root.getSimpleName() + " vs " + file);
    }

    /** One walk over a schema and the records, collecting mismatches. */
    private static final class Checker {
        final List<String> errors = new ArrayList<>();
        final Set<String> usedConstraints = new HashSet<>();
        private final Class<?> root;
        private final Map<String, Object> definitions;

        @SuppressWarnings("unchecked")
        Checker(Class<?> root, Map<String, Object> schema) {
            this.root = root;
            this.definitions = (Map<String, Object>) schema.getOrDefault("definitions", Map.of());
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> resolve(Object node) {
            Map<String, Object> map = (Map<String, Object>) node;
            Object ref = map.get("$ref");
            if (ref != null) {
                String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
                return (Map<String, Object>) definitions.get(name);
            }
            return map;
        }

        private PathConstraint constraint(String path) {
            for (PathConstraint c : root.getAnnotationsByType(PathConstraint.class)) {
                if (c.path().equals(path)) {
                    usedConstraints.add(path);
                    return c;
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        void object(Class<?> record, Map<String, Object> schema, String prefix) {
            String where = prefix.isEmpty() ? record.getSimpleName() : prefix;
            if (!record.isRecord()) {
                errors.add(where + ": " + record.getName() + " is not a record");
                return;
            }
            if (!Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                errors.add(where + ": schema allows additional properties");
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
            RecordComponent[] components = record.getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            if (!names.equals(new ArrayList<>(properties.keySet()))) {
                errors.add(where + ": components " + names + " but schema properties " + properties.keySet());
                return;
            }
            for (RecordComponent component : components) {
                String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
                boolean isRequired = required.contains(component.getName());
                if (isRequired != (component.getAnnotation(Required.class) != null)) {
                    errors.add(path + ": @Required should be " + isRequired);
                }
                value(component, resolve(properties.get(component.getName())), path, isRequired);
            }
        }

        @SuppressWarnings("unchecked")
        private void value(RecordComponent component, Map<String, Object> node, String path, boolean isRequired) {
            Class<?> type = component.getType();
            Object schemaType = node.get("type");
            MaxLength maxLength = component.getAnnotation(MaxLength.class);
            expectSame(path, "maxLength", number(node, "maxLength", node.get("items") == null ? null
                    : resolve(node.get("items"))), maxLength == null ? null : maxLength.value());
            MultipleOf multipleOf = component.getAnnotation(MultipleOf.class);
            expectSame(path, "multipleOf", node.get("multipleOf"), multipleOf == null ? null : multipleOf.value());
            Format format = component.getAnnotation(Format.class);
            Object schemaFormat = "date-time".equals(node.get("format")) ? null : node.get("format");
            expectSame(path, "format", schemaFormat, format == null ? null : format.value());
            if (!"array".equals(schemaType) && component.getAnnotation(MinItems.class) != null) {
                errors.add(path + ": @MinItems on a non-list");
            }
            if (node.containsKey("enum")) {
                enumValues(type, (List<Object>) node.get("enum"), path);
            } else if ("string".equals(schemaType)) {
                expectType(path, "date-time".equals(node.get("format")) ? Instant.class : String.class, type);
            } else if ("integer".equals(schemaType)) {
                expectType(path, isRequired ? int.class : Integer.class, type);
            } else if ("number".equals(schemaType)) {
                expectType(path, isRequired ? double.class : Double.class, type);
            } else if ("boolean".equals(schemaType)) {
                expectType(path, isRequired ? boolean.class : Boolean.class, type);
            } else if ("object".equals(schemaType)) {
                object(type, node, path);
            } else if ("array".equals(schemaType)) {
                expectType(path, List.class, type);
                PathConstraint constraint = constraint(path);
                MinItems minItems = component.getAnnotation(MinItems.class);
                Integer effective = constraint != null && constraint.minItems() >= 0 ? Integer.valueOf(constraint.minItems())
                        : minItems == null ? null : Integer.valueOf(minItems.value());
                expectSame(path, "minItems", node.get("minItems"), effective);
                Map<String, Object> items = resolve(node.get("items"));
                Class<?> element = ModelTypes.elementType(component);
                if ("object".equals(items.get("type"))) {
                    object(element, items, path);
                } else if ("string".equals(items.get("type")) && !items.containsKey("format") && !items.containsKey("enum")) {
                    expectType(path + "[]", String.class, element);
                } else {
                    errors.add(path + ": unexpected array items " + items);
                }
            } else {
                errors.add(path + ": unknown schema type " + schemaType);
            }
        }

        private void enumValues(Class<?> type, List<Object> schemaValues, String path) {
            if (!type.isEnum() || !OcppEnum.class.isAssignableFrom(type)) {
                errors.add(path + ": " + type.getName() + " is not an OcppEnum");
                return;
            }
            PathConstraint constraint = constraint(path);
            List<String> excluded = constraint == null ? List.of() : List.of(constraint.excludedValues());
            List<String> actual = Arrays.stream(type.getEnumConstants()).map(c -> ((OcppEnum) c).value())
                    .filter(v -> !excluded.contains(v)).toList();
            if (!actual.equals(schemaValues)) {
                errors.add(path + ": " + type.getSimpleName() + " values " + actual + " but schema " + schemaValues);
            }
        }

        private static Object number(Map<String, Object> node, String key, Map<String, Object> items) {
            Object value = node.get(key);
            if (value == null && items != null) {
                value = items.get(key);
            }
            return value;
        }

        private void expectSame(String path, String what, Object schemaValue, Number modelValue) {
            Double expected = schemaValue == null ? null : ((Number) schemaValue).doubleValue();
            Double actual = modelValue == null ? null : modelValue.doubleValue();
            if (!Objects.equals(expected, actual)) {
                errors.add(path + ": " + what + " schema " + expected + " model " + actual);
            }
        }

        private void expectSame(String path, String what, Object schemaValue, String modelValue) {
            if (!Objects.equals(schemaValue, modelValue)) {
                errors.add(path + ": " + what + " schema " + schemaValue + " model " + modelValue);
            }
        }

        private void expectType(String path, Class<?> expected, Class<?> actual) {
            if (expected != actual) {
                errors.add(path + ": expected " + expected.getSimpleName() + " but is " + actual.getSimpleName());
            }
        }
    }
}
