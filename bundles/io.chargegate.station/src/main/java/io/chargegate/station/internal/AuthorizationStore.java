package io.chargegate.station.internal;

import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.store.DurableMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The authorization cache and the local authorization list of one station, both in the store. Lookups only; the
 * decision rules (LocalPreAuthorize, LocalAuthorizeOffline, AllowOfflineTxForUnknownId) are the runtime's.
 *
 * <p>The local list is crash-safe as a whole: it lives in one of two store maps together with its version (under
 * {@link #VERSION_KEY}, longer than any idTag); an update writes the complete new list into the other map and then
 * switches the pointer {@code localList.active} in {@code meta} with one atomic write. A crash at any point leaves
 * either the old list with the old version or the new list with the new version. A store written before this layout
 * (list in {@code locallist}, version in {@code meta.localListVersion}, no pointer) is read as the active map.
 *
 * <p>The cache holds at most {@code cacheCapacity} idTags. Each cache value carries a use number,
 * {@code <use>@<status|expiry|parent>}, raised when the entry is stored or used for a decision, so the
 * least-recently-used order survives restarts (a value written before, without {@code <use>@}, counts as the oldest).
 * When a new idTag must be stored into a full cache, entries that are not valid (status other than Accepted, or past
 * their expiry date) are evicted first, then the least recently used valid ones (OCPP 1.6 3.5.1). A cache found
 * larger than the capacity when opened (capacity lowered, or written before there was one) is cut down the same way.
 */
final class AuthorizationStore {
    /** Legacy place of the version (before the two-map layout). */
    private static final String LEGACY_VERSION = "localListVersion";
    /** Which list map is active: "a" (the legacy map) or "b". */
    private static final String ACTIVE = "localList.active";
    /** The version entry inside a list map; idTags are at most 20 characters, so it can never clash with one. */
    static final String VERSION_KEY = "#localListVersion#not-an-idTag";

    private final DurableMap cache;
    private final DurableMap listA;
    private final DurableMap listB;
    private final DurableMap meta;
    private final int cacheCapacity;
    private final Supplier<Instant> clock;
    /** Mirror of {@link #cache}: what each idTag holds and its use number. Guarded by this. */
    private final Map<String, Cached> cacheIndex = new HashMap<>();
    /** The next use number. Guarded by this. */
    private long nextUse;

    /** One cache entry as the index knows it. */
    private record Cached(IdTagInfo info, long use) {
    }

    /**
     * @param cacheCapacity most idTags the cache may hold (0 = nothing is cached)
     * @param clock the station's clock (CSMS time), for telling expired entries when choosing what to evict
     */
    AuthorizationStore(DurableMap cache, DurableMap listA, DurableMap listB, DurableMap meta, int cacheCapacity,
                       Supplier<Instant> clock) {
        this.cache = cache;
        this.listA = listA;
        this.listB = listB;
        this.meta = meta;
        this.cacheCapacity = Math.max(0, cacheCapacity);
        this.clock = clock;
        loadCache();
    }

    private synchronized void loadCache() {
        for (Map.Entry<String, String> e : cache.snapshot().entrySet()) {
            Cached c;
            try {
                c = decodeCached(e.getValue());
            } catch (RuntimeException ex) {
                cache.remove(e.getKey()); // unreadable: a cache entry can always be asked again
                continue;
            }
            cacheIndex.put(e.getKey(), c);
            nextUse = Math.max(nextUse, c.use() + 1);
        }
        evictDownTo(cacheCapacity);
    }

    /** Decodes a cache value: {@code <use>@<encoded>}, or a plain {@link #encode} value (use 0). */
    private static Cached decodeCached(String v) {
        int at = v.indexOf('@');
        if (at > 0 && Character.isDigit(v.charAt(0))) {
            return new Cached(decode(v.substring(at + 1)), Long.parseLong(v.substring(0, at)));
        }
        return new Cached(decode(v), 0);
    }

    /** Removes entries, invalid ones first, then least recently used, until at most {@code max} remain. */
    private void evictDownTo(int max) {
        int excess = cacheIndex.size() - max;
        if (excess <= 0) {
            return;
        }
        Instant now = clock.get();
        List<Map.Entry<String, Cached>> order = new ArrayList<>(cacheIndex.entrySet());
        order.sort(Comparator.<Map.Entry<String, Cached>, Boolean>comparing(e -> valid(e.getValue().info(), now))
                .thenComparingLong(e -> e.getValue().use())
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < excess; i++) {
            String victim = order.get(i).getKey();
            cache.remove(victim);
            cacheIndex.remove(victim);
        }
    }

    private static boolean valid(IdTagInfo info, Instant now) {
        return expire(info, now).status() == AuthorizationStatus.ACCEPTED;
    }

    /** Stores {@code info} for {@code idTag} as used now. */
    private void putCached(String idTag, IdTagInfo info, String encoded) {
        long use = nextUse++;
        cache.put(idTag, use + "@" + encoded);
        cacheIndex.put(idTag, new Cached(info, use));
    }

    private boolean bActive() {
        return "b".equals(meta.get(ACTIVE).orElse("a"));
    }

    private DurableMap active() {
        return bActive() ? listB : listA;
    }

    /** Encodes an IdTagInfo as {@code status|expiry|parent}. */
    static String encode(IdTagInfo info) {
        return info.status().value() + "|" + (info.expiryDate() == null ? "" : info.expiryDate().toString()) + "|"
                + (info.parentIdTag() == null ? "" : info.parentIdTag());
    }

    /** Decodes {@link #encode}; the parent idTag is the rest after the second {@code |} (it may hold {@code |}). */
    static IdTagInfo decode(String s) {
        String[] p = s.split("\\|", 3);
        AuthorizationStatus status = AuthorizationStatus.fromValue(p[0]);
        Instant expiry = p.length > 1 && !p[1].isEmpty() ? Instant.parse(p[1]) : null;
        String parent = p.length > 2 && !p[2].isEmpty() ? p[2] : null;
        return new IdTagInfo(expiry, parent, status == null ? AuthorizationStatus.INVALID : status);
    }

    /**
     * The cached info, with status Expired when its expiry date has passed; null when not cached. A hit counts as a
     * use (it becomes the most recently used entry).
     */
    synchronized IdTagInfo cached(String idTag, Instant now) {
        Cached c = cacheIndex.get(idTag);
        if (c == null) {
            return null;
        }
        putCached(idTag, c.info(), encode(c.info()));
        return expire(c.info(), now);
    }

    /** Like {@link #cached} but not counted as a use (diagnostics). */
    synchronized IdTagInfo peekCached(String idTag, Instant now) {
        Cached c = cacheIndex.get(idTag);
        return c == null ? null : expire(c.info(), now);
    }

    /** The local list entry, with status Expired when its expiry date has passed; null when not listed. */
    IdTagInfo listed(String idTag, Instant now) {
        if (VERSION_KEY.equals(idTag)) {
            return null;
        }
        return active().get(idTag).map(AuthorizationStore::decode).map(i -> expire(i, now)).orElse(null);
    }

    private static IdTagInfo expire(IdTagInfo i, Instant now) {
        if (i.status() == AuthorizationStatus.ACCEPTED && i.expiryDate() != null && !i.expiryDate().isAfter(now)) {
            return new IdTagInfo(i.expiryDate(), i.parentIdTag(), AuthorizationStatus.EXPIRED);
        }
        return i;
    }

    /**
     * Updates the cache from a CSMS answer (ids in the local list are not cached: the list has priority). A new idTag
     * in a full cache first evicts one entry (see the class comment).
     */
    synchronized void updateCache(String idTag, IdTagInfo info) {
        if (idTag == null || info == null || cacheCapacity == 0 || listed(idTag, Instant.MIN) != null) {
            return;
        }
        if (!cacheIndex.containsKey(idTag)) {
            evictDownTo(cacheCapacity - 1);
        }
        putCached(idTag, info, encode(info));
    }

    synchronized void clearCache() {
        cache.clear();
        cacheIndex.clear();
    }

    synchronized int cacheSize() {
        return cacheIndex.size();
    }

    /** The list's version; 0 while the list is empty (OCPP 1.6 5.10), whatever version emptied it. */
    int localListVersion() {
        return localListSize() == 0 ? 0 : storedVersion(active());
    }

    private int storedVersion(DurableMap list) {
        return list.get(VERSION_KEY).or(() -> meta.get(LEGACY_VERSION)).map(Integer::parseInt).orElse(0);
    }

    int localListSize() {
        DurableMap list = active();
        return list.size() - (list.get(VERSION_KEY).isPresent() ? 1 : 0);
    }

    /**
     * Applies SendLocalList as one atomic switch (see the class comment).
     *
     * @param maxListLength maximum entries of the list, or -1 for no limit
     * @param maxSendLength maximum entries of one update, or -1
     */
    synchronized UpdateStatus update(int version, UpdateType type, List<AuthorizationData> entries, int maxListLength,
                                     int maxSendLength) {
        List<AuthorizationData> list = entries == null ? List.of() : entries;
        if (maxSendLength >= 0 && list.size() > maxSendLength) {
            return UpdateStatus.FAILED;
        }
        DurableMap current = active();
        Map<String, String> next = new HashMap<>();
        if (type == UpdateType.FULL) {
            for (AuthorizationData d : list) {
                if (d.idTagInfo() != null) {
                    next.put(d.idTag(), encode(d.idTagInfo()));
                }
            }
        } else {
            if (version <= localListVersion()) {
                return UpdateStatus.VERSION_MISMATCH;
            }
            next.putAll(current.snapshot());
            next.remove(VERSION_KEY);
            for (AuthorizationData d : list) {
                if (d.idTagInfo() == null) {
                    next.remove(d.idTag());
                } else {
                    next.put(d.idTag(), encode(d.idTagInfo()));
                }
            }
        }
        if (maxListLength >= 0 && next.size() > maxListLength) {
            return UpdateStatus.FAILED;
        }
        Map<String, String> written = new HashMap<>(next);
        written.put(VERSION_KEY, Integer.toString(version));
        boolean toB = !bActive();
        DurableMap target = toB ? listB : listA;
        target.clear();
        target.putAll(written);
        meta.put(ACTIVE, toB ? "b" : "a"); // the switch: before it the old list holds, after it the new one
        for (String id : next.keySet()) {
            cache.remove(id); // listed ids are not cached (the list has priority anyway)
            cacheIndex.remove(id);
        }
        return UpdateStatus.ACCEPTED;
    }
}
