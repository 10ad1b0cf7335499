package io.chargegate.ocpp.model.security;

import io.chargegate.ocpp.model.MaxLength;
import io.chargegate.ocpp.model.Payload;
import io.chargegate.ocpp.model.Required;

import java.time.Instant;

/**
 * Where to upload a log file and which time range it covers.
 *
 * @param remoteLocation URL the log is uploaded to
 */
public record LogParameters(
        @Required @MaxLength(512) String remoteLocation,
        Instant oldestTimestamp,
        Instant latestTimestamp) implements Payload {

    /** Creates the value with its required properties only. */
    public LogParameters(String remoteLocation) {
        this(remoteLocation, null, null);
    }

    /** A copy with {@code oldestTimestamp} replaced. */
    public LogParameters withOldestTimestamp(Instant oldestTimestamp) {
        return new LogParameters(remoteLocation, oldestTimestamp, latestTimestamp);
    }

    /** A copy with {@code latestTimestamp} replaced. */
    public LogParameters withLatestTimestamp(Instant latestTimestamp) {
        return new LogParameters(remoteLocation, oldestTimestamp, latestTimestamp);
    }
}
