package io.chargegate.ocpp.model;

/** An OCPP enumeration whose constants carry their exact wire spelling. */
public interface OcppEnum {
    /** The value exactly as written on the wire, for example {@code "SuspendedEVSE"}. */
    String value();
}
