package io.chargegate.store;

import java.util.Objects;

/**
 * One entry of a {@link DurableQueue}.
 *
 * @param seq its sequence number (positive, unique within its queue)
 * @param value its value
 */
public record QueueEntry(long seq, String value) {

    /** Checks the value is not null. */
    public QueueEntry {
        Objects.requireNonNull(value, "value");
    }
}
