package io.chargegate.ocpp.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared set-up of the session tests: a shared scheduler, sessions and links cleaned up after each test. */
abstract class SessionFixture {

    static final String TIME = "2026-01-01T00:00:00Z";

    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, r -> {
        Thread t = Executors.defaultThreadFactory().newThread(r);
        t.setDaemon(true);
        t.setName("test-scheduler-" + t.getName());
        return t;
    });
    private final List<RpcSession> sessions = new ArrayList<>();
    private final List<InMemoryLink> links = new ArrayList<>();

    SessionFixture() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    RpcSession session(Role role, String name) {
        return session(role, name, b -> { });
    }

    RpcSession session(Role role, String name, Consumer<RpcSession.Builder> options) {
        RpcSession.Builder b = RpcSession.builder(role).name(name).scheduler(scheduler);
        options.accept(b);
        RpcSession s = b.build();
        sessions.add(s);
        return s;
    }

    InMemoryLink link(RpcSession a, RpcSession b) {
        InMemoryLink l = InMemoryLink.connect(a, b);
        links.add(l);
        return l;
    }

    InMemoryLink rawPeer(RpcSession s) {
        InMemoryLink l = InMemoryLink.withRawPeer(s);
        links.add(l);
        return l;
    }

    @AfterEach
    void cleanUp() {
        links.forEach(InMemoryLink::close);
        sessions.forEach(RpcSession::dispose);
        scheduler.shutdownNow();
    }

    /** The value of a stage, waiting at most 5 s (a hang guard, not a timing assertion). */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(InMemoryLink.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("stage failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("stage did not complete", e);
        }
    }

    /** The failure of a stage (which must fail), waiting at most 5 s. */
    static <X extends Throwable> X failure(CompletionStage<?> stage, Class<X> type) {
        try {
            Object value = stage.toCompletableFuture().get(InMemoryLink.WAIT_SECONDS, TimeUnit.SECONDS);
            fail("expected " + type.getSimpleName() + " but completed with " + value);
            return null;
        } catch (ExecutionException e) {
            return assertInstanceOf(type, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("stage did not complete", e);
        }
    }

    /** Waits (at most 5 s) until the session has processed a close the link delivers asynchronously. */
    static void awaitClosed(RpcSession s) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(InMemoryLink.WAIT_SECONDS);
        while (s.isOpen()) {
            if (System.nanoTime() > deadline) {
                fail("session " + s.name() + " still open");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Asserts a frame is {@code [4, id, code, ...]} and returns it. */
    static JsonNode assertCallError(JsonNode frame, String id, ErrorCode code) {
        assertEquals(4, frame.get(0).asInt(), () -> "not a CALLERROR: " + frame);
        assertEquals(id, frame.get(1).asText(), () -> "wrong id: " + frame);
        assertEquals(code.name(), frame.get(2).asText(), () -> "wrong code: " + frame);
        assertEquals(5, frame.size(), () -> "CALLERROR must have 5 elements: " + frame);
        return frame;
    }

    /** Asserts a frame is {@code [3, id, payload]} and returns the payload. */
    static JsonNode assertCallResult(JsonNode frame, String id) {
        assertEquals(3, frame.get(0).asInt(), () -> "not a CALLRESULT: " + frame);
        assertEquals(id, frame.get(1).asText(), () -> "wrong id: " + frame);
        return frame.get(2);
    }

    static String heartbeatResult(String id) {
        return "[3,\"" + id + "\",{\"currentTime\":\"" + TIME + "\"}]";
    }
}
