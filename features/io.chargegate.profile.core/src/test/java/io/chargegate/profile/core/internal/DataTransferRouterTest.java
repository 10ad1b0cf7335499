package io.chargegate.profile.core.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.DataTransferRequest;
import io.chargegate.ocpp.model.messages.DataTransferResponse;
import io.chargegate.ocpp.model.types.DataTransferStatus;
import io.chargegate.station.api.DataTransferHandler;
import io.chargegate.station.api.Station;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DataTransfer routing by vendorId. */
class DataTransferRouterTest {

    private final FakeStation station = new FakeStation();
    private final DataTransferRouter router = new DataTransferRouter();
    private long nextServiceId = 1;

    /** A vendor handler recording the requests it gets and answering through {@code answer}. */
    private static final class Vendor implements DataTransferHandler {
        final String vendorId;
        final Function<DataTransferRequest, CompletionStage<DataTransferResponse>> answer;
        final List<DataTransferRequest> received = new ArrayList<>();
        final List<Station> stations = new ArrayList<>();

        Vendor(String vendorId, Function<DataTransferRequest, CompletionStage<DataTransferResponse>> answer) {
            this.vendorId = vendorId;
            this.answer = answer;
        }

        Vendor(String vendorId, DataTransferResponse response) {
            this(vendorId, r -> CompletableFuture.completedFuture(response));
        }

        @Override
        public String vendorId() {
            return vendorId;
        }

        @Override
        public CompletionStage<DataTransferResponse> handle(Station station, DataTransferRequest request) {
            received.add(request);
            stations.add(station);
            return answer.apply(request);
        }
    }

    private Map<String, Object> bind(DataTransferHandler handler, Integer ranking) {
        Map<String, Object> props = ranking == null
                ? Map.of("service.id", nextServiceId++)
                : Map.of("service.id", nextServiceId++, "service.ranking", ranking);
        router.addVendorHandler(handler, props);
        return props;
    }

    private DataTransferResponse transfer(DataTransferRequest request) {
        return router.handle(station, request).toCompletableFuture().join();
    }

    @Test
    void actionIsDataTransfer() {
        assertEquals(Action.DATA_TRANSFER, router.action());
    }

    @Test
    void knownVendorGetsTheRequestUnchangedAndItsAnswerIsReturned() {
        DataTransferResponse answer = new DataTransferResponse(DataTransferStatus.ACCEPTED, "{\"ok\":true}");
        Vendor acme = new Vendor("com.acme", answer);
        Vendor other = new Vendor("org.other", new DataTransferResponse(DataTransferStatus.REJECTED));
        bind(acme, null);
        bind(other, null);
        DataTransferRequest request = new DataTransferRequest("com.acme", "SetLed", "{\"color\":\"green\"}");

        assertEquals(answer, transfer(request));
        assertEquals(List.of(request), acme.received, "messageId and data pass through");
        assertEquals(List.of(station), acme.stations);
        assertTrue(other.received.isEmpty());
        assertTrue(station.calls().isEmpty(), "routing touches no station operation");
    }

    @Test
    void vendorAnswersPassThroughWhateverTheStatus() {
        for (DataTransferStatus status : DataTransferStatus.values()) {
            DataTransferRouter fresh = new DataTransferRouter();
            DataTransferResponse answer = new DataTransferResponse(status, "d");
            fresh.addVendorHandler(new Vendor("v", answer), Map.of("service.id", 1L));
            assertEquals(answer, fresh.handle(station, new DataTransferRequest("v")).toCompletableFuture().join());
        }
    }

    @Test
    void unknownVendorAnswersUnknownVendorId() {
        Vendor acme = new Vendor("com.acme", new DataTransferResponse(DataTransferStatus.ACCEPTED));
        bind(acme, null);
        assertEquals(new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID),
                transfer(new DataTransferRequest("com.other", "X", null)));
        assertTrue(acme.received.isEmpty());
    }

    @Test
    void noVendorsAtAllAnswersUnknownVendorId() {
        assertEquals(new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID),
                transfer(new DataTransferRequest("com.acme")));
    }

    @Test
    void vendorIdIsComparedIgnoringCase() {
        Vendor acme = new Vendor("com.ACME", new DataTransferResponse(DataTransferStatus.ACCEPTED));
        bind(acme, null);
        assertEquals(DataTransferStatus.ACCEPTED, transfer(new DataTransferRequest("COM.acme")).status());
        assertEquals(1, acme.received.size());
    }

    @Test
    void highestRankingWinsThenLowestServiceId() {
        Vendor first = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "first"));
        Vendor second = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "second"));
        Vendor ranked = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "ranked"));
        bind(first, null);
        bind(second, 0);
        assertEquals("first", transfer(new DataTransferRequest("v")).data(), "same ranking: lowest service.id");
        Map<String, Object> rankedProps = bind(ranked, 10);
        assertEquals("ranked", transfer(new DataTransferRequest("v")).data());

        router.removeVendorHandler(ranked, rankedProps);
        assertEquals("first", transfer(new DataTransferRequest("v")).data());
    }

    @Test
    void rankingUpdateIsHonoured() {
        Vendor first = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "first"));
        Vendor second = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "second"));
        bind(first, null);
        Map<String, Object> secondProps = bind(second, null);
        assertEquals("first", transfer(new DataTransferRequest("v")).data());
        router.updatedVendorHandler(second, Map.of("service.id", secondProps.get("service.id"), "service.ranking", 5));
        assertEquals("second", transfer(new DataTransferRequest("v")).data());
    }

    @Test
    void unboundVendorIsNoLongerRouted() {
        Vendor acme = new Vendor("com.acme", new DataTransferResponse(DataTransferStatus.ACCEPTED));
        Map<String, Object> props = bind(acme, null);
        router.removeVendorHandler(acme, props);
        assertEquals(DataTransferStatus.UNKNOWN_VENDOR_ID, transfer(new DataTransferRequest("com.acme")).status());
        assertTrue(acme.received.isEmpty());
    }

    @Test
    void nonIntegerRankingCountsAsZero() {
        Vendor first = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "first"));
        Vendor second = new Vendor("v", new DataTransferResponse(DataTransferStatus.ACCEPTED, "second"));
        bind(first, null);
        router.addVendorHandler(second, Map.of("service.id", nextServiceId++, "service.ranking", "99"));
        assertEquals("first", transfer(new DataTransferRequest("v")).data());
    }

    @Test
    void handlerWithoutUsableVendorIdIsIgnored() {
        Vendor nullId = new Vendor(null, new DataTransferResponse(DataTransferStatus.ACCEPTED));
        Vendor emptyId = new Vendor("", new DataTransferResponse(DataTransferStatus.ACCEPTED));
        DataTransferHandler throwing = new DataTransferHandler() {
            @Override
            public String vendorId() {
                throw new IllegalStateException("not configured");
            }

            @Override
            public CompletionStage<DataTransferResponse> handle(Station s, DataTransferRequest r) {
                throw new AssertionError("must not be routed to");
            }
        };
        Map<String, Object> nullProps = bind(nullId, null);
        bind(emptyId, null);
        bind(throwing, null);
        assertEquals(DataTransferStatus.UNKNOWN_VENDOR_ID, transfer(new DataTransferRequest("x")).status());
        router.removeVendorHandler(nullId, nullProps); // unbinding an ignored handler is harmless
        assertTrue(nullId.received.isEmpty());
        assertTrue(emptyId.received.isEmpty());
    }

    @Test
    void handlerThrowingPropagatesForInternalError() {
        IllegalStateException boom = new IllegalStateException("vendor broke");
        bind(new Vendor("v", r -> {
            throw boom;
        }), null);
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> router.handle(station, new DataTransferRequest("v"))));
    }

    @Test
    void handlerFailingItsStagePropagates() {
        IllegalStateException boom = new IllegalStateException("vendor failed later");
        bind(new Vendor("v", r -> CompletableFuture.failedFuture(boom)), null);
        CompletableFuture<DataTransferResponse> future =
                router.handle(station, new DataTransferRequest("v")).toCompletableFuture();
        CompletionException e = assertThrows(CompletionException.class, future::join);
        assertSame(boom, e.getCause());
    }

    @Test
    void handlerReturningNullStageOrNullResponseIsAnError() {
        bind(new Vendor("nullstage", r -> null), null);
        bind(new Vendor("nullresponse", r -> CompletableFuture.completedFuture(null)), null);
        assertThrows(IllegalStateException.class, () -> router.handle(station, new DataTransferRequest("nullstage")));
        CompletableFuture<DataTransferResponse> future =
                router.handle(station, new DataTransferRequest("nullresponse")).toCompletableFuture();
        CompletionException e = assertThrows(CompletionException.class, future::join);
        assertInstanceOf(NullPointerException.class, e.getCause());
    }

    @Test
    void answerCompletingLaterIsReturnedWhenItCompletes() {
        CompletableFuture<DataTransferResponse> pending = new CompletableFuture<>();
        bind(new Vendor("v", r -> pending), null);
        CompletableFuture<DataTransferResponse> future =
                router.handle(station, new DataTransferRequest("v")).toCompletableFuture();
        assertFalse(future.isDone());
        pending.complete(new DataTransferResponse(DataTransferStatus.REJECTED, "later"));
        assertEquals(new DataTransferResponse(DataTransferStatus.REJECTED, "later"), future.join());
    }
}
