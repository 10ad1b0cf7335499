package io.chargegate.itests;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.ocpp.model.messages.CancelReservationRequest;
import io.chargegate.ocpp.model.messages.CancelReservationResponse;
import io.chargegate.ocpp.model.messages.ReserveNowRequest;
import io.chargegate.ocpp.model.messages.ReserveNowResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.ConfigurationKey;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Reservation;
import io.chargegate.station.api.Station;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.util.ArrayList;
import java.util.List;

/**
 * Activator of a synthetic {@code Reservation} profile bundle that the hot-swap tests build with TinyBundles (this
 * class and {@link GatedActionHandler} are copied into it): while started, it registers itself as the
 * {@link FeatureProfileProvider} of {@link FeatureProfile#RESERVATION} with the key
 * {@value #RESERVE_CONNECTOR_ZERO_SUPPORTED} (read-write, default {@code false}), and {@link ActionHandler}s for
 * ReserveNow and CancelReservation that answer from the {@link Station} API. No DS: plain service registrations,
 * withdrawn in {@link #stop}.
 */
public final class SyntheticReservationProfile implements BundleActivator, FeatureProfileProvider {

    /** The configuration key this profile contributes. */
    public static final String RESERVE_CONNECTOR_ZERO_SUPPORTED = "ReserveConnectorZeroSupported";

    /** The packages the synthetic bundle imports (everything the two classes use outside java.*). */
    public static final String IMPORTS = "org.osgi.framework,io.chargegate.station.api,io.chargegate.ocpp.model,"
            + "io.chargegate.ocpp.model.messages,io.chargegate.ocpp.model.types";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Called by the framework. */
    public SyntheticReservationProfile() {
    }

    @Override
    public void start(BundleContext context) {
        registrations.add(context.registerService(ActionHandler.class,
                new GatedActionHandler<ReserveNowRequest, ReserveNowResponse>(context, Action.RESERVE_NOW,
                        (station, q) -> new ReserveNowResponse(station.reserve(new Reservation(q.reservationId(),
                                q.connectorId(), q.idTag(), q.parentIdTag(), q.expiryDate())))), null));
        registrations.add(context.registerService(ActionHandler.class,
                new GatedActionHandler<CancelReservationRequest, CancelReservationResponse>(context,
                        Action.CANCEL_RESERVATION,
                        (station, q) -> new CancelReservationResponse(station.cancelReservation(q.reservationId()))),
                null));
        registrations.add(context.registerService(FeatureProfileProvider.class, this, null));
    }

    @Override
    public void stop(BundleContext context) {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the framework
            }
        }
        registrations.clear();
    }

    @Override
    public FeatureProfile profile() {
        return FeatureProfile.RESERVATION;
    }

    @Override
    public List<ConfigurationKey> configurationKeys() {
        return List.of(ConfigurationKey.readWrite(RESERVE_CONNECTOR_ZERO_SUPPORTED, "false", ConfigurationKey.bool()));
    }
}
