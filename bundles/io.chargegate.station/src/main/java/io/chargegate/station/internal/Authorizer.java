package io.chargegate.station.internal;

import io.chargegate.ocpp.model.messages.AuthorizeRequest;
import io.chargegate.ocpp.model.messages.AuthorizeResponse;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.AuthorizationStatus;
import io.chargegate.ocpp.model.types.IdTagInfo;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.ocpp.rpc.RpcSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.chargegate.station.internal.StationRuntime.unwrap;

/**
 * Authorization of idTags for a {@link StationRuntime}: the local authorization list and the authorization cache
 * (its {@link AuthorizationStore}, opened on the store at every start), Authorize requests, and the rules
 * LocalPreAuthorize, LocalAuthorizeOffline and AllowOfflineTxForUnknownId. Which connector an authorized idTag uses
 * stays with the runtime. It reaches the runtime only through {@link Host}.
 *
 * <h2>Locking</h2>
 * Guarded by the runtime's monitor ({@link Host#lock()}, the {@link StationRuntime} instance): every method is called
 * with it held; the Authorize answer is handled after taking it, checking the generation it was sent in.
 */
final class Authorizer {
    // log lines keep the runtime's logger name (operators and tests grep them)
    private static final Logger LOG = LoggerFactory.getLogger(StationRuntime.class);

    /**
     * What authorization needs from its runtime. Implemented by the runtime; every method is called with the runtime's
     * monitor held and reads the runtime's current state (the session and configuration change on restart).
     */
    interface Host {
        /** The monitor guarding the runtime (the runtime itself). */
        Object lock();

        /** The charge point identity. */
        String stationId();

        StationSettings settings();

        /** The current generation (one per {@link StationRuntime#start()}). */
        long generation();

        boolean running();

        ConfigurationRegistry config();

        /** Connected, not known to be broken, and accepted: a message can be sent now. */
        boolean canSend();

        /** The RPC session of the current generation. */
        RpcSession session();

        /** The time on the CSMS clock. */
        Instant now();
    }

    private final Host host;
    /** The charge point identity (log lines). */
    private final String id;
    /** The local list and the cache in the store of the current start; guarded by the runtime's monitor. */
    private AuthorizationStore auth;

    /**
     * @param host the runtime this belongs to
     */
    Authorizer(Host host) {
        this.host = host;
        this.id = host.stationId();
    }

    /** Uses the local list and cache of the store opened by a start. */
    void open(AuthorizationStore auth) {
        this.auth = auth;
    }

    /** {@code AuthorizationCacheEnabled}. */
    boolean cacheEnabled() {
        return host.config().boolValue(ConfigurationRegistry.AUTHORIZATION_CACHE_ENABLED, true);
    }

    /** Authorizes an idTag per LocalPreAuthorize / LocalAuthorizeOffline / AllowOfflineTxForUnknownId. */
    CompletionStage<IdTagInfo> authorize(String idTag) {
        Instant now = host.now();
        boolean listEnabled = host.config().boolValue(ConfigurationRegistry.LOCAL_AUTH_LIST_ENABLED, false);
        IdTagInfo listed = listEnabled ? auth.listed(idTag, now) : null;
        IdTagInfo cached = cacheEnabled() ? auth.cached(idTag, now) : null;
        IdTagInfo local = listed != null ? listed : cached;
        if (host.canSend()) {
            if (host.config().boolValue(ConfigurationRegistry.LOCAL_PRE_AUTHORIZE, false) && local != null
                    && local.status() == AuthorizationStatus.ACCEPTED) {
                return CompletableFuture.completedFuture(local);
            }
            long gen = host.generation();
            return host.session().call(new AuthorizeRequest(idTag), host.settings().callTimeout()).handle((AuthorizeResponse r, Throwable e) -> {
                synchronized (host.lock()) {
                    if (gen != host.generation() || !host.running()) {
                        return new IdTagInfo(AuthorizationStatus.INVALID);
                    }
                    if (r != null) {
                        if (cacheEnabled()) {
                            auth.updateCache(idTag, r.idTagInfo());
                        }
                        return r.idTagInfo();
                    }
                    LOG.info("[{}] Authorize {} failed ({}): deciding offline", id, idTag, unwrap(e).toString());
                    return offlineDecision(local);
                }
            });
        }
        return CompletableFuture.completedFuture(offlineDecision(local));
    }

    private IdTagInfo offlineDecision(IdTagInfo local) {
        if (local != null && host.config().boolValue(ConfigurationRegistry.LOCAL_AUTHORIZE_OFFLINE, true)) {
            return local;
        }
        if (local == null && host.config().boolValue(ConfigurationRegistry.ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID, false)) {
            return new IdTagInfo(AuthorizationStatus.ACCEPTED);
        }
        return new IdTagInfo(AuthorizationStatus.INVALID);
    }

    /** The parentIdTag the local list or the cache knows for {@code idTag}, without asking the CSMS; or null. */
    String localParent(String idTag) {
        Instant now = host.now();
        IdTagInfo listed = host.config().boolValue(ConfigurationRegistry.LOCAL_AUTH_LIST_ENABLED, false) ? auth.listed(idTag, now) : null;
        IdTagInfo local = listed != null ? listed : cacheEnabled() ? auth.cached(idTag, now) : null;
        return local == null ? null : local.parentIdTag();
    }

    /** Caches what the CSMS answered for {@code idTag} (StartTransaction, StopTransaction) if the cache is enabled. */
    void learn(String idTag, IdTagInfo info) {
        if (cacheEnabled()) {
            auth.updateCache(idTag, info);
        }
    }

    /** Empties the authorization cache. */
    void clearCache() {
        auth.clearCache();
    }

    /** The version of the local authorization list. */
    int localListVersion() {
        return auth.localListVersion();
    }

    /** Applies a SendLocalList (the lengths per LocalAuthListMaxLength / SendLocalListMaxLength). */
    UpdateStatus sendLocalList(int listVersion, UpdateType updateType, List<AuthorizationData> entries) {
        int maxList = host.config().definition(ConfigurationRegistry.LOCAL_AUTH_LIST_MAX_LENGTH) == null ? -1
                : host.config().intValue(ConfigurationRegistry.LOCAL_AUTH_LIST_MAX_LENGTH, -1);
        int maxSend = host.config().definition(ConfigurationRegistry.SEND_LOCAL_LIST_MAX_LENGTH) == null ? -1
                : host.config().intValue(ConfigurationRegistry.SEND_LOCAL_LIST_MAX_LENGTH, -1);
        UpdateStatus s = auth.update(listVersion, updateType, entries, maxList, maxSend);
        LOG.info("[{}] SendLocalList version {} {} ({} entries): {}", id, listVersion, updateType.value(),
                entries == null ? 0 : entries.size(), s.value());
        return s;
    }

    /** What the authorization cache holds for {@code idTag} now (expiry applied), or null. */
    IdTagInfo peekCached(String idTag) {
        return auth.peekCached(idTag, host.now());
    }
}
