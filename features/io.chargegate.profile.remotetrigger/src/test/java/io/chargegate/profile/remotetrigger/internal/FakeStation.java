package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.ocpp.model.types.MessageTrigger;
import io.chargegate.ocpp.model.types.TriggerMessageStatus;
import io.chargegate.station.api.Station;

/**
 * A {@link Station} for tests: records every trigger called (name and arguments) and answers with the
 * result the test set. Operations a RemoteTrigger handler has no business calling fail the test.
 */
final class FakeStation extends io.chargegate.profile.testsupport.FakeStation {

    TriggerMessageStatus triggerResult = TriggerMessageStatus.ACCEPTED;

    FakeStation() {
        super("a RemoteTrigger handler");
    }

    @Override
    public TriggerMessageStatus trigger(MessageTrigger message, Integer connectorId) {
        return record(triggerResult, "trigger", message, connectorId);
    }
}
