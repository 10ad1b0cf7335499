package io.chargegate.profile.firmware.internal;

import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.DiagnosticsStatusNotificationResponse;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationRequest;
import io.chargegate.ocpp.model.messages.FirmwareStatusNotificationResponse;
import io.chargegate.ocpp.model.types.AvailabilityStatus;
import io.chargegate.ocpp.model.types.AvailabilityType;
import io.chargegate.ocpp.model.types.ChargePointErrorCode;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.model.types.ResetStatus;
import io.chargegate.ocpp.model.types.ResetType;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.Delivery;
import io.chargegate.station.api.ProfileState;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.StationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A {@link Station} for the firmware tests: an in-memory profile state (shared by every component instance that
 * uses this station, like the real store across a restart), connectors with a settable transaction and operative
 * flag, a queue of the messages sent, a boot counter like {@code StationStatus.bootCount()} (1: registered once), and
 * a hard reset like the runtime's: the station goes down (registration null, profile state throwing
 * {@link IllegalStateException}) and boots again - by itself once the profile has seen it down twice through
 * {@link #status()}, or when the test calls {@link #boot()}; {@link #resetMode} makes the restart too short to be
 * seen, or late (the station stays registered until {@link #boot()}). Operations the firmware profile has no
 * business calling fail the test.
 */
final class FakeStation extends io.chargegate.profile.testsupport.FakeStation {
    /** Long enough for any step on a slow machine; a bound, not an expectation. */
    static final long WAIT_SECONDS = 20;

    /** How an accepted {@link #reset} behaves. */
    enum ResetMode {
        /** The station goes down and boots again (by itself with {@link #autoBoot}, or on {@link #boot()}). */
        DOWN,
        /** The station boots again within the call: its registration is never seen to leave Accepted. */
        INSTANT,
        /** The station stays up and registered (the runtime flushing its queue first) until {@link #boot()}. */
        LATE
    }

    private final String id;
    private final int connectorCount;
    private final Map<String, InMemoryState> states = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Request<?>> sent = new LinkedBlockingQueue<>();
    private final Map<Integer, Boolean> operative = new ConcurrentHashMap<>();
    private final Map<Integer, String> transactions = new ConcurrentHashMap<>();
    private final List<String> availabilityCalls = new ArrayList<>();
    private final AtomicInteger connectorQueries = new AtomicInteger();
    private final AtomicInteger downQueries = new AtomicInteger();
    private final AtomicInteger statusQueries = new AtomicInteger();
    private final AtomicLong bootCount = new AtomicLong(1);
    private final List<String> events = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean registered = true;
    /** Whether a reset boots again by itself once the profile has seen the station down. */
    volatile boolean autoBoot = true;
    /** Whether {@link #status()} throws UnsupportedOperationException (a Station without it, like older doubles). */
    volatile boolean statusUnsupported;
    /** The answer to {@link #reset}. */
    volatile ResetStatus resetAnswer = ResetStatus.ACCEPTED;
    /** What an accepted {@link #reset} does. */
    volatile ResetMode resetMode = ResetMode.DOWN;

    FakeStation(String id, int connectorCount) {
        super("the firmware profile");
        this.id = id;
        this.connectorCount = connectorCount;
        for (int i = 1; i <= connectorCount; i++) {
            operative.put(i, true);
        }
    }

    /** Starts or ends (null) a transaction on a connector. */
    void transaction(int connectorId, String idTag) {
        if (idTag == null) {
            transactions.remove(connectorId);
        } else {
            transactions.put(connectorId, idTag);
        }
    }

    /** Whether the connector is operative now. */
    boolean operative(int connectorId) {
        return operative.get(connectorId);
    }

    /** The ChangeAvailability calls so far, as "connector:type". */
    List<String> availabilityCalls() {
        synchronized (availabilityCalls) {
            return List.copyOf(availabilityCalls);
        }
    }

    /** How many times {@link #connector(int)} was called. */
    int connectorQueries() {
        return connectorQueries.get();
    }

    /** The next message sent, waiting for it. */
    Request<?> nextSent() throws InterruptedException {
        Request<?> request = sent.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(request, "no message sent within " + WAIT_SECONDS + " s");
        return request;
    }

    /** The next firmware status sent (fails on any other message). */
    String nextFirmwareStatus() throws InterruptedException {
        return ((FirmwareStatusNotificationRequest) nextSent()).status().value();
    }

    /** The next diagnostics status sent (fails on any other message). */
    String nextDiagnosticsStatus() throws InterruptedException {
        return ((DiagnosticsStatusNotificationRequest) nextSent()).status().value();
    }

    /** What happened, in order: "FirmwareStatusNotification:&lt;status&gt;", "Reset:Hard", "BootAccepted". */
    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void event(String event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** How many times {@link #status()} was called while the station was not registered. */
    int downQueries() {
        return downQueries.get();
    }

    /** How many times {@link #status()} was called. */
    int statusQueries() {
        return statusQueries.get();
    }

    /** The boot counter reported by {@link #status()}. */
    long bootCount() {
        return bootCount.get();
    }

    /** Whether the station runs (false between a reset and the next boot). */
    boolean running() {
        return running;
    }

    /** Ends a reset: the station runs again and its BootNotification was accepted (the boot counter grows). */
    void boot() {
        event("BootAccepted");
        bootCount.incrementAndGet();
        running = true;
        registered = true;
    }

    /**
     * The station runs (as after a restart of the gateway: the boot counter starts again at 0) but its
     * BootNotification is not answered yet.
     */
    void startedUnregistered() {
        running = true;
        registered = false;
        bootCount.set(0);
        downQueries.set(0);
    }

    @Override
    public StationStatus status() {
        if (statusUnsupported) {
            throw new UnsupportedOperationException("status()");
        }
        statusQueries.incrementAndGet();
        if (!registered && downQueries.incrementAndGet() >= 2 && autoBoot) {
            boot();
        }
        return new StationStatus(id, running, registered ? RegistrationStatus.ACCEPTED : null, 0, List.of(),
                List.of(), bootCount.get());
    }

    @Override
    public ResetStatus reset(ResetType type) {
        if (resetAnswer == ResetStatus.ACCEPTED) {
            event("Reset:" + type.value());
            downQueries.set(0);
            switch (resetMode) {
                case DOWN -> {
                    running = false;
                    registered = false;
                }
                case INSTANT -> boot();
                case LATE -> {
                    // still up and registered: the profile must wait for the boot counter
                }
            }
        }
        return resetAnswer;
    }

    /** The messages sent and not taken yet. */
    List<Request<?>> pending() {
        return List.copyOf(sent);
    }

    /** The firmware profile's state. */
    InMemoryState firmwareState() {
        return states.computeIfAbsent(StationJobs.NAMESPACE, n -> new InMemoryState());
    }

    @Override
    public String chargePointId() {
        return id;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public int connectorCount() {
        return connectorCount;
    }

    @Override
    public ConnectorState connector(int connectorId) {
        connectorQueries.incrementAndGet();
        String idTag = transactions.get(connectorId);
        boolean isOperative = operative.getOrDefault(connectorId, true);
        ChargePointStatus status = idTag != null ? ChargePointStatus.CHARGING
                : isOperative ? ChargePointStatus.AVAILABLE : ChargePointStatus.UNAVAILABLE;
        return new ConnectorState(connectorId, status, ChargePointErrorCode.NO_ERROR, null,
                idTag == null ? null : 1000 + connectorId, idTag, isOperative);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R extends Response> CompletionStage<R> send(Request<R> request, Delivery delivery) {
        if (!running) {
            throw new IllegalStateException("station stopped");
        }
        if (request instanceof FirmwareStatusNotificationRequest firmware) {
            event("FirmwareStatusNotification:" + firmware.status().value());
        }
        sent.add(request);
        Response response;
        if (request instanceof FirmwareStatusNotificationRequest) {
            response = new FirmwareStatusNotificationResponse();
        } else if (request instanceof DiagnosticsStatusNotificationRequest) {
            response = new DiagnosticsStatusNotificationResponse();
        } else {
            throw new AssertionError("the firmware profile sent " + request);
        }
        return CompletableFuture.completedFuture((R) response);
    }

    @Override
    public AvailabilityStatus changeAvailability(int connectorId, AvailabilityType type) {
        synchronized (availabilityCalls) {
            availabilityCalls.add(connectorId + ":" + type.value());
        }
        if (transactions.containsKey(connectorId) && type == AvailabilityType.INOPERATIVE) {
            return AvailabilityStatus.SCHEDULED;
        }
        operative.put(connectorId, type == AvailabilityType.OPERATIVE);
        return AvailabilityStatus.ACCEPTED;
    }

    @Override
    public ProfileState profileState(String namespace) {
        InMemoryState state = states.computeIfAbsent(namespace, n -> new InMemoryState());
        return new ProfileState() { // like the runtime's: throws while the station is stopped
            @Override
            public Optional<String> get(String key) {
                return running().get(key);
            }

            @Override
            public void put(String key, String value) {
                running().put(key, value);
            }

            @Override
            public boolean remove(String key) {
                return running().remove(key);
            }

            @Override
            public Map<String, String> snapshot() {
                return running().snapshot();
            }

            private InMemoryState running() {
                if (!running) {
                    throw new IllegalStateException("station stopped");
                }
                return state;
            }
        };
    }

    /** An in-memory {@link ProfileState}. */
    static final class InMemoryState implements ProfileState {
        private final Map<String, String> values = new TreeMap<>();

        @Override
        public synchronized Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public synchronized void put(String key, String value) {
            values.put(key, value);
        }

        @Override
        public synchronized boolean remove(String key) {
            return values.remove(key) != null;
        }

        @Override
        public synchronized Map<String, String> snapshot() {
            return Map.copyOf(values);
        }
    }
}
