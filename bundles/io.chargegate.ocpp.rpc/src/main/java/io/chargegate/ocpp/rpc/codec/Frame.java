package io.chargegate.ocpp.rpc.codec;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.rpc.ErrorCode;

import java.util.Map;

/** One decoded inbound OCPP-J message, or the reason it could not be decoded. */
public sealed interface Frame permits Frame.Call, Frame.CallResult, Frame.CallError, Frame.Invalid {

    /** Message type number of a CALL. */
    int CALL = 2;
    /** Message type number of a CALLRESULT. */
    int CALL_RESULT = 3;
    /** Message type number of a CALLERROR. */
    int CALL_ERROR = 4;

    /** The message id, or null when it could not be read. */
    String id();

    /** A valid CALL: {@code [2, id, action, payload]}. */
    record Call(String id, Action action, Request<?> payload) implements Frame {
    }

    /** A valid CALLRESULT for a pending call of {@code action}: {@code [3, id, payload]}. */
    record CallResult(String id, Action action, Response payload) implements Frame {
    }

    /** A CALLERROR: {@code [4, id, code, description, details]}. */
    record CallError(String id, ErrorCode code, String description, Map<String, Object> details) implements Frame {
    }

    /**
     * A message that could not be decoded. {@code messageTypeId} is 2, 3 or 4 when it could be read
     * (else -1), {@code id} when it could be read (else null), {@code action} when known. For a CALL the
     * receiver answers {@code [4, id, code, description, {}]}; for a CALLRESULT the pending call fails
     * with this code; without an id the message can only be logged.
     */
    record Invalid(int messageTypeId, String id, Action action, ErrorCode code, String description) implements Frame {
    }
}
