package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.TriggerMessageRequest;
import io.chargegate.ocpp.model.messages.TriggerMessageResponse;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;

/**
 * {@code TriggerMessage}: {@link Station#trigger(io.chargegate.ocpp.model.types.MessageTrigger, Integer)} with the
 * requested message and connector (null when absent); its status is the answer. The runtime decides
 * {@code Accepted} or {@code Rejected} (a connector that does not exist), and sends the
 * requested message itself, after this CALL has been answered.
 */
@Component(service = ActionHandler.class)
public final class TriggerMessageHandler extends SynchronousActionHandler<TriggerMessageRequest, TriggerMessageResponse> {

    /** Creates the handler (no dependencies). */
    public TriggerMessageHandler() {
        super(Action.TRIGGER_MESSAGE);
    }

    @Override
    protected TriggerMessageResponse respond(Station station, TriggerMessageRequest request) {
        return new TriggerMessageResponse(
                result(station.trigger(request.requestedMessage(), request.connectorId()), "trigger"));
    }
}
