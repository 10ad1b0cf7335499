package io.chargegate.ocpp.rpc;

/** The CALLERROR codes of OCPP-J 1.6, spelled exactly as the 1.6 specification spells them. */
public enum ErrorCode {
    /** Requested Action is not known by receiver. */
    NotImplemented,
    /** Requested Action is recognized but not supported by the receiver. */
    NotSupported,
    /** An internal error occurred and the receiver was not able to process the requested Action successfully. */
    InternalError,
    /** Payload for Action is incomplete. */
    ProtocolError,
    /** During the processing of Action a security issue occurred preventing receiver from completing the Action successfully. */
    SecurityError,
    /** Payload for Action is syntactically incorrect or not conform the PDU structure for Action. */
    FormationViolation,
    /** Payload is syntactically correct but at least one field contains an invalid value. */
    PropertyConstraintViolation,
    /** Payload for Action is syntactically correct but at least one of the fields violates occurence constraints. */
    OccurenceConstraintViolation,
    /** Payload for Action is syntactically correct but at least one of the fields violates data type constraints. */
    TypeConstraintViolation,
    /** Any other error not covered by the previous ones. */
    GenericError;

    /** The code for a wire spelling; unknown spellings map to {@link #GenericError}. */
    public static ErrorCode fromWire(String code) {
        for (ErrorCode c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return GenericError;
    }
}
