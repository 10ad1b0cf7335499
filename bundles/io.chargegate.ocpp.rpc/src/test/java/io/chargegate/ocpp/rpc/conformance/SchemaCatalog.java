package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.FeatureProfile;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The official OCPP 1.6 JSON schemas, read once from {@code ocpp.schemas.dir}: draft-04 core schemas in the
 * folder itself, draft-06 security extension schemas in its {@code security} subfolder. Every schema is
 * compiled once for networknt (format assertions on), the oracle of the conformance suite.
 */
final class SchemaCatalog {

    /** System property naming the schemas folder (set by the root pom's surefire configuration). */
    static final String PROPERTY = "ocpp.schemas.dir";
    /** Fallback, relative to the module directory surefire runs in. */
    static final String FALLBACK = "../../../shared/ocpp16/schemas";

    /** One schema file: its base name ({@code "BootNotification"}, {@code "BootNotificationResponse"}), tree and compiled validator. */
    record SchemaFile(String name, boolean security, Path path, JsonNode tree, JsonSchema validator) {

        /** The networknt verdict on {@code instance}: empty when valid. */
        Set<ValidationMessage> validate(JsonNode instance) {
            return validator.validate(instance);
        }

        /** The file name relative to the schemas folder, for messages. */
        String relativeName() {
            return (security ? "security/" : "") + name + ".json";
        }
    }

    private final Path dir;
    private final Map<String, SchemaFile> core;
    private final Map<String, SchemaFile> security;
    private final Map<String, Set<String>> enumValuesByProperty;

    private SchemaCatalog(Path dir, Map<String, SchemaFile> core, Map<String, SchemaFile> security) {
        this.dir = dir;
        this.core = core;
        this.security = security;
        this.enumValuesByProperty = Collections.unmodifiableMap(
                SchemaMutator.enumValuesByProperty(all().map(SchemaFile::tree).toList()));
    }

    /** A mutation engine for one of the schemas, knowing the enumeration values of all of them. */
    SchemaMutator mutator(SchemaFile file) {
        return new SchemaMutator(file.tree(), file.security(), enumValuesByProperty);
    }

    /** The schemas folder this run uses (absolute, normalized). */
    static Path schemasDir() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured == null || configured.isBlank() ? Path.of(FALLBACK) : Path.of(configured);
        return dir.toAbsolutePath().normalize();
    }

    /**
     * Loads and compiles every schema; skips the calling test (JUnit assumption) when the folder is absent.
     */
    static SchemaCatalog load(ObjectMapper mapper) {
        Path dir = schemasDir();
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "OCPP 1.6 schemas folder not found: " + dir + " (set -D" + PROPERTY + "=<folder>); conformance tests skipped");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, SchemaFile> core = read(mapper, dir, false,
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4), config);
        Path securityDir = dir.resolve("security");
        Map<String, SchemaFile> security = Files.isDirectory(securityDir)
                ? read(mapper, securityDir, true, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6), config)
                : Map.of();
        return new SchemaCatalog(dir, core, security);
    }

    private static Map<String, SchemaFile> read(ObjectMapper mapper, Path folder, boolean security,
                                                 JsonSchemaFactory factory, SchemaValidatorsConfig config) {
        Map<String, SchemaFile> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String file = p.getFileName().toString();
                String name = file.substring(0, file.length() - ".json".length());
                JsonNode tree = mapper.readTree(p.toFile());
                files.put(name, new SchemaFile(name, security, p, tree, factory.getSchema(tree, config)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schemas in " + folder, e);
        }
        return Collections.unmodifiableMap(files);
    }

    /** The folder the schemas were read from. */
    Path dir() {
        return dir;
    }

    /** Core (draft-04) schemas by base name. */
    Map<String, SchemaFile> core() {
        return core;
    }

    /** Security extension (draft-06) schemas by base name. */
    Map<String, SchemaFile> security() {
        return security;
    }

    /** Every schema, core first. */
    Stream<SchemaFile> all() {
        return Stream.concat(core.values().stream(), security.values().stream());
    }

    /** The base name of the schema of an action's request or response ({@code X} or {@code XResponse}). */
    static String schemaName(Action action, boolean request) {
        return action.wireName() + (request ? "" : "Response");
    }

    /** The schema of an action's request or response; fails when the file is missing. */
    SchemaFile schemaFor(Action action, boolean request) {
        Map<String, SchemaFile> folder = action.profile() == FeatureProfile.SECURITY ? security : core;
        SchemaFile file = folder.get(schemaName(action, request));
        if (file == null) {
            throw new IllegalStateException("no schema " + schemaName(action, request) + ".json for " + action
                    + " under " + dir + (action.profile() == FeatureProfile.SECURITY ? "/security" : ""));
        }
        return file;
    }
}
