package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.RemoteStartStopStatus;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authorization cache and local authorization list: LocalPreAuthorize, LocalAuthorizeOffline, AllowOfflineTxForUnknownId. */
class AuthorizationTest extends RuntimeTestBase {

    private long authorizes() {
        return count(AuthorizeRequest.class);
    }

    private long count(Class<? extends Request<?>> type) {
        return h.csms.log.stream().filter(type::isInstance).count();
    }

    /** Runs one session for idTag (Authorize online: the answer is cached), then frees the connector. */
    private void chargeOnceAndLeave(String idTag) {
        startCharging(idTag);
        h.reader.present(idTag, 0);
        h.csms.next(StopTransactionRequest.class);
        h.evse[1].unplug();
        h.csms.nextStatus(1, ChargePointStatus.AVAILABLE);
    }

    private void goOffline(StationRuntime st) {
        h.csms.goOffline();
        Harness.await("station offline", () -> !st.status().connected());
    }

    @Test
    void tc007_1_cachedAcceptedIdStartsLocallyWithLocalPreAuthorize() {
        StationRuntime st = boot(1);
        st.changeConfiguration("LocalPreAuthorize", "true");
        chargeOnceAndLeave("TAG1");
        long before = authorizes();
        h.evse[1].plugIn();
        h.reader.present("TAG1", 0);
        assertEquals("TAG1", h.csms.next(StartTransactionRequest.class).idTag());
        assertEquals(before, authorizes(), "no Authorize for a cached Accepted id");
    }

    @Test
    void cachedIdIsAuthorizedOnlineWithoutLocalPreAuthorize() {
        boot(1);
        chargeOnceAndLeave("TAG1");
        long before = authorizes();
        h.evse[1].plugIn();
        h.reader.present("TAG1", 0);
        h.csms.next(StartTransactionRequest.class);
        assertEquals(before + 1, authorizes());
    }

    @Test
    void tc007_2_remoteStartWithCachedIdIsAuthorizedFromTheCache() {
        StationRuntime st = boot(1);
        st.changeConfiguration("LocalPreAuthorize", "true");
        chargeOnceAndLeave("TAG1");
        long before = authorizes();
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("TAG1", 1, null));
        h.evse[1].plugIn();
        assertEquals("TAG1", h.csms.next(StartTransactionRequest.class).idTag());
        assertEquals(before, authorizes());
    }

    @Test
    void tc061_clearCacheMakesTheNextStartAuthorizeOnline() {
        StationRuntime st = boot(1);
        st.changeConfiguration("LocalPreAuthorize", "true");
        chargeOnceAndLeave("TAG1");
        assertTrue(st.clearAuthorizationCache(), "ClearCache Accepted");
        long before = authorizes();
        h.evse[1].plugIn();
        h.reader.present("TAG1", 0);
        h.csms.next(AuthorizeRequest.class);
        h.csms.next(StartTransactionRequest.class);
        assertEquals(before + 1, authorizes());
        // with the cache disabled ClearCache is rejected
        st.changeConfiguration("AuthorizationCacheEnabled", "false");
        assertFalse(st.clearAuthorizationCache());
    }

    @Test
    void theCacheSizeBoundsTheCacheAcrossRestartsAndClearCacheEmptiesIt() {
        h = new Harness(dir, 1);
        h.config.put("authorizationCacheSize", 2);
        StationRuntime st = bootPrepared(1);
        chargeOnceAndLeave("TAG1");
        chargeOnceAndLeave("TAG2");
        chargeOnceAndLeave("TAG3");
        assertNull(st.cachedAuthorization("TAG1"), "the least recently used id left the full cache");
        assertNotNull(st.cachedAuthorization("TAG2"));
        assertNotNull(st.cachedAuthorization("TAG3"));
        h.config.put("authorizationCacheSize", 1);
        st = h.powerCycle();
        assertNull(st.cachedAuthorization("TAG2"), "cut down to the new size at start");
        assertNotNull(st.cachedAuthorization("TAG3"), "the most recently used id kept across the restart");
        assertTrue(st.clearAuthorizationCache());
        assertNull(st.cachedAuthorization("TAG3"));
        st = h.powerCycle();
        assertNull(st.cachedAuthorization("TAG3"), "ClearCache is durable");
    }

    @Test
    void offlineTheCacheDecidesWithLocalAuthorizeOffline() {
        StationRuntime st = boot(1);
        st.changeConfiguration("AllowOfflineTxForUnknownId", "true");
        chargeOnceAndLeave("TAG1");
        h.csms.authorize = id -> new IdTagInfo(AuthorizationStatus.BLOCKED);
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        h.reader.present("BLOCKED1", 0);
        h.csms.next(AuthorizeRequest.class, a -> a.idTag().equals("BLOCKED1"));
        // the answer must be in before the link is cut, else BLOCKED1 is unknown and AllowOfflineTxForUnknownId applies
        Harness.await("Blocked cached", () -> st.cachedAuthorization("BLOCKED1") != null);
        assertEquals(AuthorizationStatus.BLOCKED, st.cachedAuthorization("BLOCKED1").status());
        assertEquals(AuthorizationStatus.ACCEPTED, st.cachedAuthorization("TAG1").status());
        goOffline(st);
        h.reader.present("BLOCKED1", 0);
        assertFalse(st.connector(1).hasTransaction(), "a cached Blocked id is not unknown: refused offline");
        h.reader.present("TAG1", 0);
        assertTrue(st.connector(1).hasTransaction(), "cached Accepted id starts offline");
    }

    @Test
    void tc008_1_localListIdStartsWithoutAuthorizeWithLocalPreAuthorize() {
        StationRuntime st = boot(1);
        h.profiles.add(localListProfile(), Map.of());
        st.changeConfiguration("LocalPreAuthorize", "true");
        assertEquals(UpdateStatus.ACCEPTED, st.sendLocalList(1, UpdateType.FULL, List.of(
                new AuthorizationData("LIST1", new IdTagInfo(AuthorizationStatus.ACCEPTED)),
                new AuthorizationData("BLOCKED1", new IdTagInfo(AuthorizationStatus.BLOCKED)))));
        assertEquals(1, st.localListVersion());
        h.evse[1].plugIn();
        h.reader.present("LIST1", 0);
        assertEquals("LIST1", h.csms.next(StartTransactionRequest.class).idTag());
        assertEquals(0, authorizes());
        h.reader.present("LIST1", 0);
        h.csms.next(StopTransactionRequest.class);
        // a listed id that is not Accepted is authorized online
        h.evse[1].unplug();
        h.evse[1].plugIn();
        h.reader.present("BLOCKED1", 0);
        assertEquals("BLOCKED1", h.csms.next(AuthorizeRequest.class).idTag());
    }

    @Test
    void ll1_tc042_2_anEmptyLocalListHasVersionZero() {
        StationRuntime st = boot(1);
        h.profiles.add(localListProfile(), Map.of());
        assertEquals(UpdateStatus.ACCEPTED, st.sendLocalList(1, UpdateType.FULL, List.of()));
        assertEquals(0, st.localListVersion());
        st.sendLocalList(2, UpdateType.FULL, List.of(new AuthorizationData("A", new IdTagInfo(AuthorizationStatus.ACCEPTED))));
        assertEquals(2, st.localListVersion());
        assertEquals(UpdateStatus.ACCEPTED, st.sendLocalList(3, UpdateType.DIFFERENTIAL, List.of(new AuthorizationData("A"))));
        assertEquals(0, st.localListVersion(), "the last entry removed");
        // the next differential update is checked against 0
        assertEquals(UpdateStatus.ACCEPTED, st.sendLocalList(1, UpdateType.DIFFERENTIAL,
                List.of(new AuthorizationData("B", new IdTagInfo(AuthorizationStatus.ACCEPTED)))));
        assertEquals(1, st.localListVersion());
        assertEquals(UpdateStatus.VERSION_MISMATCH, st.sendLocalList(1, UpdateType.DIFFERENTIAL, List.of()));
    }

    @Test
    void tc008_2_remoteStartWithListedIdNeedsNoAuthorize() {
        StationRuntime st = boot(1);
        h.profiles.add(localListProfile(), Map.of());
        st.changeConfiguration("LocalPreAuthorize", "true");
        st.sendLocalList(3, UpdateType.FULL, List.of(new AuthorizationData("LIST1", new IdTagInfo(AuthorizationStatus.ACCEPTED))));
        h.evse[1].plugIn();
        assertEquals(RemoteStartStopStatus.ACCEPTED, st.remoteStart("LIST1", 1, null));
        assertEquals("LIST1", h.csms.next(StartTransactionRequest.class).idTag());
        assertEquals(0, authorizes());
    }

    @Test
    void offlineTheLocalListDecidesPerLocalAuthorizeOfflineAndUnknownIdsPerAllowOfflineTxForUnknownId() {
        StationRuntime st = boot(1);
        h.profiles.add(localListProfile(), Map.of());
        st.sendLocalList(1, UpdateType.FULL, List.of(
                new AuthorizationData("LIST1", new IdTagInfo(AuthorizationStatus.ACCEPTED)),
                new AuthorizationData("OLD1", new IdTagInfo(Instant.parse("2020-01-01T00:00:00Z"), null, AuthorizationStatus.ACCEPTED)),
                new AuthorizationData("BLOCKED1", new IdTagInfo(AuthorizationStatus.BLOCKED))));
        h.evse[1].plugIn();
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
        goOffline(st);
        h.reader.present("BLOCKED1", 0);
        assertFalse(st.connector(1).hasTransaction(), "Blocked in the list");
        h.reader.present("OLD1", 0);
        assertFalse(st.connector(1).hasTransaction(), "expired in the list");
        h.reader.present("STRANGER", 0);
        assertFalse(st.connector(1).hasTransaction(), "unknown id with AllowOfflineTxForUnknownId=false");
        st.changeConfiguration("LocalAuthorizeOffline", "false");
        h.reader.present("LIST1", 0);
        assertFalse(st.connector(1).hasTransaction(), "listed id with LocalAuthorizeOffline=false");
        st.changeConfiguration("LocalAuthorizeOffline", "true");
        st.changeConfiguration("LocalAuthListEnabled", "false");
        h.reader.present("LIST1", 0);
        assertFalse(st.connector(1).hasTransaction(), "list disabled");
        st.changeConfiguration("LocalAuthListEnabled", "true");
        h.reader.present("LIST1", 0);
        assertTrue(st.connector(1).hasTransaction(), "listed Accepted id starts offline");
        h.reader.present("LIST1", 0);
        assertFalse(st.connector(1).hasTransaction());
        h.evse[1].unplug(); // Finishing until the cable is removed
        h.evse[1].plugIn();
        st.changeConfiguration("AllowOfflineTxForUnknownId", "true");
        h.reader.present("STRANGER", 0);
        assertTrue(st.connector(1).hasTransaction(), "unknown id with AllowOfflineTxForUnknownId=true");
        // both offline transactions reach the CSMS after reconnecting
        h.csms.goOnline();
        assertEquals("LIST1", h.csms.next(StartTransactionRequest.class).idTag());
        h.csms.next(StopTransactionRequest.class);
        assertEquals("STRANGER", h.csms.next(StartTransactionRequest.class).idTag());
        assertEquals(0, authorizes(), "nothing authorized online meanwhile");
    }

    @Test
    void aTokenTapRacingAResetReadsTheStoreUnderTheLockAndThrowsNothingIntoTheReader() {
        Thread tapper = Thread.currentThread();
        AtomicReference<Runnable> onUnlockedRead = new AtomicReference<>();
        h = new Harness(dir, 1);
        // a Reset's stop() lands when the tapping thread reads the clock without the runtime's lock (Authorizer.authorize)
        h.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.system(zone);
            }

            @Override
            public Instant instant() {
                StationRuntime s = h.station;
                if (Thread.currentThread() == tapper && s != null && !Thread.holdsLock(s)) {
                    Runnable r = onUnlockedRead.getAndSet(null);
                    if (r != null) {
                        r.run();
                    }
                }
                return Instant.now();
            }
        };
        StationRuntime st = bootPrepared(1);
        chargeOnceAndLeave("TAG1"); // TAG1 in the cache: its lookup writes to the store
        onUnlockedRead.set(() -> {
            Thread stopper = new Thread(st::stop, "reset-stop");
            stopper.start();
            try {
                stopper.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertDoesNotThrow(() -> h.reader.present("TAG1", 1));
        assertNotNull(onUnlockedRead.get(), "the local lookups ran without the runtime's lock");
        h.csms.next(AuthorizeRequest.class);
        h.csms.nextStatus(1, ChargePointStatus.PREPARING);
    }
}
