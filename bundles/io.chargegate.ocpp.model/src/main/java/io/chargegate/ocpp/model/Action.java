package io.chargegate.ocpp.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every OCPP 1.6 action and every action of the OCPP 1.6 security extension: wire name, direction,
 * feature profile, and the request and response payload types.
 */
public enum Action {
    // CONSTANTS: one per action, in alphabetical order of wire name, e.g.
    // AUTHORIZE("Authorize", Direction.CHARGE_POINT_TO_CSMS, FeatureProfile.CORE, AuthorizeRequest.class, AuthorizeResponse.class),
    ;

    private static final Map<String, Action> BY_WIRE_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Action::wireName, Function.identity()));

    private final String wireName;
    private final Direction direction;
    private final FeatureProfile profile;
    private final Class<? extends Request<?>> requestType;
    private final Class<? extends Response> responseType;

    Action(String wireName, Direction direction, FeatureProfile profile,
           Class<? extends Request<?>> requestType, Class<? extends Response> responseType) {
        this.wireName = wireName;
        this.direction = direction;
        this.profile = profile;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    /** The action name as written in a CALL frame, for example {@code "BootNotification"}. */
    public String wireName() {
        return wireName;
    }

    /** Who sends the CALL. */
    public Direction direction() {
        return direction;
    }

    /** The feature profile the action belongs to. */
    public FeatureProfile profile() {
        return profile;
    }

    /** The CALL payload type. */
    public Class<? extends Request<?>> requestType() {
        return requestType;
    }

    /** The CALLRESULT payload type. */
    public Class<? extends Response> responseType() {
        return responseType;
    }

    /** The action with this wire name, if it is an OCPP 1.6 (or security extension) action. */
    public static Optional<Action> forWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
