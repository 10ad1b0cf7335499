package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import io.chargegate.ocpp.rpc.conformance.Findings.Finding;
import io.chargegate.ocpp.rpc.conformance.SchemaCatalog.SchemaFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves the codec exactly as strict as the official OCPP 1.6 schemas (networknt, format assertions on,
 * draft-04 for core and draft-06 for the security extension), for every payload type of every
 * {@link Action}:
 * <ul>
 *   <li>positive: minimal and full instances generated from the model records encode to JSON the schema
 *       accepts (with exactly the required properties, respectively every property) and decode back equal;</li>
 *   <li>negative: every schema-derived mutation of a valid instance is accepted or rejected by the codec
 *       exactly as by networknt, and rejected with the CALLERROR code the kind of violation calls for;</li>
 *   <li>completeness: the schema files and the action catalogue name the same 78 payload types.</li>
 * </ul>
 * Disagreements are also written to {@code target/conformance-findings.md} (or {@code -Dconformance.findings}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcppSchemaConformanceTest {

    /** One payload type and its schema. */
    private record PayloadCase(Action action, boolean request, Class<? extends Payload> type, SchemaFile schema) {
        String name() {
            return type.getSimpleName();
        }
    }

    /** The valid instance mutations start from. */
    private record Base(JsonNode instance, String origin) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final OcppCodec codec = OcppCodec.strict();
    private final Findings findings = new Findings();
    private final AtomicInteger positives = new AtomicInteger();
    private final AtomicInteger mutations = new AtomicInteger();
    private final AtomicInteger schemaInvalidMutations = new AtomicInteger();
    private final AtomicInteger sampledBases = new AtomicInteger();
    private final Set<Class<?>> typesCovered = new HashSet<>();
    private SchemaCatalog catalog;

    /** The schemas, loaded on first use; each test is skipped (with the folder named) when they are absent. */
    private SchemaCatalog catalog() {
        if (catalog == null) {
            catalog = SchemaCatalog.load(mapper);
        }
        return catalog;
    }

    @AfterAll
    void summary() {
        if (catalog == null) {
            return;
        }
        String summary = String.format("OCPP schema conformance: %d payload types covered, %d positive instances, "
                        + "%d mutations (%d schema-invalid, %d schema-valid; %d types mutated from the schema sample "
                        + "because the codec could not encode the model instance), %d open findings; schemas %s",
                typesCovered.size(), positives.get(), mutations.get(), schemaInvalidMutations.get(),
                mutations.get() - schemaInvalidMutations.get(), sampledBases.get(), findings.size(), catalog.dir());
        Path file = Path.of(System.getProperty("conformance.findings", "target/conformance-findings.md"));
        findings.write(file, summary);
        System.out.println(summary + " -> " + file.toAbsolutePath());
    }

    // ------------------------------------------------------------------ completeness

    @Test
    void schemaFilesMatchTheActionPayloadTypes() {
        SchemaCatalog schemas = catalog();
        Set<String> expectedCore = new TreeSet<>();
        Set<String> expectedSecurity = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Action a : Action.values()) {
            Set<String> target = a.profile() == FeatureProfile.SECURITY ? expectedSecurity : expectedCore;
            target.add(SchemaCatalog.schemaName(a, true));
            target.add(SchemaCatalog.schemaName(a, false));
            if (!a.requestType().getSimpleName().equals(a.wireName() + "Request")) {
                problems.add(a + " request type " + a.requestType().getSimpleName() + " is not " + a.wireName() + "Request");
            }
            if (!a.responseType().getSimpleName().equals(a.wireName() + "Response")) {
                problems.add(a + " response type " + a.responseType().getSimpleName() + " is not " + a.wireName() + "Response");
            }
        }
        for (SchemaFile f : schemas.all().toList()) {
            String draft = f.tree().path("$schema").asText();
            String want = f.security() ? "http://json-schema.org/draft-06/schema#" : "http://json-schema.org/draft-04/schema#";
            if (!draft.equals(want)) {
                problems.add(f.relativeName() + " declares " + draft + ", validated as " + want);
            }
            String title = f.tree().path("title").asText(null);
            String typeName = f.name().endsWith("Response") ? f.name() : f.name() + "Request";
            if (title != null && !title.equals(typeName)) {
                problems.add(f.relativeName() + " has title " + title + ", expected " + typeName);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(schemas.core().keySet()), expectedCore, "core schema files (" + schemas.dir() + ") vs Action");
        assertEquals(new TreeSet<>(schemas.security().keySet()), expectedSecurity,
                "security schema files (" + schemas.dir().resolve("security") + ") vs Action");
        assertEquals(56, expectedCore.size(), "core payload types");
        assertEquals(22, expectedSecurity.size(), "security payload types");
    }

    /** Every payload type with its schema; called first thing in a test so that absent schemas skip it. */
    private Stream<PayloadCase> cases() {
        SchemaCatalog schemas = catalog();
        return Stream.of(Action.values()).flatMap(a -> Stream.of(
                new PayloadCase(a, true, a.requestType(), schemas.schemaFor(a, true)),
                new PayloadCase(a, false, a.responseType(), schemas.schemaFor(a, false))));
    }

    // ------------------------------------------------------------------ positive

    @TestFactory
    Stream<DynamicContainer> modelInstancesEncodeToSchemaValidJsonAndRoundTrip() {
        return cases().map(pc -> DynamicContainer.dynamicContainer(pc.name() + " (" + pc.schema().relativeName() + ")",
                Stream.of(pc).flatMap(this::positiveTests)));
    }

    private Stream<DynamicNode> positiveTests(PayloadCase pc) {
        typesCovered.add(pc.type());
        InstanceGenerator generator;
        try {
            generator = new InstanceGenerator(pc.type());
        } catch (RuntimeException e) {
            findings.add(new Finding(pc.name(), "instance generation", "model record", "-", e.toString()), "all");
            return Stream.of(DynamicTest.dynamicTest(pc.name() + " generator", () -> {
                throw e;
            }));
        }
        Stream<DynamicNode> minimal = Stream.of(DynamicTest.dynamicTest(pc.name() + " minimal",
                () -> checkPositive(pc, generator::minimal, "minimal", false)));
        Stream<DynamicNode> full = IntStream.range(0, generator.fullCount()).mapToObj(i ->
                DynamicTest.dynamicTest(pc.name() + " full #" + i, () -> checkPositive(pc, () -> generator.full(i), "full #" + i, true)));
        return Stream.concat(minimal, full);
    }

    private void checkPositive(PayloadCase pc, Supplier<Payload> instance, String label, boolean full) throws JsonProcessingException {
        positives.incrementAndGet();
        Payload x = instance.get();
        String json;
        try {
            json = codec.encodePayload(x);
        } catch (OcppException e) {
            findings.add(new Finding(pc.name(), "encode " + (full ? "full" : "minimal"), "model instance", "valid",
                    "encodePayload threw " + e.code() + ": " + e.description()), label);
            throw new AssertionError(pc.name() + " " + label + ": encodePayload rejected a valid instance " + x, e);
        }
        List<String> problems = new ArrayList<>();
        JsonNode node = mapper.readTree(json);
        Set<ValidationMessage> msgs = pc.schema().validate(node);
        if (!msgs.isEmpty()) {
            for (ValidationMessage m : msgs) {
                findings.add(new Finding(pc.name(), "encoded JSON vs schema", m.getInstanceLocation().toString(),
                        "rejects: " + m.getMessage(), "encodePayload produced it"), label);
            }
            problems.add("schema rejects encoded JSON " + json + ": " + msgs);
        } else {
            List<String> structure = new ArrayList<>();
            structure(pc.schema().tree(), pc.schema().tree(), node, "", full, structure);
            for (String s : structure) {
                findings.add(new Finding(pc.name(), full ? "full instance covers schema" : "minimal instance = required only",
                        s, full ? "property defined" : "property optional", full ? "model/codec does not produce it" : "model/codec produces it"), label);
            }
            problems.addAll(structure);
            try {
                Payload back = codec.decodePayload(pc.type(), json);
                if (!x.equals(back)) {
                    findings.add(new Finding(pc.name(), "round trip", "decode(encode(x)) equals x", "-",
                            "differs: " + back), label);
                    problems.add("decodePayload(encodePayload(x)) != x\n  x    = " + x + "\n  back = " + back + "\n  json = " + json);
                }
            } catch (OcppException e) {
                findings.add(new Finding(pc.name(), "round trip", "decode own encoding", "valid",
                        "decodePayload threw " + e.code() + ": " + e.description()), label);
                problems.add("decodePayload rejected its own valid encoding " + json + ": " + e);
            }
        }
        if (!problems.isEmpty()) {
            fail(pc.name() + " " + label + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** Full: every schema property present at every level. Minimal: no optional property present. */
    private static void structure(JsonNode root, JsonNode schema, JsonNode node, String path, boolean full, List<String> out) {
        JsonNode s = SchemaMutator.resolve(root, schema);
        if (node.isObject()) {
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                String name = p.getKey();
                String at = path.isEmpty() ? name : path + "." + name;
                if (full && !node.has(name)) {
                    out.add("property " + at + " missing from the full instance");
                } else if (!full && node.has(name) && !required.contains(name)) {
                    out.add("optional property " + at + " present in the minimal instance");
                }
                if (node.has(name)) {
                    structure(root, p.getValue(), node.get(name), at, full, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                structure(root, s.path("items"), node.get(i), path + "[" + i + "]", full, out);
            }
        }
    }

    // ------------------------------------------------------------------ negative

    @TestFactory
    Stream<DynamicContainer> codecJudgesEveryMutationLikeTheSchema() {
        return cases().map(this::negativeTests);
    }

    private DynamicContainer negativeTests(PayloadCase pc) {
        typesCovered.add(pc.type());
        Base base = base(pc);
        List<Mutation> list = catalog().mutator(pc.schema()).mutations(base.instance());
        return DynamicContainer.dynamicContainer(pc.name() + ": " + list.size() + " mutations of " + base.origin(),
                list.stream().map(m -> DynamicTest.dynamicTest(pc.name() + " " + m.describe(), () -> checkMutation(pc, m))));
    }

    /** The model's full instance #1 (lists of two) as the codec encodes it; the schema sample when that is not valid. */
    private Base base(PayloadCase pc) {
        try {
            JsonNode node = mapper.readTree(codec.encodePayload(new InstanceGenerator(pc.type()).full(1)));
            if (pc.schema().validate(node).isEmpty()) {
                return new Base(node, "model full #1");
            }
        } catch (RuntimeException | JsonProcessingException e) {
            // the positive tests report this; mutate the schema sample instead
        }
        sampledBases.incrementAndGet();
        return new Base(new SchemaSampler(pc.schema().tree()).sample(), "schema sample (model full #1 not encodable)");
    }

    private void checkMutation(PayloadCase pc, Mutation m) throws JsonProcessingException {
        mutations.incrementAndGet();
        Set<ValidationMessage> msgs = pc.schema().validate(m.instance());
        boolean oracleValid = msgs.isEmpty();
        if (!oracleValid) {
            schemaInvalidMutations.incrementAndGet();
        }
        String text = mapper.writeValueAsString(m.instance());
        String oracle = oracleValid ? "valid" : "invalid (" + msgs.iterator().next().getMessage() + ")";
        String what = pc.name() + " " + m.describe() + ": ";
        ErrorCode ours;
        try {
            Payload decoded = codec.decodePayload(pc.type(), text);
            ours = null;
            if (oracleValid && m.kind().exact()) {
                JsonNode again = mapper.readTree(codec.encodePayload(decoded));
                if (!again.equals(m.instance())) {
                    findings.add(new Finding(pc.name(), m.kind().label(), m.describe(), oracle,
                            "accepted, but decodes to a different value: re-encoded " + again), "mutation");
                    fail(what + "decoded value re-encodes to " + again + ", not to the input " + text);
                }
            }
        } catch (OcppException e) {
            ours = e.code();
            if (oracleValid) {
                findings.add(new Finding(pc.name(), m.kind().label(), m.describe(), oracle,
                        "rejected: " + e.code() + " " + e.description()), "mutation");
                fail(what + "networknt accepts, codec rejects with " + e.code() + " (" + e.description() + "): " + text);
            }
        } catch (RuntimeException e) {
            findings.add(new Finding(pc.name(), m.kind().label(), m.describe(), oracle, "decodePayload threw " + e), "mutation");
            throw new AssertionError(what + "decodePayload threw " + e + " instead of accepting or an OcppException: " + text, e);
        }
        if (ours == null && !oracleValid) {
            findings.add(new Finding(pc.name(), m.kind().label(), m.describe(), oracle, "accepted"), "mutation");
            fail(what + "networknt rejects (" + msgs + "), codec accepts: " + text);
        }
        if (ours != null && ours != m.kind().expected()) {
            findings.add(new Finding(pc.name(), m.kind().label(), m.describe(), oracle,
                    "rejected with " + ours + ", expected " + m.kind().expected()), "mutation");
            fail(what + "codec rejects with " + ours + ", expected " + m.kind().expected() + " for " + m.kind().label() + ": " + text);
        }
    }

}
