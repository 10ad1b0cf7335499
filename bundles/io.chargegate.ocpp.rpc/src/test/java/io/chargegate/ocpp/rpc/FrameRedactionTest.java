package io.chargegate.ocpp.rpc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Secrets in logged frames: URL passwords and a ChangeConfiguration of AuthorizationKey; nothing else changes. */
class FrameRedactionTest {

    @Test
    void theUrlPasswordOfALocationIsMasked() {
        assertEquals("[2,\"1\",\"UpdateFirmware\",{\"location\":\"ftp://fw:********@10.0.0.5:2121/fw.bin\","
                        + "\"retrieveDate\":\"2026-11-25T10:00:00Z\"}]",
                FrameRedaction.redact("[2,\"1\",\"UpdateFirmware\",{\"location\":\"ftp://fw:s3cr:et@10.0.0.5:2121/fw.bin\","
                        + "\"retrieveDate\":\"2026-11-25T10:00:00Z\"}]"));
        assertEquals("{\"location\":\"https://user:********@host/upload/\"}",
                FrameRedaction.redact("{\"location\":\"https://user:p@ss@host/upload/\"}"));
    }

    @Test
    void urlsWithoutAPasswordAndOtherTextAreLeftAsTheyAre() {
        String[] unchanged = {
                "{\"location\":\"http://host:8080/fw.bin\"}",
                "{\"location\":\"ftp://anonymous@host/fw.bin\"}",
                "{\"location\":\"ws://10.0.0.1:9000/ocpp\",\"note\":\"a:b@c\"}",
                "[3,\"9\",{\"status\":\"Accepted\"}]",
                "[2,\"2\",\"ChangeConfiguration\",{\"key\":\"HeartbeatInterval\",\"value\":\"60\"}]",
        };
        for (String frame : unchanged) {
            assertEquals(frame, FrameRedaction.redact(frame));
        }
        assertNull(FrameRedaction.redact(null));
    }

    @Test
    void theValueOfAChangeConfigurationOfTheAuthorizationKeyIsMaskedInEitherOrder() {
        assertEquals("[2,\"3\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"********\"}]",
                FrameRedaction.redact(
                        "[2,\"3\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"0123456789abc\\\"def\"}]"));
        assertEquals("{\"value\" : \"********\", \"key\" : \"AuthorizationKey\"}",
                FrameRedaction.redact("{\"value\" : \"top-secret-key\", \"key\" : \"AuthorizationKey\"}"));
    }
}
