package io.chargegate.itests;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Request;
import io.chargegate.ocpp.model.Response;
import io.chargegate.ocpp.model.messages.ChangeConfigurationRequest;
import io.chargegate.ocpp.model.messages.ChangeConfigurationResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.ConfigurationStatus;
import io.chargegate.ocpp.model.types.Measurand;
import io.chargegate.ocpp.model.types.MeterValue;
import io.chargegate.ocpp.model.types.SampledValue;
import io.chargegate.ocpp.model.types.UnitOfMeasure;
import io.chargegate.ocpp.rpc.OcppException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/**
 * Test-side OCPP helpers over the demo CSMS's {@link ChargePointConnection}: synchronous CALLs, waiting for messages
 * that arrive after a mark (so an earlier message with the same content does not count), status and meter value
 * predicates. Every wait is bounded by a timeout; nothing measures elapsed time.
 */
final class Ocpp {

    static final Duration WAIT = StationSupport.WAIT;

    private Ocpp() {
    }

    /** Sends a CSMS CALL and waits for its CALLRESULT (a CALLERROR fails the test with its code). */
    static <R extends Response> R call(ChargePointConnection cp, Request<R> request) throws Exception {
        try {
            return cp.call(request).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(request.action().wireName() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Sends a CSMS CALL that must be answered with a CALLERROR; returns it. */
    static OcppException callError(ChargePointConnection cp, Request<?> request) throws Exception {
        try {
            Object r = cp.call(request).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError(request.action().wireName() + ": expected a CALLERROR, got " + r);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcppException oe) {
                return oe;
            }
            throw new AssertionError(request.action().wireName() + ": expected a CALLERROR, got " + e.getCause(),
                    e.getCause());
        }
    }

    /** ChangeConfiguration that must be Accepted. */
    static void configure(ChargePointConnection cp, String key, String value) throws Exception {
        ChangeConfigurationResponse r = call(cp, new ChangeConfigurationRequest(key, value));
        assertEquals("ChangeConfiguration " + key + "=" + value, ConfigurationStatus.ACCEPTED, r.status());
    }

    /** The number of CALLs received so far: later {@link #awaitAfter} calls only look at messages after it. */
    static int mark(ChargePointConnection cp) {
        return cp.received().size();
    }

    /** Waits for a CALL received after {@code mark} that matches. */
    static ReceivedMessage awaitAfter(ChargePointConnection cp, int mark, Predicate<ReceivedMessage> matcher)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ReceivedMessage> all = cp.received();
            for (int i = mark; i < all.size(); i++) {
                if (matcher.test(all.get(i))) {
                    return all.get(i);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching message after #" + mark + " within " + WAIT + "; received:\n"
                        + describe(all));
            }
            Thread.sleep(20);
        }
    }

    /** Waits for a CALL of {@code action} received after {@code mark}. */
    static ReceivedMessage awaitAfter(ChargePointConnection cp, int mark, Action action) throws InterruptedException {
        return awaitAfter(cp, mark, is(action));
    }

    /** Waits for a StatusNotification of {@code connector} with one of {@code statuses} after {@code mark}. */
    static StatusNotificationRequest awaitStatus(ChargePointConnection cp, int mark, int connector,
                                                 ChargePointStatus... statuses) throws InterruptedException {
        return awaitAfter(cp, mark, status(connector, statuses)).request(StatusNotificationRequest.class);
    }

    /** Matches CALLs of {@code action}. */
    static Predicate<ReceivedMessage> is(Action action) {
        return m -> m.action() == action;
    }

    /** Matches StatusNotifications of {@code connector} with one of {@code statuses}. */
    static Predicate<ReceivedMessage> status(int connector, ChargePointStatus... statuses) {
        List<ChargePointStatus> wanted = Arrays.asList(statuses);
        return m -> m.action() == Action.STATUS_NOTIFICATION
                && ((StatusNotificationRequest) m.request()).connectorId() == connector
                && wanted.contains(((StatusNotificationRequest) m.request()).status());
    }

    /** The CALLs of {@code action} received so far, oldest first. */
    static List<ReceivedMessage> all(ChargePointConnection cp, Action action) {
        List<ReceivedMessage> result = new ArrayList<>();
        for (ReceivedMessage m : cp.received()) {
            if (m.action() == action) {
                result.add(m);
            }
        }
        return result;
    }

    /** The position of {@code message} (by identity) in what {@code cp} received, or -1. */
    static int indexOf(ChargePointConnection cp, ReceivedMessage message) {
        List<ReceivedMessage> all = cp.received();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == message) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until {@code condition} holds. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits for a raw frame from the charge point starting with {@code prefix}. */
    static String awaitFrame(ChargePointConnection cp, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (String f : cp.framesReceived()) {
                if (f.startsWith(prefix)) {
                    return f;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no frame starting with " + prefix + " in " + cp.framesReceived());
            }
            Thread.sleep(20);
        }
    }

    /**
     * The Energy.Active.Import.Register reading of a meter value in Wh (the measurand and unit defaults of OCPP
     * 1.6 apply), or null when it has none.
     */
    static Double energyWh(MeterValue value) {
        for (SampledValue s : value.sampledValue()) {
            Measurand m = s.measurand() == null ? Measurand.ENERGY_ACTIVE_IMPORT_REGISTER : s.measurand();
            if (m == Measurand.ENERGY_ACTIVE_IMPORT_REGISTER && s.phase() == null) {
                double v = Double.parseDouble(s.value());
                return s.unit() == UnitOfMeasure.KWH ? v * 1000 : v;
            }
        }
        return null;
    }

    /** Every MeterValues of {@code transactionId} in {@code messages}, oldest first. */
    static List<MeterValuesRequest> meterValues(List<ReceivedMessage> messages, Integer transactionId) {
        List<MeterValuesRequest> result = new ArrayList<>();
        for (ReceivedMessage m : messages) {
            if (m.action() == Action.METER_VALUES
                    && java.util.Objects.equals(((MeterValuesRequest) m.request()).transactionId(), transactionId)) {
                result.add((MeterValuesRequest) m.request());
            }
        }
        return result;
    }

    /** One message per line, numbered, for assertion messages. */
    static String describe(List<ReceivedMessage> messages) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            sb.append("  ").append(i).append(". ").append(messages.get(i)).append('\n');
        }
        return sb.toString();
    }
}
