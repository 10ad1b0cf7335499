package io.chargegate.ocpp.rpc.codec;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.ocpp.rpc.codec.internal.FrameCodec;

import java.util.Map;
import java.util.function.Function;

/**
 * Encodes and decodes OCPP-J frames and payloads, validating every payload in both directions as
 * strictly as the official OCPP 1.6 schemas (or as a {@link ValidationPolicy} relaxes). Thread-safe;
 * create one and share it (it caches one reader/writer per payload class).
 *
 * <p>Validation: required properties present and not {@code null}; no properties the schema does not
 * define; {@code maxLength} in characters (code points); enumeration values exact and case-sensitive;
 * a JSON decimal such as {@code 5.0} is not an integer (draft-04; the security extension's draft-06
 * schemas accept an integral decimal); {@code null} is a type violation; date-times are RFC 3339 (any
 * offset, any fraction length, {@code t}/{@code z} in lower case) and are written back in UTC with
 * {@code Z}; {@code minItems}, {@code multipleOf}, {@code format: uri}, and the per-message
 * {@link io.chargegate.ocpp.model.PathConstraint}s. Violations map to the OCPP-J 1.6 codes: unknown
 * property {@link ErrorCode#FormationViolation}, missing required or too few items
 * {@link ErrorCode#OccurenceConstraintViolation}, wrong JSON type {@link ErrorCode#TypeConstraintViolation},
 * a bad value {@link ErrorCode#PropertyConstraintViolation}; descriptions start with the JSON path of the
 * offending field, for example {@code meterValue[0].sampledValue[1].unit: "Foo" is not one of [...]}.
 */
public final class OcppCodec {

    private final ValidationPolicy policy;
    private final FrameCodec frames;

    private OcppCodec(ValidationPolicy policy) {
        this.policy = policy;
        this.frames = new FrameCodec(policy);
    }

    /** A codec with strict validation. */
    public static OcppCodec strict() {
        return new OcppCodec(ValidationPolicy.strict());
    }

    /** A codec with the given validation policy. */
    public static OcppCodec create(ValidationPolicy policy) {
        return new OcppCodec(policy);
    }

    /** The validation policy of this codec. */
    public ValidationPolicy policy() {
        return policy;
    }

    /**
     * Decodes one inbound message in one streaming pass. Never throws: a malformed message yields
     * {@link Frame.Invalid} with the OCPP-J 1.6 error code that fits:
     * <ul>
     * <li>not JSON, or not a JSON array, or a payload that is not an object: {@code FormationViolation}
     *     (with the id when it was read before the fault);</li>
     * <li>wrong frame structure (message type not 2, 3 or 4, id not a string of 1 to 36 characters,
     *     action or error code not a string, wrong number of elements): {@code ProtocolError}, with the
     *     id when a valid id could be read, else with a null id;</li>
     * <li>a CALL whose action is not an OCPP 1.6 or security extension action: {@code NotImplemented}
     *     ("Requested Action is not known by receiver: ..."), action null;</li>
     * <li>a payload that breaks its schema: the code of the first violation (see the class comment),
     *     with id and action.</li>
     * </ul>
     * A CALLERROR with an unknown code decodes with {@link ErrorCode#GenericError}; its details object
     * becomes an unmodifiable map (nested maps, lists, strings, numbers, booleans; members with a
     * {@code null} value are left out).
     *
     * @param text          the WebSocket text message
     * @param pendingAction used for a CALLRESULT only: called once with its id, returns the action of our
     *                      pending call with that id (its response type decodes the payload), or null when
     *                      no call with that id is pending; the result is then
     *                      {@code Frame.Invalid(3, id, null, GenericError, "no pending call with id ...")},
     *                      which the session logs and drops. If the function throws, the result is
     *                      {@code Invalid} with {@link ErrorCode#InternalError}.
     */
    public Frame decode(String text, Function<String, Action> pendingAction) {
        return frames.decode(text, pendingAction);
    }

    /**
     * Encodes {@code [2, id, action, payload]} after validating the payload.
     *
     * @throws OcppException            when the payload breaks its schema (same codes as decoding)
     * @throws IllegalArgumentException when {@code id} is not a string of 1 to 36 characters
     */
    public String encodeCall(String id, Request<?> request) throws OcppException {
        return frames.encodeCall(id, request);
    }

    /**
     * Encodes {@code [3, id, payload]} after validating the payload.
     *
     * @throws OcppException            when the payload breaks its schema (same codes as decoding)
     * @throws IllegalArgumentException when {@code id} is not a string of 1 to 36 characters
     */
    public String encodeCallResult(String id, Response response) throws OcppException {
        return frames.encodeCallResult(id, response);
    }

    /**
     * Encodes {@code [4, id, code, description, details]}. Never throws: a null id is written as
     * {@code "-1"}, a null code as {@code GenericError}, a null description as {@code ""}, null details
     * as {@code {}}; details are written as JSON (maps, lists, strings, numbers, booleans; anything else
     * as its string), and details that cannot be written at all (a cycle) are replaced by {@code {}}.
     */
    public String encodeCallError(String id, ErrorCode code, String description, Map<String, Object> details) {
        return frames.encodeCallError(id, code, description, details);
    }

    /**
     * Decodes and validates one payload object of the given type (relaxations of the action whose request
     * or response it is apply).
     *
     * @throws OcppException when the text is not a JSON object or breaks the schema
     */
    public <T extends Payload> T decodePayload(Class<T> type, String json) throws OcppException {
        return frames.decodePayload(type, json);
    }

    /**
     * Validates and encodes one payload object.
     *
     * @throws OcppException when the payload breaks its schema
     */
    public String encodePayload(Payload payload) throws OcppException {
        return frames.encodePayload(payload);
    }
}
