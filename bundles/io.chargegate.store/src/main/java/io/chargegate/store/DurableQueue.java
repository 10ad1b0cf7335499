package io.chargegate.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A durable FIFO queue of string values. Each entry gets a sequence number larger than any this queue has handed
 * out before, also across restarts and after the queue was emptied, so entries are ordered by sequence number.
 * Entries may be removed or replaced anywhere, not only at the head. Durability: see {@link StateStore}.
 */
@ProviderType
public interface DurableQueue {

    /**
     * Appends a value at the tail.
     *
     * @param value non-null value
     * @return its sequence number; the entry is durable when this returns
     */
    long append(String value);

    /** @return the head (lowest sequence number), or empty when the queue is empty */
    Optional<QueueEntry> peek();

    /** @return a snapshot of all entries in order (immutable) */
    List<QueueEntry> entries();

    /**
     * Removes the entry with this sequence number.
     *
     * @param seq sequence number
     * @return true if it was there
     */
    boolean remove(long seq);

    /**
     * Replaces the value of an entry in place, keeping its sequence number and position.
     *
     * @param seq sequence number
     * @param value new non-null value
     * @return true if the entry was there (and is now replaced), false if it was not (nothing is added)
     */
    boolean replace(long seq, String value);

    /** @return number of entries */
    int size();
}
