package io.chargegate.ocpp.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.chargegate.ocpp.rpc.conformance.SchemaCatalog.SchemaFile;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the suite's own machinery against networknt alone, independent of the codec: the schema sampler
 * yields valid instances, and every mutation the engine derives is judged by networknt exactly as the
 * engine predicts (schema-invalid kinds rejected, schema-valid ones accepted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationEngineSelfTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private SchemaCatalog catalog;

    /** The schemas, loaded on first use; each test is skipped (with the folder named) when they are absent. */
    private SchemaCatalog catalog() {
        if (catalog == null) {
            catalog = SchemaCatalog.load(mapper);
        }
        return catalog;
    }

    @Test
    void schemasFolderHoldsTheCoreAndSecuritySchemas() {
        SchemaCatalog schemas = catalog();
        assertEquals(56, schemas.core().size(), "draft-04 schemas in " + schemas.dir());
        assertEquals(22, schemas.security().size(), "draft-06 schemas in " + schemas.dir().resolve("security"));
    }

    @TestFactory
    Stream<DynamicContainer> everyMutationIsJudgedAsPredicted() {
        return catalog().all().map(file -> DynamicContainer.dynamicContainer(file.relativeName(), Stream.of(
                DynamicTest.dynamicTest(file.name() + " sampled instance is valid", () -> {
                    JsonNode sample = new SchemaSampler(file.tree()).sample();
                    Set<ValidationMessage> msgs = file.validate(sample);
                    assertTrue(msgs.isEmpty(), () -> "sample " + sample + " rejected: " + msgs);
                }),
                DynamicTest.dynamicTest(file.name() + " mutations judged as predicted", () -> checkMutations(file)))));
    }

    private void checkMutations(SchemaFile file) {
        JsonNode sample = new SchemaSampler(file.tree()).sample();
        List<Mutation> mutations = catalog().mutator(file).mutations(sample);
        assertFalse(mutations.isEmpty(), "every schema yields at least the unknown-property mutation");
        List<String> wrong = new ArrayList<>();
        for (Mutation m : mutations) {
            boolean valid = file.validate(m.instance()).isEmpty();
            if (valid != m.schemaValid()) {
                wrong.add(m.describe() + " predicted " + (m.schemaValid() ? "valid" : "invalid") + ", networknt says "
                        + (valid ? "valid" : "invalid"));
            }
        }
        assertEquals(List.of(), wrong, "mutations of " + file.relativeName());
    }
}
