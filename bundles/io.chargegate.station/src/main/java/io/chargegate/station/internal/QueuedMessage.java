package io.chargegate.station.internal;

import io.chargegate.ocpp.model.Action;

/**
 * One entry of the durable outbound queue: the action, the local transaction reference it belongs to (set while
 * the CSMS has not assigned the transaction id yet, and on the StartTransaction itself) and the payload JSON.
 * Stored as {@code action \n ref \n json}.
 */
record QueuedMessage(Action action, Long ref, String json) {

    String encode() {
        return action.wireName() + "\n" + (ref == null ? "" : ref.toString()) + "\n" + json;
    }

    static QueuedMessage decode(String s) {
        int a = s.indexOf('\n');
        int b = s.indexOf('\n', a + 1);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("not a queued message: " + s);
        }
        Action action = Action.forWireName(s.substring(0, a))
                .orElseThrow(() -> new IllegalArgumentException("unknown action in queue: " + s.substring(0, a)));
        String ref = s.substring(a + 1, b);
        return new QueuedMessage(action, ref.isEmpty() ? null : Long.valueOf(ref), s.substring(b + 1));
    }
}
