package io.chargegate.station.internal;

import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.station.api.StationStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link StationStatus#bootCount()}: accepted BootNotifications of the runtime, kept across a Reset. */
class BootCountTest extends RuntimeTestBase {

    @Test
    void aResetLeadsToBootCountTwo() {
        StationRuntime st = boot(1);
        Harness.await("first boot counted", () -> st.status().bootCount() == 1);
        assertEquals(RegistrationStatus.ACCEPTED, st.status().registration());

        assertEquals(ResetStatus.ACCEPTED, st.reset(ResetType.HARD));
        h.csms.next(BootNotificationRequest.class);
        Harness.await("second boot accepted", () -> st.status().registration() == RegistrationStatus.ACCEPTED
                && st.status().bootCount() == 2);
        assertEquals(2, st.status().bootCount());
    }

    @Test
    void onlyAcceptedBootsCountATriggeredOneIncluded() {
        h = new Harness(dir, 1);
        h.csms.bootStatus = RegistrationStatus.PENDING; // the next try would be 300 s later
        StationRuntime st = h.start();
        h.csms.next(BootNotificationRequest.class);
        Harness.await("Pending", () -> st.status().registration() == RegistrationStatus.PENDING);
        assertEquals(0, st.status().bootCount(), "a Pending boot does not count");

        h.csms.bootStatus = RegistrationStatus.ACCEPTED;
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.BOOT_NOTIFICATION, null));
        h.csms.next(BootNotificationRequest.class);
        Harness.await("accepted", () -> st.status().registration() == RegistrationStatus.ACCEPTED);
        assertEquals(1, st.status().bootCount());

        h.csms.bootStatus = RegistrationStatus.REJECTED;
        assertEquals(TriggerMessageStatus.ACCEPTED, st.trigger(MessageTrigger.BOOT_NOTIFICATION, null));
        h.csms.next(BootNotificationRequest.class);
        Harness.await("rejected", () -> st.status().registration() == RegistrationStatus.REJECTED);
        assertEquals(1, st.status().bootCount(), "a Rejected boot does not count");
    }
}
