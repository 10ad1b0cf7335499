package io.chargegate.ocpp.rpc.codec;

import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.codec.TestPayloads.BadPath;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Checked;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Color;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Empty;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Group;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Inner;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Plain;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Prims;
import io.chargegate.ocpp.rpc.codec.TestPayloads.Root;
import io.chargegate.ocpp.rpc.codec.ValidationPolicy.Relaxation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every validation rule of the codec, on the test tree's own records. */
class PayloadCodecTest {

    private final OcppCodec codec = OcppCodec.strict();

    private static void expect(ErrorCode code, String description, OcppException e) {
        assertEquals(code, e.code(), e.description());
        assertTrue(e.description().startsWith(description), () -> "description was: " + e.description());
    }

    private void rejects(Class<? extends io.chargegate.ocpp.model.Payload> type, String json, ErrorCode code, String description) {
        expect(code, description, assertThrows(OcppException.class, () -> codec.decodePayload(type, json)));
    }

    private Root root(String members) {
        return codec.decodePayload(Root.class, "{\"count\":1" + (members.isEmpty() ? "" : "," + members) + "}");
    }

    @Test
    void decodesEveryKindOfComponentAndRoundTrips() {
        String json = "{\"count\":7,\"opt\":-3,\"ratio\":2.5,\"flag\":true,\"code\":\"abc\",\"ts\":\"2024-05-01T12:00:00Z\","
                + "\"color\":\"Green\",\"inner\":{\"name\":\"x\",\"color\":\"Red\",\"at\":\"2024-05-01T12:00:00.5+02:00\"},"
                + "\"groups\":[{\"items\":[{\"name\":\"a\"}],\"more\":[{\"name\":\"b\"},{\"name\":\"c\"}]}],"
                + "\"tags\":[\"t1\",\"t2\"],\"link\":\"ftp://example.com/fw.bin\",\"limit\":16.1}";
        Root r = codec.decodePayload(Root.class, json);
        assertEquals(new Root(7, -3, 2.5, true, "abc", Instant.parse("2024-05-01T12:00:00Z"), Color.GREEN,
                new Inner("x", Color.RED, Instant.parse("2024-05-01T10:00:00.5Z")),
                List.of(new Group(List.of(new Inner("a", null, null)),
                        List.of(new Inner("b", null, null), new Inner("c", null, null)))),
                List.of("t1", "t2"), "ftp://example.com/fw.bin", 16.1), r);
        String encoded = codec.encodePayload(r);
        assertTrue(encoded.contains("\"at\":\"2024-05-01T10:00:00.500Z\""), encoded);
        assertTrue(encoded.startsWith("{\"count\":7,\"opt\":-3,\"ratio\":2.5,\"flag\":true,\"code\":\"abc\""), encoded);
        assertEquals(r, codec.decodePayload(Root.class, encoded));
    }

    @Test
    void absentOptionalComponentsAreNullAndNotWritten() {
        Root r = root("");
        assertEquals(Root.of(1), r);
        assertEquals("{\"count\":1}", codec.encodePayload(r));
        assertEquals(new Empty(), codec.decodePayload(Empty.class, "{}"));
        assertEquals("{}", codec.encodePayload(new Empty()));
    }

    @Test
    void unknownPropertyIsAFormationViolationUnlessIgnored() {
        rejects(Root.class, "{\"count\":1,\"bogus\":1}", ErrorCode.FormationViolation, "bogus: property is not defined");
        rejects(Root.class, "{\"count\":1,\"inner\":{\"name\":\"a\",\"Name\":\"b\"}}", ErrorCode.FormationViolation, "inner.Name:");
        OcppCodec lenient = OcppCodec.create(ValidationPolicy.strict().relax(Relaxation.IGNORE_UNKNOWN_PROPERTIES));
        Root r = lenient.decodePayload(Root.class,
                "{\"x\":{\"deep\":[1,{\"a\":null}]},\"count\":1,\"inner\":{\"name\":\"a\",\"y\":[]},\"z\":null}");
        assertEquals(new Inner("a", null, null), r.inner());
        assertEquals(1, r.count());
    }

    @Test
    void missingRequiredIsAnOccurrenceViolation() {
        rejects(Root.class, "{}", ErrorCode.OccurenceConstraintViolation, "count: required property is missing");
        rejects(Root.class, "{\"count\":1,\"inner\":{\"color\":\"Red\"}}", ErrorCode.OccurenceConstraintViolation, "inner.name: required");
        rejects(Prims.class, "{\"i\":1,\"b\":true}", ErrorCode.OccurenceConstraintViolation, "d: required");
        assertEquals(new Prims(1, 2.0, false), codec.decodePayload(Prims.class, "{\"b\":false,\"d\":2,\"i\":1}"));
    }

    @Test
    void nullIsATypeViolationEvenForOptionalComponents() {
        rejects(Root.class, "{\"count\":1,\"opt\":null}", ErrorCode.TypeConstraintViolation, "opt: null found, integer expected");
        rejects(Root.class, "{\"count\":null}", ErrorCode.TypeConstraintViolation, "count: null found");
        rejects(Root.class, "{\"count\":1,\"code\":null}", ErrorCode.TypeConstraintViolation, "code: null found, string expected");
        rejects(Root.class, "{\"count\":1,\"tags\":[null]}", ErrorCode.TypeConstraintViolation, "tags[0]: null found, string expected");
    }

    @Test
    void wrongJsonTypesAreTypeViolations() {
        rejects(Root.class, "{\"count\":\"1\"}", ErrorCode.TypeConstraintViolation, "count: string found, integer expected");
        rejects(Root.class, "{\"count\":1,\"code\":{}}", ErrorCode.TypeConstraintViolation, "code: object found, string expected");
        rejects(Root.class, "{\"count\":1,\"code\":5}", ErrorCode.TypeConstraintViolation, "code: integer found, string expected");
        rejects(Root.class, "{\"count\":1,\"flag\":\"true\"}", ErrorCode.TypeConstraintViolation, "flag: string found, boolean expected");
        rejects(Root.class, "{\"count\":1,\"ratio\":\"2\"}", ErrorCode.TypeConstraintViolation, "ratio: string found, number expected");
        rejects(Root.class, "{\"count\":1,\"inner\":[]}", ErrorCode.TypeConstraintViolation, "inner: array found, object expected");
        rejects(Root.class, "{\"count\":1,\"tags\":\"a\"}", ErrorCode.TypeConstraintViolation, "tags: string found, array expected");
        rejects(Root.class, "{\"count\":1,\"ts\":0}", ErrorCode.TypeConstraintViolation, "ts: integer found, string expected");
        rejects(Root.class, "{\"count\":1,\"color\":1}", ErrorCode.TypeConstraintViolation, "color: integer found, string expected");
    }

    @Test
    void decimalIsNotAnIntegerLikeDraft04() {
        rejects(Root.class, "{\"count\":5.5}", ErrorCode.TypeConstraintViolation, "count: number found, integer expected");
        rejects(Root.class, "{\"count\":5.0}", ErrorCode.TypeConstraintViolation, "count: number found, integer expected");
        rejects(Root.class, "{\"count\":1e2}", ErrorCode.TypeConstraintViolation, "count: number found");
        assertEquals(2.0, root("\"ratio\":2").ratio());
    }

    @Test
    void integralDecimalRelaxationAcceptsOnlyIntegralValues() {
        OcppCodec relaxed = OcppCodec.create(ValidationPolicy.strict().relax(Relaxation.INTEGRAL_DECIMAL_AS_INTEGER));
        assertEquals(60, relaxed.decodePayload(Root.class, "{\"count\":60.0}").count());
        assertEquals(100, relaxed.decodePayload(Root.class, "{\"count\":1e2}").count());
        OcppException e = assertThrows(OcppException.class, () -> relaxed.decodePayload(Root.class, "{\"count\":60.5}"));
        expect(ErrorCode.TypeConstraintViolation, "count: number found", e);
        e = assertThrows(OcppException.class, () -> relaxed.decodePayload(Root.class, "{\"count\":1e12}"));
        expect(ErrorCode.PropertyConstraintViolation, "count: 1e12 is out of the 32-bit integer range", e);
    }

    @Test
    void integersOutsideIntRangeAreRejected() {
        rejects(Root.class, "{\"count\":2147483648}", ErrorCode.PropertyConstraintViolation, "count: 2147483648 is out of the 32-bit");
        assertEquals(Integer.MIN_VALUE, codec.decodePayload(Root.class, "{\"count\":-2147483648}").count());
        rejects(Root.class, "{\"count\":1,\"ratio\":1e400}", ErrorCode.PropertyConstraintViolation, "ratio: 1e400 is out of the double range");
    }

    @Test
    void maxLengthCountsCodePoints() {
        assertEquals("abc", root("\"code\":\"abc\"").code());
        String threeEmoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
        assertEquals(threeEmoji, root("\"code\":\"" + threeEmoji + "\"").code());
        rejects(Root.class, "{\"count\":1,\"code\":\"abcd\"}", ErrorCode.PropertyConstraintViolation,
                "code: \"abcd\" is longer than 3 characters (4)");
        rejects(Root.class, "{\"count\":1,\"code\":\"" + threeEmoji + "x\"}", ErrorCode.PropertyConstraintViolation, "code:");
        rejects(Root.class, "{\"count\":1,\"tags\":[\"ok\",\"long\"]}", ErrorCode.PropertyConstraintViolation, "tags[1]: \"long\" is longer than 2");
    }

    @Test
    void enumValuesAreExactAndCaseSensitive() {
        assertEquals(Color.HERTZ, root("\"color\":\"Hertz\"").color());
        rejects(Root.class, "{\"count\":1,\"color\":\"red\"}", ErrorCode.PropertyConstraintViolation,
                "color: \"red\" is not one of [Red, Green, Hertz]");
        rejects(Root.class, "{\"count\":1,\"color\":\"RED\"}", ErrorCode.PropertyConstraintViolation, "color:");
        rejects(Root.class, "{\"count\":1,\"color\":\" Red\"}", ErrorCode.PropertyConstraintViolation, "color:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T00:00:00Z", "2024-01-01t00:00:00z", "2024-01-01 00:00:00Z", "2024-02-29T23:59:59+14:00",
            "2024-01-01T00:00:00.1Z", "2024-01-01T00:00:00.123456789123-05:30", "2016-12-31T23:59:60Z",
            "2017-01-01T00:59:60+01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-00:00", "2024-01-01T00:00:00+23:59"})
    void acceptsRfc3339DateTimes(String text) {
        assertTrue(root("\"ts\":\"" + text + "\"").ts() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T00:00:00", "2024-01-01", "2024-01-01T00:00Z", "2024-1-01T00:00:00Z", "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z", "2024-01-32T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
            "2024-01-01T23:59:60Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00,5Z", "2024-01-01T00:00:00+0200",
            "2024-01-01T00:00:00+24:00", "2024-01-01T00:00:00+02:60", "2024-01-01T00:00:00Z ", "2024-01-01T00:00:00ZZ",
            "10000-01-01T00:00:00Z", "2024-01-01_00:00:00Z", "", "yesterday"})
    void rejectsInvalidDateTimes(String text) {
        rejects(Root.class, "{\"count\":1,\"ts\":\"" + text + "\"}", ErrorCode.PropertyConstraintViolation,
                "ts: \"" + text + "\" is not a valid RFC 3339 date-time");
    }

    @Test
    void dateTimesDecodeToTheInstantAndEncodeInUtc() {
        Root r = root("\"ts\":\"2024-05-01T12:34:56.123456789+02:00\"");
        assertEquals(Instant.parse("2024-05-01T10:34:56.123456789Z"), r.ts());
        assertEquals("{\"count\":1,\"ts\":\"2024-05-01T10:34:56.123456789Z\"}", codec.encodePayload(r));
        assertEquals(Instant.parse("2016-12-31T23:59:59.5Z"), root("\"ts\":\"2016-12-31T23:59:60.5Z\"").ts());
        assertEquals("{\"count\":1,\"ts\":\"1969-12-31T23:59:59.999Z\"}",
                codec.encodePayload(new Root(1, null, null, null, null, Instant.ofEpochMilli(-1), null, null, null, null, null, null)));
        OcppException e = assertThrows(OcppException.class, () -> codec.encodePayload(
                new Root(1, null, null, null, null, Instant.parse("+10000-01-01T00:00:00Z"), null, null, null, null, null, null)));
        expect(ErrorCode.PropertyConstraintViolation, "ts:", e);
    }

    @Test
    void minItemsAndPathConstraintMinItems() {
        rejects(Root.class, "{\"count\":1,\"groups\":[{\"items\":[]}]}", ErrorCode.OccurenceConstraintViolation,
                "groups[0].items: must have at least 1 item, found 0");
        rejects(Root.class, "{\"count\":1,\"groups\":[{\"items\":[{\"name\":\"a\"}]},{\"items\":[{\"name\":\"a\"}],\"more\":[{\"name\":\"b\"}]}]}",
                ErrorCode.OccurenceConstraintViolation, "groups[1].more: must have at least 2 items, found 1");
        // the same datatype under a root without the path constraint
        Plain p = codec.decodePayload(Plain.class, "{\"groups\":[{\"items\":[{\"name\":\"a\",\"color\":\"Hertz\"}],\"more\":[]}]}");
        assertEquals(List.of(), p.groups().get(0).more());
        assertEquals(Color.HERTZ, p.groups().get(0).items().get(0).color());
    }

    @Test
    void pathConstraintExcludedValues() {
        rejects(Root.class, "{\"count\":1,\"groups\":[{\"items\":[{\"name\":\"a\"},{\"name\":\"b\",\"color\":\"Hertz\"}]}]}",
                ErrorCode.PropertyConstraintViolation, "groups[0].items[1].color: \"Hertz\" is not one of [Red, Green]");
        // only at the constrained path: the root's own color may be Hertz
        assertEquals(Color.HERTZ, root("\"color\":\"Hertz\"").color());
        Root bad = new Root(1, null, null, null, null, null, null, null,
                List.of(new Group(List.of(new Inner("a", Color.HERTZ, null)), null)), null, null, null);
        expect(ErrorCode.PropertyConstraintViolation, "groups[0].items[0].color: \"Hertz\" is not one of",
                assertThrows(OcppException.class, () -> codec.encodePayload(bad)));
        assertTrue(codec.encodePayload(new Plain(List.of(new Group(List.of(new Inner("a", Color.HERTZ, null)), null)))).contains("Hertz"));
    }

    @Test
    void uriFormat() {
        assertEquals("https://h.example/a?b=c#d", root("\"link\":\"https://h.example/a?b=c#d\"").link());
        assertEquals("urn:isbn:123", root("\"link\":\"urn:isbn:123\"").link());
        for (String bad : List.of("relative/path", "/abs", "http://h/a b", "", "http://h/%zz", "http://höst/", "1http://h")) {
            rejects(Root.class, "{\"count\":1,\"link\":\"" + bad + "\"}", ErrorCode.PropertyConstraintViolation,
                    "link: \"" + bad + "\" is not a valid RFC 3986 URI");
        }
    }

    @Test
    void multipleOf() {
        assertEquals(7.3, root("\"limit\":7.3").limit());
        assertEquals(7.0, root("\"limit\":7").limit());
        assertEquals(-2.2, root("\"limit\":-2.20").limit());
        rejects(Root.class, "{\"count\":1,\"limit\":7.35}", ErrorCode.PropertyConstraintViolation, "limit: 7.35 is not a multiple of 0.1");
        rejects(Root.class, "{\"count\":1,\"limit\":0.30000000000000004}", ErrorCode.PropertyConstraintViolation, "limit:");
        expect(ErrorCode.PropertyConstraintViolation, "limit: 0.25 is not a multiple of 0.1", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Root(1, null, null, null, null, null, null, null, null, null, null, 0.25))));
        assertEquals("{\"count\":1,\"limit\":16.1}",
                codec.encodePayload(new Root(1, null, null, null, null, null, null, null, null, null, null, 16.1)));
    }

    @Test
    void encodingValidatesLikeDecoding() {
        expect(ErrorCode.OccurenceConstraintViolation, "inner.name: required property is missing", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Root(1, null, null, null, null, null, null, new Inner(null, null, null), null, null, null, null))));
        expect(ErrorCode.PropertyConstraintViolation, "code: \"abcd\" is longer", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Root(1, null, null, null, "abcd", null, null, null, null, null, null, null))));
        expect(ErrorCode.OccurenceConstraintViolation, "groups[0].items: must have at least 1 item", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Plain(List.of(new Group(List.of(), null))))));
        expect(ErrorCode.TypeConstraintViolation, "tags[1]: null found", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Root(1, null, null, null, null, null, null, null, null, Arrays.asList("a", null), null, null))));
        expect(ErrorCode.PropertyConstraintViolation, "ratio: NaN is not a finite number", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Root(1, null, Double.NaN, null, null, null, null, null, null, null, null, null))));
        expect(ErrorCode.PropertyConstraintViolation, "link:", assertThrows(OcppException.class,
                () -> codec.encodePayload(new Root(1, null, null, null, null, null, null, null, null, null, "no uri", null))));
    }

    @Test
    void payloadThatIsNotAnObjectOrNotJsonIsAFormationViolation() {
        rejects(Root.class, "[]", ErrorCode.FormationViolation, "payload must be a JSON object, found array");
        rejects(Root.class, "null", ErrorCode.FormationViolation, "payload must be a JSON object, found null");
        rejects(Root.class, "{\"count\":1", ErrorCode.FormationViolation, "not valid JSON");
        rejects(Root.class, "{\"count\":1}{}", ErrorCode.FormationViolation, "not valid JSON");
        rejects(Root.class, "{\"count\":1} x", ErrorCode.FormationViolation, "not valid JSON");
        rejects(Root.class, "{count:1}", ErrorCode.FormationViolation, "not valid JSON");
    }

    @Test
    void constructorChecksBecomePropertyViolations() {
        assertEquals(new Checked(5), codec.decodePayload(Checked.class, "{\"percent\":5}"));
        rejects(Checked.class, "{\"percent\":101}", ErrorCode.PropertyConstraintViolation, "Checked rejected the values: percent over 100");
    }

    @Test
    void duplicatePropertiesKeepTheLastValue() {
        assertEquals(2, codec.decodePayload(Root.class, "{\"count\":1,\"count\":2}").count());
    }

    @Test
    void pathConstraintNamingNoComponentIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> codec.decodePayload(BadPath.class, "{}"));
        assertTrue(e.getMessage().contains("groups.nothing"), e.getMessage());
    }

    @Test
    void escapesAndUnicodeSurviveTheRoundTrip() {
        Root r = new Root(1, null, null, null, "\"\\\u00e9", null, null, null, null, List.of("\n", "\u20ac"), null, null);
        assertEquals(r, codec.decodePayload(Root.class, codec.encodePayload(r)));
    }
}
