package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionRequest;
import io.chargegate.ocpp.model.messages.RemoteStartTransactionResponse;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library example of README.md, run for real: a charge point boots and answers RemoteStartTransaction. */
class ReadmeExampleTest {

    @Test
    void chargePointBootsAndAnswersRemoteStart() throws Exception {
        // --- README example: begin ---
        RpcSession cp = RpcSession.builder(Role.CHARGE_POINT).name("CP-1").build();
        cp.addHandler(Action.REMOTE_START_TRANSACTION, (RemoteStartTransactionRequest req) ->
                new RemoteStartTransactionResponse(req.idTag().equals("BLOCKED")
                        ? RemoteStartStopStatus.REJECTED : RemoteStartStopStatus.ACCEPTED));
        // --- README example: end (connection wiring follows) ---

        RpcSession csms = RpcSession.builder(Role.CENTRAL_SYSTEM).name("CSMS").build();
        csms.addHandler(Action.BOOT_NOTIFICATION, (BootNotificationRequest req) ->
                new BootNotificationResponse(RegistrationStatus.ACCEPTED, Instant.now(), 300));
        try (InMemoryLink link = InMemoryLink.connect(cp, csms)) {
            BootNotificationResponse boot = cp.call(new BootNotificationRequest("ChargeGate", "Demo"))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(RegistrationStatus.ACCEPTED, boot.status());
            assertEquals(300, boot.interval());

            RemoteStartTransactionResponse answer = csms.call(new RemoteStartTransactionRequest("04A1B2C3"))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(RemoteStartStopStatus.ACCEPTED, answer.status());
            RemoteStartTransactionResponse refused = csms.call(new RemoteStartTransactionRequest("BLOCKED"))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(RemoteStartStopStatus.REJECTED, refused.status());
        } finally {
            cp.dispose();
            csms.dispose();
        }
    }
}
