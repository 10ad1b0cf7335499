package io.chargegate.profile.core.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.DataTransferRequest;
import io.chargegate.ocpp.model.messages.DataTransferResponse;
import io.chargegate.ocpp.model.types.DataTransferStatus;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.DataTransferHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code DataTransfer} from the CSMS: routes the request, unchanged ({@code messageId} and {@code data} included),
 * to the {@link DataTransferHandler} service whose {@link DataTransferHandler#vendorId() vendorId} equals the
 * request's, ignoring case ({@code vendorId} is a {@code CiString255}); among several, the highest
 * {@code service.ranking} wins, then the lowest {@code service.id}. With none the answer is {@code UnknownVendorId}.
 * A vendor handler that throws, fails its stage or completes it with null makes the dispatcher answer
 * {@code InternalError}; nothing is caught here.
 *
 * <p>Vendor handlers come and go while this component stays registered, so the reference is dynamic, multiple and
 * greedy, bound through methods: DS constructor injection only supports static references, and a static one would
 * unregister and re-register this ActionHandler (a window of {@code NotSupported}) whenever a vendor bundle changes.
 * The list below only mirrors the service registry; it is not state that outlives the component.
 */
@Component(service = ActionHandler.class)
public final class DataTransferRouter implements ActionHandler<DataTransferRequest, DataTransferResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(DataTransferRouter.class);

    /** Best first: highest ranking, then lowest service id. */
    private static final Comparator<Vendor> PREFERENCE =
            Comparator.comparingInt(Vendor::ranking).reversed().thenComparingLong(Vendor::serviceId);

    private final List<Vendor> vendors = new CopyOnWriteArrayList<>();

    /** Creates the router; vendor handlers arrive through {@link #addVendorHandler}. */
    public DataTransferRouter() {
    }

    @Override
    public Action action() {
        return Action.DATA_TRANSFER;
    }

    @Override
    public CompletionStage<DataTransferResponse> handle(Station station, DataTransferRequest request) {
        String vendorId = request.vendorId();
        Vendor vendor = vendors.stream()
                .filter(v -> v.vendorId().equalsIgnoreCase(vendorId))
                .min(PREFERENCE)
                .orElse(null);
        if (vendor == null) {
            LOG.debug("[{}] DataTransfer for vendor {} (messageId {}): no handler, UnknownVendorId",
                    station.chargePointId(), vendorId, request.messageId());
            return CompletableFuture.completedFuture(new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID));
        }
        CompletionStage<DataTransferResponse> stage = vendor.handler().handle(station, request);
        if (stage == null) {
            throw new IllegalStateException("DataTransferHandler for vendor " + vendor.vendorId() + " returned null");
        }
        return stage.thenApply(response -> Objects.requireNonNull(response,
                () -> "DataTransferHandler for vendor " + vendor.vendorId() + " completed with null"));
    }

    /**
     * Binds a vendor handler (DS bind method; also called by tests). Its vendorId is read once, here; a handler
     * whose vendorId is empty, null or cannot be read is logged and not routed to.
     *
     * @param properties the service properties ({@code service.id}, optional {@code service.ranking})
     */
    @Reference(name = "vendorHandlers", service = DataTransferHandler.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeVendorHandler", updated = "updatedVendorHandler")
    void addVendorHandler(DataTransferHandler handler, Map<String, Object> properties) {
        String vendorId;
        try {
            vendorId = handler.vendorId();
        } catch (RuntimeException e) {
            LOG.warn("DataTransferHandler {} failed to name its vendorId: ignored", handler, e);
            return;
        }
        if (vendorId == null || vendorId.isEmpty()) {
            LOG.warn("DataTransferHandler {} has no vendorId: ignored", handler);
            return;
        }
        vendors.add(new Vendor(handler, vendorId, ranking(properties), serviceId(properties)));
    }

    /** The handler's service properties changed (its ranking may have). */
    void updatedVendorHandler(DataTransferHandler handler, Map<String, Object> properties) {
        long serviceId = serviceId(properties);
        vendors.replaceAll(v -> v.serviceId() == serviceId ? v.withRanking(ranking(properties)) : v);
    }

    /** Unbinds a vendor handler. */
    void removeVendorHandler(DataTransferHandler handler, Map<String, Object> properties) {
        long serviceId = serviceId(properties);
        vendors.removeIf(v -> v.serviceId() == serviceId);
    }

    private static int ranking(Map<String, Object> properties) {
        // OSGi: a service.ranking that is not an Integer counts as 0
        return properties.get("service.ranking") instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        Object id = properties.get("service.id");
        if (id instanceof Long serviceId) {
            return serviceId;
        }
        throw new IllegalArgumentException("service.id missing from " + properties);
    }

    /** One bound vendor handler. */
    private record Vendor(DataTransferHandler handler, String vendorId, int ranking, long serviceId) {
        Vendor withRanking(int newRanking) {
            return new Vendor(handler, vendorId, newRanking, serviceId);
        }
    }
}
