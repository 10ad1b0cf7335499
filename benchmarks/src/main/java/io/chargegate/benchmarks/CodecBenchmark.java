package io.chargegate.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.chargegate.ocpp.rpc.codec.Frame;
import io.chargegate.ocpp.rpc.codec.OcppCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One realistic MeterValues CALL frame (one connector, four sampled values), decoded, validated and
 * encoded again three ways: (a) ChargeGate's streaming codec with full validation, (b) Jackson databind
 * plus networknt validation against the official schema, (c) Jackson databind alone, no validation.
 * Each benchmark returns the re-encoded frame so nothing is optimised away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    /** The frame every benchmark works on. */
    public static final String FRAME = "[2,\"19223201\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":4711,"
            + "\"meterValue\":[{\"timestamp\":\"2026-11-25T10:15:00.000Z\",\"sampledValue\":["
            + "{\"value\":\"12345.6\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\","
            + "\"measurand\":\"Energy.Active.Import.Register\",\"location\":\"Outlet\",\"unit\":\"Wh\"},"
            + "{\"value\":\"7360\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"},"
            + "{\"value\":\"32.0\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"unit\":\"A\"},"
            + "{\"value\":\"230.1\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\",\"unit\":\"V\"}"
            + "]}]}]";

    /** Plain databind target types mirroring MeterValues.req (enums kept as strings, as a schema-less binding would). */
    public record SampledValue(String value, String context, String format, String measurand, String phase,
                               String location, String unit) {
    }

    /** A meter value of the databind baseline. */
    public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {
    }

    /** The MeterValues payload of the databind baseline. */
    public record MeterValues(int connectorId, Integer transactionId, List<MeterValue> meterValue) {
    }

    private OcppCodec codec;
    private ObjectMapper mapper;
    private JsonSchema schema;

    @Setup
    public void setup() throws IOException {
        codec = OcppCodec.strict();
        mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        Path schemaFile = Path.of(System.getProperty("ocpp.schemas.dir", "../shared/ocpp16/schemas"), "MeterValues.json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        }
        // sanity: all three paths accept the frame and produce a frame
        if (ours().isEmpty() || jacksonWithSchema().isEmpty() || jacksonOnly().isEmpty()) {
            throw new IllegalStateException("benchmark setup failed");
        }
    }

    /** (a) ChargeGate: streaming decode with validation into records, then validated streaming encode. */
    @Benchmark
    public String ours() {
        Frame frame = codec.decode(FRAME, id -> null);
        if (!(frame instanceof Frame.Call call)) {
            throw new IllegalStateException("not decoded: " + frame);
        }
        return codec.encodeCall(call.id(), call.payload());
    }

    /** (b) Jackson databind plus networknt validation of the payload against the official schema. */
    @Benchmark
    public String jacksonWithSchema() {
        try {
            ArrayNode frame = (ArrayNode) mapper.readTree(FRAME);
            JsonNode payload = frame.get(3);
            Set<ValidationMessage> errors = schema.validate(payload);
            if (!errors.isEmpty()) {
                throw new IllegalStateException(errors.toString());
            }
            MeterValues mv = mapper.treeToValue(payload, MeterValues.class);
            return mapper.writeValueAsString(List.of(2, frame.get(1).asText(), frame.get(2).asText(), mv));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** (c) Jackson databind alone: parse the frame, bind the payload, write the frame back; no validation. */
    @Benchmark
    public String jacksonOnly() {
        try {
            ArrayNode frame = (ArrayNode) mapper.readTree(FRAME);
            MeterValues mv = mapper.treeToValue(frame.get(3), MeterValues.class);
            return mapper.writeValueAsString(List.of(2, frame.get(1).asText(), frame.get(2).asText(), mv));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
