package io.chargegate.ocpp.rpc;

import io.chargegate.ocpp.model.Action;
import org.osgi.annotation.versioning.ProviderType;

/** What an {@link ActionHandler} knows about the inbound CALL it handles. Provided by the session. */
@ProviderType
public interface CallContext {
    /** The message id of the CALL (the CALLRESULT or CALLERROR carries the same id). */
    String messageId();

    /** The action of the CALL. */
    Action action();

    /** The name of the session that received the CALL (for logs; typically the charge point identity). */
    String sessionName();
}
