package io.chargegate.store.internal;

import io.chargegate.store.DurableQueue;
import io.chargegate.store.QueueEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/** {@link DurableQueue} on an MVStore map from sequence number to value. */
final class MvDurableQueue implements DurableQueue {

    private final MvStateStore store;
    private final String name;
    private final String seqKey;
    /** Accessed under the store's lock only. */
    private final MVMap<Long, String> entries;

    MvDurableQueue(MvStateStore store, String name, MVMap<Long, String> entries) {
        this.store = store;
        this.name = name;
        this.seqKey = MvStateStore.QUEUE_SEQ_PREFIX + name;
        this.entries = entries;
    }

    @Override
    public long append(String value) {
        Objects.requireNonNull(value, "value");
        return store.write(() -> {
            Long last = entries.lastKey();
            long seq = store.increment(seqKey);
            if (last != null && seq <= last) {
                // cannot happen with an intact file (counter and entries are committed together); stay monotonic
                seq = last + 1;
            }
            entries.put(seq, value);
            return MvStateStore.Outcome.changed(seq);
        });
    }

    @Override
    public Optional<QueueEntry> peek() {
        return store.read(() -> {
            Long first = entries.firstKey();
            return first == null ? Optional.<QueueEntry>empty() : Optional.of(new QueueEntry(first, entries.get(first)));
        });
    }

    @Override
    public List<QueueEntry> entries() {
        return store.read(() -> {
            List<QueueEntry> list = new ArrayList<>(entries.size());
            for (Map.Entry<Long, String> e : entries.entrySet()) {
                list.add(new QueueEntry(e.getKey(), e.getValue()));
            }
            return Collections.unmodifiableList(list);
        });
    }

    @Override
    public boolean remove(long seq) {
        return store.write(() -> {
            boolean removed = entries.remove(seq) != null;
            return new MvStateStore.Outcome<>(removed, removed);
        });
    }

    @Override
    public boolean replace(long seq, String value) {
        Objects.requireNonNull(value, "value");
        return store.write(() -> {
            boolean replaced = entries.replace(seq, value) != null;
            return new MvStateStore.Outcome<>(replaced, replaced);
        });
    }

    @Override
    public int size() {
        return store.read(entries::size);
    }

    @Override
    public String toString() {
        return "DurableQueue[" + name + " in " + store.file() + "]";
    }
}
