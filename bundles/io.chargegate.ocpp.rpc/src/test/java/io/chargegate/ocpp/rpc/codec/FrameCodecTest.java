package io.chargegate.ocpp.rpc.codec;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.security.GetLogRequest;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnitOfMeasure;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.codec.ValidationPolicy.Relaxation;
import io.chargegate.ocpp.rpc.codec.internal.FrameCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame structure, error codes and real OCPP 1.6 messages of the model. */
class FrameCodecTest {

    private static final Function<String, Action> NONE_PENDING = id -> null;
    private static final String METER_VALUES = "[2,\"mv-1\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":42,\"meterValue\":["
            + "{\"timestamp\":\"2024-05-01T12:00:00+02:00\",\"sampledValue\":[{\"value\":\"1234.5\",\"measurand\":\"Energy.Active.Import.Register\","
            + "\"unit\":\"Wh\"},{\"value\":\"50\",\"measurand\":\"Frequency\",\"unit\":\"Hertz\"}]}]}]";

    private final OcppCodec codec = OcppCodec.strict();

    private Frame.Invalid invalid(String text, int type, String id, ErrorCode code, String description) {
        Frame f = codec.decode(text, NONE_PENDING);
        Frame.Invalid inv = assertInstanceOf(Frame.Invalid.class, f);
        assertEquals(code, inv.code(), inv.description());
        assertEquals(type, inv.messageTypeId(), inv.description());
        assertEquals(id, inv.id(), inv.description());
        assertTrue(inv.description().startsWith(description), () -> "description was: " + inv.description());
        return inv;
    }

    @Test
    void unparsableOrNonArrayMessagesAreFormationViolationsWithoutId() {
        invalid("not json", -1, null, ErrorCode.FormationViolation, "not valid JSON");
        invalid("{\"a\":1}", -1, null, ErrorCode.FormationViolation, "message is not a JSON array");
        invalid("\"text\"", -1, null, ErrorCode.FormationViolation, "message is not a JSON array");
        invalid("", -1, null, ErrorCode.FormationViolation, "message is not a JSON array");
        invalid(null, -1, null, ErrorCode.FormationViolation, "message is not a JSON array");
        invalid("[2,\"abc\",\"Heartbeat\",{}", 2, "abc", ErrorCode.FormationViolation, "not valid JSON");
        invalid("[2,\"abc\",\"Heartbeat\",{}] []", 2, "abc", ErrorCode.FormationViolation, "not valid JSON: content after");
    }

    @Test
    void wrongFrameStructureIsAProtocolErrorWithTheIdWhenReadable() {
        invalid("[]", -1, null, ErrorCode.ProtocolError, "message is an empty array");
        invalid("[5,\"abc\",\"Heartbeat\",{}]", -1, "abc", ErrorCode.ProtocolError, "message type must be 2, 3 or 4, found 5");
        invalid("[\"2\",\"abc\",\"Heartbeat\",{}]", -1, "abc", ErrorCode.ProtocolError, "message type must be 2, 3 or 4, found string");
        invalid("[2.0,\"abc\",\"Heartbeat\",{}]", -1, "abc", ErrorCode.ProtocolError, "message type");
        invalid("[[2],7]", -1, null, ErrorCode.ProtocolError, "message type");
        invalid("[2]", 2, null, ErrorCode.ProtocolError, "message id is missing");
        invalid("[2,17,\"Heartbeat\",{}]", 2, null, ErrorCode.ProtocolError, "message id must be a string");
        invalid("[2,\"\",\"Heartbeat\",{}]", 2, null, ErrorCode.ProtocolError, "message id must be a string");
        invalid("[2,\"" + "x".repeat(37) + "\",\"Heartbeat\",{}]", 2, null, ErrorCode.ProtocolError, "message id must be");
        assertInstanceOf(Frame.Call.class, codec.decode("[2,\"" + "x".repeat(36) + "\",\"Heartbeat\",{}]", NONE_PENDING));
        invalid("[2,\"abc\"]", 2, "abc", ErrorCode.ProtocolError, "CALL must have 4 elements, found 2");
        invalid("[2,\"abc\",7,{}]", 2, "abc", ErrorCode.ProtocolError, "action must be a string, found integer");
        invalid("[2,\"abc\",\"Heartbeat\"]", 2, "abc", ErrorCode.ProtocolError, "CALL must have 4 elements, found 3");
        invalid("[2,\"abc\",\"Heartbeat\",{},{}]", 2, "abc", ErrorCode.ProtocolError, "CALL must have 4 elements, found 1 more");
        invalid("[3,\"abc\"]", 3, "abc", ErrorCode.GenericError, "no pending call with id \"abc\"");
        invalid("[4,\"abc\",\"GenericError\",\"x\"]", 4, "abc", ErrorCode.ProtocolError, "CALLERROR must have 5 elements, found 4");
        invalid("[4,\"abc\",1,\"x\",{}]", 4, "abc", ErrorCode.ProtocolError, "error code must be a string");
        invalid("[4,\"abc\",\"GenericError\",null,{}]", 4, "abc", ErrorCode.ProtocolError, "error description must be a string");
        invalid("[4,\"abc\",\"GenericError\",\"x\",[]]", 4, "abc", ErrorCode.ProtocolError, "error details must be a JSON object");
        invalid("[4,\"abc\",\"GenericError\",\"x\",{},1]", 4, "abc", ErrorCode.ProtocolError, "CALLERROR must have 5 elements");
    }

    @Test
    void payloadThatIsNotAnObjectIsAFormationViolation() {
        Frame.Invalid inv = invalid("[2,\"abc\",\"Heartbeat\",[]]", 2, "abc", ErrorCode.FormationViolation,
                "payload must be a JSON object, found array");
        assertEquals(Action.HEARTBEAT, inv.action());
        invalid("[2,\"abc\",\"Heartbeat\",null]", 2, "abc", ErrorCode.FormationViolation, "payload must be a JSON object");
    }

    @Test
    void unknownActionIsNotImplemented() {
        Frame.Invalid inv = invalid("[2,\"abc\",\"FlyToTheMoon\",{\"x\":[1,2]}]", 2, "abc", ErrorCode.NotImplemented,
                "Requested Action is not known by receiver: \"FlyToTheMoon\"");
        assertNull(inv.action());
        invalid("[2,\"abc\",\"heartbeat\",{}]", 2, "abc", ErrorCode.NotImplemented, "Requested Action is not known by receiver");
    }

    @Test
    void callDecodesIntoTheRequestTypeOfItsAction() {
        Frame.Call call = assertInstanceOf(Frame.Call.class, codec.decode(
                "[2,\"b-1\",\"BootNotification\",{\"chargePointVendor\":\"ChargeGate\",\"chargePointModel\":\"CG-1\",\"firmwareVersion\":\"1.0\"}]",
                NONE_PENDING));
        assertEquals("b-1", call.id());
        assertEquals(Action.BOOT_NOTIFICATION, call.action());
        BootNotificationRequest boot = assertInstanceOf(BootNotificationRequest.class, call.payload());
        assertEquals("ChargeGate", boot.chargePointVendor());
        assertEquals("1.0", boot.firmwareVersion());
        assertEquals(new HeartbeatRequest(), ((Frame.Call) codec.decode("[2 , \"h\" , \"Heartbeat\" , { } ]", NONE_PENDING)).payload());
    }

    @Test
    void payloadViolationsCarryIdActionCodeAndPath() {
        Frame.Invalid inv = invalid("[2,\"b-1\",\"BootNotification\",{\"chargePointVendor\":\"ChargeGate\"}]", 2, "b-1",
                ErrorCode.OccurenceConstraintViolation, "chargePointModel: required property is missing");
        assertEquals(Action.BOOT_NOTIFICATION, inv.action());
        invalid("[2,\"b-1\",\"BootNotification\",{\"chargePointVendor\":\"" + "v".repeat(21) + "\",\"chargePointModel\":\"m\"}]", 2, "b-1",
                ErrorCode.PropertyConstraintViolation, "chargePointVendor: \"vvvvvvvvvvvvvvvvvvvvv\" is longer than 20 characters");
        invalid("[2,\"b-1\",\"BootNotification\",{\"chargePointVendor\":\"v\",\"chargePointModel\":\"m\",\"color\":\"red\"}]", 2, "b-1",
                ErrorCode.FormationViolation, "color: property is not defined");
        invalid("[2,\"s-1\",\"StatusNotification\",{\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"}]", 2, "s-1",
                ErrorCode.TypeConstraintViolation, "connectorId: string found, integer expected");
        invalid("[2,\"s-1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Free\"}]", 2, "s-1",
                ErrorCode.PropertyConstraintViolation, "status: \"Free\" is not one of [");
        invalid(METER_VALUES.replace("\"Wh\"", "\"Foo\""), 2, "mv-1", ErrorCode.PropertyConstraintViolation,
                "meterValue[0].sampledValue[0].unit: \"Foo\" is not one of [Wh, kWh,");
    }

    @Test
    void meterValuesWithSampledValues() {
        Frame.Call call = assertInstanceOf(Frame.Call.class, codec.decode(METER_VALUES, NONE_PENDING));
        MeterValuesRequest mv = assertInstanceOf(MeterValuesRequest.class, call.payload());
        assertEquals(42, mv.transactionId());
        MeterValue v = mv.meterValue().get(0);
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), v.timestamp());
        assertEquals(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, v.sampledValue().get(0).measurand());
        assertEquals(UnitOfMeasure.HERTZ, v.sampledValue().get(1).unit());
        String encoded = codec.encodeCall("mv-1", mv);
        assertTrue(encoded.contains("\"timestamp\":\"2024-05-01T10:00:00Z\""), encoded);
        assertEquals(call, codec.decode(encoded, NONE_PENDING));
        // MeterValues.req requires a sampled value in every meter value (a @PathConstraint on the shared datatype)
        invalid("[2,\"mv-2\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[]}]}]",
                2, "mv-2", ErrorCode.OccurenceConstraintViolation, "meterValue[0].sampledValue: must have at least 1 item, found 0");
        invalid("[2,\"mv-2\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]",
                2, "mv-2", ErrorCode.OccurenceConstraintViolation, "meterValue: must have at least 1 item");
    }

    @Test
    void stopTransactionRejectsHertzButAcceptsItsOtherUnits() {
        String stop = "[2,\"st-1\",\"StopTransaction\",{\"meterStop\":100,\"timestamp\":\"2024-05-01T12:00:00Z\",\"transactionId\":42,"
                + "\"transactionData\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"50\",\"unit\":\"%s\"}]}]}]";
        StopTransactionRequest ok = assertInstanceOf(StopTransactionRequest.class,
                ((Frame.Call) codec.decode(stop.formatted("kWh"), NONE_PENDING)).payload());
        assertEquals(UnitOfMeasure.KWH, ok.transactionData().get(0).sampledValue().get(0).unit());
        Frame.Invalid inv = invalid(stop.formatted("Hertz"), 2, "st-1", ErrorCode.PropertyConstraintViolation,
                "transactionData[0].sampledValue[0].unit: \"Hertz\" is not one of [");
        assertTrue(!inv.description().contains("Hertz]") && !inv.description().contains("Hertz,"), inv.description());
        // StopTransaction.req does not require sampled values
        assertInstanceOf(Frame.Call.class, codec.decode(stop.replace("[{\"value\":\"50\",\"unit\":\"%s\"}]", "[]"), NONE_PENDING));
        StopTransactionRequest hertz = ok.withTransactionData(List.of(new MeterValue(Instant.EPOCH,
                List.of(new SampledValue("50").withUnit(UnitOfMeasure.HERTZ)))));
        OcppException e = assertThrows(OcppException.class, () -> codec.encodeCall("st-2", hertz));
        assertEquals(ErrorCode.PropertyConstraintViolation, e.code());
        assertTrue(e.description().startsWith("transactionData[0].sampledValue[0].unit:"), e.description());
    }

    @Test
    void callResultDecodesIntoTheResponseTypeOfThePendingCall() {
        List<String> asked = new ArrayList<>();
        Frame f = codec.decode("[3,\"b-1\",{\"status\":\"Accepted\",\"currentTime\":\"2024-05-01T12:34:56.123456789+02:00\",\"interval\":300}]",
                id -> {
                    asked.add(id);
                    return Action.BOOT_NOTIFICATION;
                });
        assertEquals(List.of("b-1"), asked);
        Frame.CallResult r = assertInstanceOf(Frame.CallResult.class, f);
        assertEquals(Action.BOOT_NOTIFICATION, r.action());
        BootNotificationResponse resp = assertInstanceOf(BootNotificationResponse.class, r.payload());
        assertEquals(new BootNotificationResponse(RegistrationStatus.ACCEPTED, Instant.parse("2024-05-01T10:34:56.123456789Z"), 300), resp);
        assertEquals("[3,\"b-1\",{\"status\":\"Accepted\",\"currentTime\":\"2024-05-01T10:34:56.123456789Z\",\"interval\":300}]",
                codec.encodeCallResult("b-1", resp));
        Frame.Invalid inv = assertInstanceOf(Frame.Invalid.class,
                codec.decode("[3,\"h-1\",{\"currentTime\":\"noon\"}]", id -> Action.HEARTBEAT));
        assertEquals(new Frame.Invalid(3, "h-1", Action.HEARTBEAT, ErrorCode.PropertyConstraintViolation,
                "currentTime: \"noon\" is not a valid RFC 3339 date-time"), inv);
        inv = assertInstanceOf(Frame.Invalid.class, codec.decode("[3,\"h-1\",{}]", id -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(ErrorCode.InternalError, inv.code());
    }

    @Test
    void callErrorWithNestedDetails() {
        Frame f = codec.decode("[4,\"c-1\",\"NotSupported\",\"no such thing\",{\"a\":1,\"b\":[true,\"x\",2.5,null,{\"c\":9999999999}],"
                + "\"d\":{\"e\":\"f\"},\"n\":null}]", NONE_PENDING);
        Frame.CallError err = assertInstanceOf(Frame.CallError.class, f);
        assertEquals(ErrorCode.NotSupported, err.code());
        assertEquals("no such thing", err.description());
        Map<String, Object> expected = new HashMap<>();
        expected.put("a", 1);
        List<Object> b = new ArrayList<>(List.of(true, "x", 2.5));
        b.add(null);
        b.add(Map.of("c", 9999999999L));
        expected.put("b", b);
        expected.put("d", Map.of("e", "f"));
        assertEquals(expected, err.details());
        assertEquals(ErrorCode.GenericError, ((Frame.CallError) codec.decode("[4,\"c-1\",\"OccurrenceConstraintViolation\",\"\",{}]",
                NONE_PENDING)).code());
        String encoded = codec.encodeCallError("c-1", ErrorCode.NotSupported, "no such thing", err.details());
        assertEquals("[4,\"c-1\",\"NotSupported\",\"no such thing\",{\"a\":1,\"b\":[true,\"x\",2.5,null,{\"c\":9999999999}],\"d\":{\"e\":\"f\"}}]",
                encoded);
    }

    @Test
    void encodeCallErrorNeverThrows() {
        assertEquals("[4,\"-1\",\"GenericError\",\"\",{}]", codec.encodeCallError(null, null, null, null));
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        assertEquals("[4,\"x\",\"InternalError\",\"d\",{}]", codec.encodeCallError("x", ErrorCode.InternalError, "d", cyclic));
        Object odd = new Object() {
            @Override
            public String toString() {
                return "odd";
            }
        };
        assertEquals("[4,\"x\",\"InternalError\",\"\\\"q\\\"\",{\"o\":\"odd\",\"nan\":\"NaN\"}]",
                codec.encodeCallError("x", ErrorCode.InternalError, "\"q\"", new java.util.LinkedHashMap<>(Map.of("o", odd)) {
                    {
                        put("nan", Double.NaN);
                    }
                }));
    }

    @Test
    void everyErrorCodeOfThePayloadRulesInOneTable() {
        String boot = "[2,\"b\",\"BootNotification\",%s]";
        Map<String, ErrorCode> cases = Map.of(
                "{\"chargePointVendor\":\"v\",\"chargePointModel\":\"m\",\"x\":1}", ErrorCode.FormationViolation,
                "{\"chargePointVendor\":\"v\"}", ErrorCode.OccurenceConstraintViolation,
                "{\"chargePointVendor\":\"v\",\"chargePointModel\":7}", ErrorCode.TypeConstraintViolation,
                "{\"chargePointVendor\":\"v\",\"chargePointModel\":null}", ErrorCode.TypeConstraintViolation,
                "{\"chargePointVendor\":\"v\",\"chargePointModel\":\"" + "m".repeat(21) + "\"}", ErrorCode.PropertyConstraintViolation,
                "\"payload\"", ErrorCode.FormationViolation);
        cases.forEach((payload, code) -> assertEquals(code,
                assertInstanceOf(Frame.Invalid.class, codec.decode(boot.formatted(payload), NONE_PENDING)).code(), payload));
    }

    @Test
    void callEncodingWritesTheActionAndValidates() {
        assertEquals("[2,\"h\",\"Heartbeat\",{}]", codec.encodeCall("h", new HeartbeatRequest()));
        assertEquals("[2,\"b\",\"BootNotification\",{\"chargePointVendor\":\"v\",\"chargePointModel\":\"m\"}]",
                codec.encodeCall("b", new BootNotificationRequest("v", "m")));
        OcppException e = assertThrows(OcppException.class, () -> codec.encodeCall("b", new BootNotificationRequest("v", null)));
        assertEquals(ErrorCode.OccurenceConstraintViolation, e.code());
        assertEquals("chargePointModel: required property is missing", e.description());
        assertThrows(IllegalArgumentException.class, () -> codec.encodeCall("", new HeartbeatRequest()));
        assertThrows(IllegalArgumentException.class, () -> codec.encodeCall("x".repeat(37), new HeartbeatRequest()));
        assertThrows(IllegalArgumentException.class, () -> codec.encodeCallResult(null, new HeartbeatResponse(Instant.EPOCH)));
    }

    @Test
    void relaxationsApplyPerAction() {
        String mv = "[2,\"m\",\"MeterValues\",{\"connectorId\":1.0,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\","
                + "\"sampledValue\":[{\"value\":\"1\",\"vendorField\":1}]}]}]";
        OcppCodec relaxed = OcppCodec.create(ValidationPolicy.strict()
                .relax(Action.METER_VALUES, Relaxation.INTEGRAL_DECIMAL_AS_INTEGER, Relaxation.IGNORE_UNKNOWN_PROPERTIES));
        MeterValuesRequest r = assertInstanceOf(MeterValuesRequest.class, ((Frame.Call) relaxed.decode(mv, NONE_PENDING)).payload());
        assertEquals(1, r.connectorId());
        assertEquals(ErrorCode.TypeConstraintViolation, ((Frame.Invalid) codec.decode(mv, NONE_PENDING)).code());
        String status = "[2,\"s\",\"StatusNotification\",{\"connectorId\":1.0,\"errorCode\":\"NoError\",\"status\":\"Available\"}]";
        assertEquals(ErrorCode.TypeConstraintViolation, ((Frame.Invalid) relaxed.decode(status, NONE_PENDING)).code());
        assertEquals(1, relaxed.decodePayload(MeterValuesRequest.class,
                "{\"connectorId\":1.0,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"1\"}]}]}").connectorId());
    }

    @Test
    void securityExtensionActionsFollowDraft06Integers() {
        String getLog = "[2,\"g\",\"GetLog\",{\"log\":{\"remoteLocation\":\"https://logs.example/up\"},\"logType\":\"DiagnosticsLog\",\"requestId\":%s}]";
        GetLogRequest r = assertInstanceOf(GetLogRequest.class, ((Frame.Call) codec.decode(getLog.formatted("5.0"), NONE_PENDING)).payload());
        assertEquals(5, r.requestId());
        assertEquals(ErrorCode.TypeConstraintViolation, ((Frame.Invalid) codec.decode(getLog.formatted("5.5"), NONE_PENDING)).code());
    }

    @Test
    void everyActionOfTheModelHasWorkingCodecs() {
        FrameCodec frames = new FrameCodec(ValidationPolicy.strict());
        for (Action a : Action.values()) {
            assertEquals(a.requestType(), frames.descriptors().root(a.requestType()).type(), a.name());
            assertEquals(a.responseType(), frames.descriptors().root(a.responseType()).type(), a.name());
            assertEquals(Action.forWireName(a.wireName()).orElseThrow(), a);
        }
    }
}
