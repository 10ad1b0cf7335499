package io.chargegate.ocpp.model;

/** The payload of an OCPP CALLRESULT. */
public interface Response extends Payload {
}
