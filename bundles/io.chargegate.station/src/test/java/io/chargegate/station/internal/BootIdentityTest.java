package io.chargegate.station.internal;

import io.chargegate.ocpp.model.messages.BootNotificationRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** BootNotification waits for the SystemDriver, then falls back to the configured vendor and model. */
class BootIdentityTest extends RuntimeTestBase {

    @Test
    void withoutASystemDriverBootUsesTheConfiguredVendorAndModelAfterTheWait() {
        h = new Harness(dir, 1);
        h.systems.remove(h.system);
        h.config.put("systemDriverWaitSeconds", 1);
        h.config.put("vendor", "ACME");
        h.config.put("model", "Box-1");
        h.start();
        BootNotificationRequest boot = h.csms.next(BootNotificationRequest.class);
        assertEquals("ACME", boot.chargePointVendor());
        assertEquals("Box-1", boot.chargePointModel());
        assertNull(boot.firmwareVersion());
        assertNull(boot.chargePointSerialNumber());
    }

    @Test
    void aSystemDriverArrivingDuringTheWaitIsUsedAtOnce() {
        h = new Harness(dir, 1);
        h.systems.remove(h.system);
        h.config.put("systemDriverWaitSeconds", 600); // a boot within the 10 s of next() can only come from the driver
        h.start();
        Harness.await("connected", () -> h.csms.connected());
        h.csms.assertNothing(r -> r instanceof BootNotificationRequest, 300);
        h.systems.add(h.system, Harness.driverProps(null));
        BootNotificationRequest boot = h.csms.next(BootNotificationRequest.class);
        assertEquals("FakeVendor", boot.chargePointVendor());
        assertEquals("SN-1", boot.chargePointSerialNumber());
    }

    @Test
    void aSystemDriverForAnotherStationIsNotWaitedFor() {
        h = new Harness(dir, 1);
        h.systems.remove(h.system);
        java.util.Map<String, Object> other = Harness.driverProps(null);
        other.put(io.chargegate.hardware.api.DriverProperties.STATION, "SOMEONE-ELSE");
        h.systems.add(h.system, other);
        h.config.put("systemDriverWaitSeconds", 1);
        h.start();
        assertEquals("ChargeGate", h.csms.next(BootNotificationRequest.class).chargePointVendor());
    }

    @Test
    void aFailingIdentityFallsBackToTheConfiguredVendorAndModel() {
        h = new Harness(dir, 1);
        h.system.identityFails = true;
        h.start();
        BootNotificationRequest boot = h.csms.next(BootNotificationRequest.class);
        assertEquals("ChargeGate", boot.chargePointVendor());
        assertEquals("Gateway", boot.chargePointModel());
    }
}
