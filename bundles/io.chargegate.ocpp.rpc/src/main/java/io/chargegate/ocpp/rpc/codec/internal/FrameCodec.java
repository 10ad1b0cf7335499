package io.chargegate.ocpp.rpc.codec.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.codec.Frame;
import io.chargegate.ocpp.rpc.codec.ValidationPolicy;
import io.chargegate.ocpp.rpc.codec.ValidationPolicy.Relaxation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The implementation behind {@link io.chargegate.ocpp.rpc.codec.OcppCodec}: one streaming pass per frame
 * (outer array and payload together) with jackson-core, payload codecs from {@link Descriptors}.
 * Thread-safe.
 */
public final class FrameCodec {

    /** Longest message id OCPP-J 1.6 allows. */
    public static final int MAX_ID_LENGTH = 36;

    private final JsonFactory factory = JsonFactory.builder().build();
    private final Descriptors descriptors = new Descriptors();
    private final Map<Class<?>, Action> actionByType = new HashMap<>();
    private final int[] flagsByAction = new int[Action.values().length];
    private final int globalFlags;

    public FrameCodec(ValidationPolicy policy) {
        globalFlags = flags(policy, null);
        for (Action a : Action.values()) {
            actionByType.put(a.requestType(), a);
            actionByType.put(a.responseType(), a);
            int f = flags(policy, a);
            if (a.profile() == FeatureProfile.SECURITY) {
                // the security extension schemas are draft-06, where 5.0 is an integer
                f |= ValueCodec.INTEGRAL_DECIMAL;
            }
            flagsByAction[a.ordinal()] = f;
        }
    }

    private static int flags(ValidationPolicy policy, Action action) {
        int f = 0;
        if (policy.allows(action, Relaxation.INTEGRAL_DECIMAL_AS_INTEGER)) {
            f |= ValueCodec.INTEGRAL_DECIMAL;
        }
        if (policy.allows(action, Relaxation.IGNORE_UNKNOWN_PROPERTIES)) {
            f |= ValueCodec.IGNORE_UNKNOWN;
        }
        return f;
    }

    private int flags(Action action) {
        return action == null ? globalFlags : flagsByAction[action.ordinal()];
    }

    /** The payload codecs (for tests and tools that check the model). */
    public Descriptors descriptors() {
        return descriptors;
    }

    // ------------------------------------------------------------------ decoding

    /** What is known of a frame so far, for the {@link Frame.Invalid} of a failure. */
    private static final class Known {
        int type = -1;
        String id;
        Action action;

        Frame.Invalid invalid(ErrorCode code, String description) {
            return new Frame.Invalid(type, id, action, code, description);
        }
    }

    /** See {@link io.chargegate.ocpp.rpc.codec.OcppCodec#decode}. */
    public Frame decode(String text, Function<String, Action> pendingAction) {
        Known k = new Known();
        if (text == null) {
            return k.invalid(ErrorCode.FormationViolation, "message is not a JSON array: null");
        }
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                return k.invalid(ErrorCode.FormationViolation, "message is not a JSON array");
            }
            t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return k.invalid(ErrorCode.ProtocolError, "message is an empty array");
            }
            int type = -1;
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                type = p.getIntValue();
            }
            String typeText = t == JsonToken.VALUE_NUMBER_INT ? p.getText() : ValueCodec.jsonTypeOf(t);
            p.skipChildren();
            t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && isValidId(p.getText())) {
                k.id = p.getText();
            }
            if (type < Frame.CALL || type > Frame.CALL_ERROR) {
                return k.invalid(ErrorCode.ProtocolError, "message type must be 2, 3 or 4, found " + typeText);
            }
            k.type = type;
            if (k.id == null) {
                return k.invalid(ErrorCode.ProtocolError, t == JsonToken.END_ARRAY ? "message id is missing"
                        : "message id must be a string of 1 to " + MAX_ID_LENGTH + " characters, found "
                        + (t == JsonToken.VALUE_STRING ? ValueCodec.quote(p.getText()) : ValueCodec.jsonTypeOf(t)));
            }
            switch (type) {
                case Frame.CALL:
                    return call(p, k);
                case Frame.CALL_RESULT:
                    return callResult(p, k, pendingAction);
                default:
                    return callError(p, k);
            }
        } catch (Violation v) {
            return k.invalid(v.code(), v.description());
        } catch (JsonProcessingException e) {
            return k.invalid(ErrorCode.FormationViolation, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return k.invalid(ErrorCode.InternalError, "cannot decode: " + e);
        } catch (StackOverflowError e) {
            return k.invalid(ErrorCode.FormationViolation, "JSON nested too deeply");
        }
    }

    private static boolean isValidId(String id) {
        int n = id.length();
        return n >= 1 && (n <= MAX_ID_LENGTH || id.codePointCount(0, n) <= MAX_ID_LENGTH);
    }

    private Frame call(JsonParser p, Known k) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_STRING) {
            return k.invalid(ErrorCode.ProtocolError, t == JsonToken.END_ARRAY ? "CALL must have 4 elements, found 2"
                    : "action must be a string, found " + ValueCodec.jsonTypeOf(t));
        }
        String name = p.getText();
        Action action = Action.forWireName(name).orElse(null);
        k.action = action;
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return k.invalid(ErrorCode.ProtocolError, "CALL must have 4 elements, found 3");
        }
        if (action == null) {
            p.skipChildren();
            Frame.Invalid bad = expectEnd(p, k, "CALL must have 4 elements");
            return bad != null ? bad : k.invalid(ErrorCode.NotImplemented,
                    "Requested Action is not known by receiver: " + ValueCodec.quote(name));
        }
        Object payload = payload(p, t, action.requestType(), flags(action));
        Frame.Invalid bad = expectEnd(p, k, "CALL must have 4 elements");
        return bad != null ? bad : new Frame.Call(k.id, action, (Request<?>) payload);
    }

    private Frame callResult(JsonParser p, Known k, Function<String, Action> pendingAction) throws IOException {
        Action action;
        try {
            action = pendingAction == null ? null : pendingAction.apply(k.id);
        } catch (RuntimeException e) {
            return k.invalid(ErrorCode.InternalError, "cannot look up the pending call with id " + ValueCodec.quote(k.id) + ": " + e);
        }
        if (action == null) {
            return k.invalid(ErrorCode.GenericError, "no pending call with id " + ValueCodec.quote(k.id));
        }
        k.action = action;
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return k.invalid(ErrorCode.ProtocolError, "CALLRESULT must have 3 elements, found 2");
        }
        Object payload = payload(p, t, action.responseType(), flags(action));
        Frame.Invalid bad = expectEnd(p, k, "CALLRESULT must have 3 elements");
        return bad != null ? bad : new Frame.CallResult(k.id, action, (Response) payload);
    }

    private Frame callError(JsonParser p, Known k) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_STRING) {
            return k.invalid(ErrorCode.ProtocolError, t == JsonToken.END_ARRAY ? "CALLERROR must have 5 elements, found 2"
                    : "error code must be a string, found " + ValueCodec.jsonTypeOf(t));
        }
        ErrorCode code = ErrorCode.fromWire(p.getText());
        t = p.nextToken();
        if (t != JsonToken.VALUE_STRING) {
            return k.invalid(ErrorCode.ProtocolError, t == JsonToken.END_ARRAY ? "CALLERROR must have 5 elements, found 3"
                    : "error description must be a string, found " + ValueCodec.jsonTypeOf(t));
        }
        String description = p.getText();
        t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            return k.invalid(ErrorCode.ProtocolError, t == JsonToken.END_ARRAY ? "CALLERROR must have 5 elements, found 4"
                    : "error details must be a JSON object, found " + ValueCodec.jsonTypeOf(t));
        }
        Map<String, Object> details = JsonValues.readObject(p);
        Frame.Invalid bad = expectEnd(p, k, "CALLERROR must have 5 elements");
        return bad != null ? bad : new Frame.CallError(k.id, code, description, details);
    }

    /** Reads the payload object that starts at token {@code t}. */
    private Object payload(JsonParser p, JsonToken t, Class<?> type, int flags) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw new Violation(ErrorCode.FormationViolation, "payload must be a JSON object, found " + ValueCodec.jsonTypeOf(t));
        }
        return descriptors.root(type).readObject(p, flags);
    }

    /** Null when the array ends now and nothing follows it; else the {@link Frame.Invalid} that says what is wrong. */
    private static Frame.Invalid expectEnd(JsonParser p, Known k, String elements) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.END_ARRAY) {
            int extra = 0;
            while (t != JsonToken.END_ARRAY) {
                p.skipChildren();
                extra++;
                t = p.nextToken();
            }
            return k.invalid(ErrorCode.ProtocolError, elements + ", found " + extra + " more");
        }
        if (p.nextToken() != null) {
            return k.invalid(ErrorCode.FormationViolation, "not valid JSON: content after the message array");
        }
        return null;
    }

    /** See {@link io.chargegate.ocpp.rpc.codec.OcppCodec#decodePayload}. */
    public <T extends Payload> T decodePayload(Class<T> type, String json) {
        if (json == null) {
            throw new OcppException(ErrorCode.FormationViolation, "payload must be a JSON object, found nothing");
        }
        try (JsonParser p = factory.createParser(json)) {
            Object v = payload(p, p.nextToken(), type, flags(actionByType.get(type)));
            if (p.nextToken() != null) {
                throw new OcppException(ErrorCode.FormationViolation, "not valid JSON: content after the payload object");
            }
            return type.cast(v);
        } catch (Violation v) {
            throw v.toOcppException();
        } catch (JsonProcessingException e) {
            throw new OcppException(ErrorCode.FormationViolation, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StackOverflowError e) {
            throw new OcppException(ErrorCode.FormationViolation, "JSON nested too deeply");
        }
    }

    // ------------------------------------------------------------------ encoding

    /** Writes one frame or payload with a generator. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private String write(Body body) {
        BufferRecycler br = factory._getBufferRecycler();
        try (SegmentedStringWriter sw = new SegmentedStringWriter(br)) {
            try (JsonGenerator g = factory.createGenerator(sw)) {
                body.write(g);
            }
            return sw.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            br.releaseToPool();
        }
    }

    private static void checkId(String id) {
        if (id == null || !isValidId(id)) {
            throw new IllegalArgumentException("message id must be a string of 1 to " + MAX_ID_LENGTH + " characters: " + id);
        }
    }

    /** See {@link io.chargegate.ocpp.rpc.codec.OcppCodec#encodeCall}. */
    public String encodeCall(String id, Request<?> request) {
        checkId(id);
        Action action = request.action();
        RecordCodec codec = descriptors.root(request.getClass());
        try {
            return write(g -> {
                g.writeStartArray();
                g.writeNumber(Frame.CALL);
                g.writeString(id);
                g.writeString(action.wireName());
                codec.write(g, request);
                g.writeEndArray();
            });
        } catch (Violation v) {
            throw v.toOcppException();
        }
    }

    /** See {@link io.chargegate.ocpp.rpc.codec.OcppCodec#encodeCallResult}. */
    public String encodeCallResult(String id, Response response) {
        checkId(id);
        RecordCodec codec = descriptors.root(response.getClass());
        try {
            return write(g -> {
                g.writeStartArray();
                g.writeNumber(Frame.CALL_RESULT);
                g.writeString(id);
                codec.write(g, response);
                g.writeEndArray();
            });
        } catch (Violation v) {
            throw v.toOcppException();
        }
    }

    /** See {@link io.chargegate.ocpp.rpc.codec.OcppCodec#encodeCallError}. */
    public String encodeCallError(String id, ErrorCode code, String description, Map<String, Object> details) {
        String i = id == null ? "-1" : id;
        String c = (code == null ? ErrorCode.GenericError : code).name();
        String d = description == null ? "" : description;
        try {
            return write(g -> {
                g.writeStartArray();
                g.writeNumber(Frame.CALL_ERROR);
                g.writeString(i);
                g.writeString(c);
                g.writeString(d);
                if (details == null) {
                    g.writeStartObject();
                    g.writeEndObject();
                } else {
                    JsonValues.write(g, details);
                }
                g.writeEndArray();
            });
        } catch (RuntimeException | StackOverflowError e) {
            // details that cannot be written (a cycle, a failing toString): send the error without them
            return write(g -> {
                g.writeStartArray();
                g.writeNumber(Frame.CALL_ERROR);
                g.writeString(i);
                g.writeString(c);
                g.writeString(d);
                g.writeStartObject();
                g.writeEndObject();
                g.writeEndArray();
            });
        }
    }

    /** See {@link io.chargegate.ocpp.rpc.codec.OcppCodec#encodePayload}. */
    public String encodePayload(Payload payload) {
        RecordCodec codec = descriptors.root(payload.getClass());
        try {
            return write(g -> codec.write(g, payload));
        } catch (Violation v) {
            throw v.toOcppException();
        }
    }
}
