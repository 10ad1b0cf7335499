package io.chargegate.driver.simulator.internal;

import io.chargegate.hardware.api.TokenReader;
import io.chargegate.hardware.api.TokenSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** The simulator's station-wide identification reader; tokens are presented with {@code sim:tag}. */
final class SimulatedTokenReader implements TokenReader {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedTokenReader.class);
    /** OCPP 1.6 IdToken: CiString20Type. */
    static final int MAX_ID_TAG_LENGTH = 20;

    private final String label;
    private final int connectors;
    private final Outbox outbox;
    private final SinkSlot<TokenSink> slot = new SinkSlot<>();

    SimulatedTokenReader(SimulatorSettings settings, Outbox outbox) {
        this.label = settings.label();
        this.connectors = settings.connectors();
        this.outbox = outbox;
    }

    @Override
    public void attach(TokenSink sink) {
        slot.attach(Objects.requireNonNull(sink, "sink"));
        LOG.debug("{}: token sink attached", label);
    }

    @Override
    public void detach() {
        slot.detach();
        LOG.debug("{}: token sink detached", label);
    }

    /**
     * Presents a token as if swiped at the reader.
     *
     * @param idTag       the token (1..20 characters)
     * @param connectorId the connector hint (0 = none, the whole charge point)
     * @return false when no sink is attached (the token goes nowhere)
     * @throws IllegalArgumentException for an invalid token or connector id
     */
    boolean present(String idTag, int connectorId) {
        if (idTag == null || idTag.isBlank() || idTag.length() > MAX_ID_TAG_LENGTH) {
            throw new IllegalArgumentException("idTag must be 1.." + MAX_ID_TAG_LENGTH + " characters, got '"
                    + idTag + "'");
        }
        if (connectorId < 0 || connectorId > connectors) {
            throw new IllegalArgumentException("connector " + connectorId + " does not exist (" + label + " has "
                    + connectors + "; 0 = none)");
        }
        TokenSink target = slot.current();
        if (target == null) {
            LOG.warn("{}: token {} presented but nobody listens (no sink attached)", label, idTag);
            return false;
        }
        LOG.info("{}: token {} presented{}", label, idTag, connectorId == 0 ? "" : " at connector " + connectorId);
        outbox.post(() -> slot.deliver(target, s -> s.tokenPresented(idTag, connectorId)));
        outbox.flush();
        return true;
    }
}
