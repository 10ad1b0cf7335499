package io.chargegate.store;

import io.chargegate.store.internal.MvStateStore;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable state of one charge point identity, kept in one file (an H2 MVStore).
 *
 * <h2>Durability contract</h2>
 * Every mutating call ({@link DurableQueue#append}, {@link DurableQueue#remove}, {@link DurableQueue#replace},
 * {@link DurableMap#put}, {@link DurableMap#putAll}, {@link DurableMap#remove}, {@link DurableMap#clear},
 * {@link #nextSequence}) returns only after its change has been written to the file <em>and</em> forced to the
 * storage device ({@code FileChannel.force(true)}, i.e. {@code fsync}). A change whose call returned therefore
 * survives {@code kill -9}, a JVM crash and a power cut (provided the device honours flush requests). A call that
 * throws, or that had not returned when the process died, may or may not have taken effect; it is never partly
 * applied: each call (also {@code putAll} and {@code clear}) is atomic.
 * <p>
 * Reads never report state that is not yet durable: a read that sees another thread's pending change returns
 * only once that change is on the device. So nothing read from the store (and sent to the CSMS) can be lost later.
 * <p>
 * <b>Cost.</b> One {@code fsync} per mutating call, typically 0.1&nbsp;ms to 10&nbsp;ms depending on the device
 * (SSD, eMMC, SD card). Concurrent callers share one {@code fsync} (group commit): a call that arrives while
 * another thread is syncing is written together with all other waiting changes in the next sync. Batch where one
 * sync suits: {@link DurableMap#putAll} writes any number of keys with one sync.
 *
 * <h2>Threads and resources</h2>
 * Implementations are thread-safe. A store is cheap: no background threads, a 1&nbsp;MB page cache, so a gateway
 * can keep a thousand open. Only one {@code StateStore} may be open on a file at a time, in this JVM or any other
 * (the file is locked); a second {@link #open} fails with {@link StoreException.Kind#LOCKED}.
 * <p>
 * After {@link #close()}, every operation on the store and on its queues and maps throws
 * {@link IllegalStateException}. After a failed write or sync ({@link StoreException.Kind#IO}), the store is closed
 * because the state on disk can no longer be vouched for; reopen it to continue from the last durable state.
 */
@ProviderType
public interface StateStore extends AutoCloseable {

    /**
     * Opens (or creates) the store file, creating missing parent directories. Plain Java, no OSGi needed.
     *
     * @param file the store file, e.g. {@code data/stations/CP-1.mv}
     * @return the open store; close it when done
     * @throws StoreException naming the file: {@link StoreException.Kind#CORRUPT} when the file is not a readable
     *     store (it is never deleted or overwritten), {@link StoreException.Kind#LOCKED} when it is open already,
     *     {@link StoreException.Kind#IO} when it cannot be read or written
     */
    static StateStore open(Path file) {
        return MvStateStore.open(file);
    }

    /** @return the file this store lives in */
    Path file();

    /**
     * Returns the named queue, created empty on first use. The same name always yields the same queue.
     *
     * @param name non-empty queue name (queues and maps have separate name spaces)
     * @return the queue
     */
    DurableQueue queue(String name);

    /**
     * Returns the named map, created empty on first use. The same name always yields the same map.
     *
     * @param name non-empty map name
     * @return the map
     */
    DurableMap map(String name);

    /**
     * Increments the named durable counter and returns its new value: 1, 2, 3, ... Values never repeat, also across
     * restarts (e.g. local transaction ids).
     *
     * @param name non-empty counter name
     * @return the next value, durable when returned
     */
    long nextSequence(String name);

    /**
     * Writes and syncs anything pending, marks the file as cleanly closed and releases it. Idempotent.
     *
     * @throws StoreException when the final write fails
     */
    @Override
    void close();
}
