package io.chargegate.profile.localauthlist.internal;

import io.chargegate.station.api.SynchronousActionHandler;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.SendLocalListRequest;
import io.chargegate.ocpp.model.messages.SendLocalListResponse;
import io.chargegate.ocpp.model.types.AuthorizationData;
import io.chargegate.ocpp.model.types.UpdateStatus;
import io.chargegate.ocpp.model.types.UpdateType;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.OcppException;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.Station;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code SendLocalList}: {@link Station#sendLocalList(int, UpdateType, List)} with the request's version, update
 * type and entries (an absent {@code localAuthorizationList} is an empty one: a {@code Full} update with no entries
 * empties the list); its status is the answer. The runtime applies the update: {@code Full} replaces the list,
 * {@code Differential} adds or updates the entries with an {@code idTagInfo} and removes those without;
 * {@code VersionMismatch} for a differential version not above the current one; {@code Failed} when the update has
 * more entries than {@code SendLocalListMaxLength} (the CSMS must not send that many) or the list would grow past
 * {@code LocalAuthListMaxLength}.
 *
 * <p>Two rules are checked here, before the station is asked: OCPP 1.6 requires {@code idTagInfo} on every entry of a
 * {@code Full} update, so an entry without it is answered with the CALLERROR {@code OccurenceConstraintViolation}
 * and the list stays as it was; and while {@code LocalAuthListEnabled} is not true the charge point does not support
 * the local list (GetLocalListVersion answers -1 then), so the answer is {@code NotSupported} and the list stays as it
 * was (OCPP 1.6 §5.15, compliance test TC_043_1).
 */
@Component(service = ActionHandler.class)
public final class SendLocalListHandler extends SynchronousActionHandler<SendLocalListRequest, SendLocalListResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(SendLocalListHandler.class);

    /** Creates the handler (no dependencies). */
    public SendLocalListHandler() {
        super(Action.SEND_LOCAL_LIST);
    }

    @Override
    protected SendLocalListResponse respond(Station station, SendLocalListRequest request) {
        List<AuthorizationData> entries =
                request.localAuthorizationList() == null ? List.of() : request.localAuthorizationList();
        if (request.updateType() == UpdateType.FULL) {
            for (AuthorizationData entry : entries) {
                if (entry.idTagInfo() == null) {
                    throw new OcppException(ErrorCode.OccurenceConstraintViolation,
                            "idTagInfo is required for every entry of a Full update (idTag " + entry.idTag() + ")");
                }
            }
        }
        if (!LocalAuthListProfile.listEnabled(station)) {
            LOG.info("[{}] SendLocalList version {} ({}): NotSupported while LocalAuthListEnabled is false",
                    station.chargePointId(), request.listVersion(), request.updateType().value());
            return new SendLocalListResponse(UpdateStatus.NOT_SUPPORTED);
        }
        UpdateStatus status = result(station.sendLocalList(request.listVersion(), request.updateType(), entries),
                "sendLocalList");
        if (status == UpdateStatus.FAILED) {
            LOG.warn("[{}] SendLocalList version {} ({}, {} entries) Failed: more entries than SendLocalListMaxLength,"
                            + " a list longer than LocalAuthListMaxLength, or the station is not running",
                    station.chargePointId(), request.listVersion(), request.updateType().value(), entries.size());
        }
        return new SendLocalListResponse(status);
    }
}
