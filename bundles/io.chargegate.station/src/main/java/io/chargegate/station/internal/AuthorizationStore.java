package io.chargegate.station.internal;

import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.store.DurableMap;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization cache and the local authorization list of one station, both in the store. Lookups only; the
 * decision rules (LocalPreAuthorize, LocalAuthorizeOffline, AllowOfflineTxForUnknownId) are the runtime's.
 */
final class AuthorizationStore {
    private static final String VERSION = "localListVersion";

    private final DurableMap cache;
    private final DurableMap localList;
    private final DurableMap meta;

    AuthorizationStore(DurableMap cache, DurableMap localList, DurableMap meta) {
        this.cache = cache;
        this.localList = localList;
        this.meta = meta;
    }

    /** Encodes an IdTagInfo as {@code status|expiry|parent}. */
    static String encode(IdTagInfo info) {
        return info.status().value() + "|" + (info.expiryDate() == null ? "" : info.expiryDate().toString()) + "|"
                + (info.parentIdTag() == null ? "" : info.parentIdTag());
    }

    /** Decodes {@link #encode}. */
    static IdTagInfo decode(String s) {
        String[] p = s.split("\\|", -1);
        AuthorizationStatus status = AuthorizationStatus.fromValue(p[0]);
        Instant expiry = p.length > 1 && !p[1].isEmpty() ? Instant.parse(p[1]) : null;
        String parent = p.length > 2 && !p[2].isEmpty() ? p[2] : null;
        return new IdTagInfo(expiry, parent, status == null ? AuthorizationStatus.INVALID : status);
    }

    /** The cached info, with status Expired when its expiry date has passed; null when not cached. */
    IdTagInfo cached(String idTag, Instant now) {
        return cache.get(idTag).map(AuthorizationStore::decode).map(i -> expire(i, now)).orElse(null);
    }

    /** The local list entry, with status Expired when its expiry date has passed; null when not listed. */
    IdTagInfo listed(String idTag, Instant now) {
        return localList.get(idTag).map(AuthorizationStore::decode).map(i -> expire(i, now)).orElse(null);
    }

    private static IdTagInfo expire(IdTagInfo i, Instant now) {
        if (i.status() == AuthorizationStatus.ACCEPTED && i.expiryDate() != null && !i.expiryDate().isAfter(now)) {
            return new IdTagInfo(i.expiryDate(), i.parentIdTag(), AuthorizationStatus.EXPIRED);
        }
        return i;
    }

    /** Updates the cache from a CSMS answer (ids in the local list are not cached: the list has priority). */
    void updateCache(String idTag, IdTagInfo info) {
        if (idTag == null || info == null || localList.get(idTag).isPresent()) {
            return;
        }
        cache.put(idTag, encode(info));
    }

    void clearCache() {
        cache.clear();
    }

    int cacheSize() {
        return cache.size();
    }

    int localListVersion() {
        return meta.get(VERSION).map(Integer::parseInt).orElse(0);
    }

    int localListSize() {
        return localList.size();
    }

    /**
     * Applies SendLocalList.
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
        if (type == UpdateType.FULL) {
            Map<String, String> full = new HashMap<>();
            for (AuthorizationData d : list) {
                if (d.idTagInfo() != null) {
                    full.put(d.idTag(), encode(d.idTagInfo()));
                }
            }
            if (maxListLength >= 0 && full.size() > maxListLength) {
                return UpdateStatus.FAILED;
            }
            localList.clear();
            if (!full.isEmpty()) {
                localList.putAll(full);
            }
            for (String id : full.keySet()) {
                cache.remove(id);
            }
        } else {
            if (version <= localListVersion()) {
                return UpdateStatus.VERSION_MISMATCH;
            }
            Map<String, String> now = new HashMap<>(localList.snapshot());
            for (AuthorizationData d : list) {
                if (d.idTagInfo() == null) {
                    now.remove(d.idTag());
                } else {
                    now.put(d.idTag(), encode(d.idTagInfo()));
                }
            }
            if (maxListLength >= 0 && now.size() > maxListLength) {
                return UpdateStatus.FAILED;
            }
            for (AuthorizationData d : list) {
                if (d.idTagInfo() == null) {
                    localList.remove(d.idTag());
                }
            }
            Map<String, String> puts = new HashMap<>();
            for (AuthorizationData d : list) {
                if (d.idTagInfo() != null) {
                    puts.put(d.idTag(), encode(d.idTagInfo()));
                    cache.remove(d.idTag());
                }
            }
            if (!puts.isEmpty()) {
                localList.putAll(puts);
            }
        }
        meta.put(VERSION, Integer.toString(version));
        return UpdateStatus.ACCEPTED;
    }
}
