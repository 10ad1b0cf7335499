package io.chargegate.ocpp.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Test helper: an in-memory connection between two ends, each attached to an {@link RpcSession} or left raw (a
 * peer the test plays by hand). Like a WebSocket, delivery is asynchronous and ordered: every end receives on
 * its own thread, in send order; a close is delivered after the messages sent before it. Every frame an end
 * sends is captured; frames can be injected into an end as if its peer had sent them.
 */
final class InMemoryLink implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long WAIT_SECONDS = 5;

    final End a;
    final End b;

    private InMemoryLink(RpcSession sessionA, RpcSession sessionB) {
        a = new End("a", sessionA);
        b = new End("b", sessionB);
        a.peer = b;
        b.peer = a;
        a.open();
        b.open();
    }

    /** Connects two sessions and opens both. */
    static InMemoryLink connect(RpcSession a, RpcSession b) {
        return new InMemoryLink(a, b);
    }

    /** Connects a session ({@link #a}) to a raw peer ({@link #b}) the test plays, and opens the session. */
    static InMemoryLink withRawPeer(RpcSession session) {
        return new InMemoryLink(session, null);
    }

    /** Simulates the connection closing: both ends stop sending; sessions get {@code onClose} after pending deliveries. */
    void close(int code, String reason) {
        a.closeEnd(code, reason);
        b.closeEnd(code, reason);
    }

    /** Closes if open and stops the delivery threads. */
    @Override
    public void close() {
        close(1000, "test done");
        a.stop();
        b.stop();
    }

    static JsonNode parse(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    /** One end of the link; as a {@link Transport} it is what the attached session sends on. */
    final class End implements Transport {
        final String label;
        final RpcSession session;
        End peer;
        private final ExecutorService delivery;
        private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final AtomicInteger sendAttemptsWhileClosed = new AtomicInteger();
        /** CALLs this end sent that the peer has not answered yet, and the maximum seen. */
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger maxOutstanding = new AtomicInteger();
        private volatile boolean open;

        End(String label, RpcSession session) {
            this.label = label;
            this.session = session;
            this.delivery = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "link-" + label + "-" + (session == null ? "raw" : session.name()));
                t.setDaemon(true);
                return t;
            });
        }

        void open() {
            open = true;
            if (session != null) {
                session.onOpen(this);
            }
        }

        @Override
        public void send(String text) {
            if (!open) {
                sendAttemptsWhileClosed.incrementAndGet();
                throw new UncheckedIOException(new java.io.IOException("link closed"));
            }
            JsonNode node = parse(text);
            int type = node.isArray() && node.size() > 0 ? node.get(0).asInt(-1) : -1;
            if (type == 2) {
                int now = outstanding.incrementAndGet();
                maxOutstanding.accumulateAndGet(now, Math::max);
            } else if (type == 3 || type == 4) {
                peer.outstanding.decrementAndGet();
            }
            sent.add(text);
            peer.deliver(text);
        }

        @Override
        public void close() {
            InMemoryLink.this.close(1000, "closed by end " + label);
        }

        /** Delivers a message to this end as if the peer had sent it. */
        void inject(String text) {
            deliver(text);
        }

        private void deliver(String text) {
            if (!open) {
                return;
            }
            delivery.execute(() -> {
                if (session != null) {
                    session.onText(text);
                } else {
                    received.add(text);
                }
            });
        }

        private void closeEnd(int code, String reason) {
            if (!open) {
                return;
            }
            open = false;
            if (session != null) {
                delivery.execute(() -> session.onClose(code, reason));
            }
        }

        private void stop() {
            delivery.shutdown();
            try {
                delivery.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next frame this end sent, waiting up to 5 s; fails when there is none. */
        String nextSent() {
            try {
                String s = sent.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(s, "end " + label + " sent nothing within " + WAIT_SECONDS + " s");
                return s;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** The next frame this end sent, parsed. */
        JsonNode nextSentJson() {
            return parse(nextSent());
        }

        /** Frames this end sent that no {@link #nextSent()} has taken yet (without waiting). */
        List<String> drainSent() {
            List<String> out = new ArrayList<>();
            sent.drainTo(out);
            return out;
        }

        /** Fails if this end sends anything within {@code millis} (a quiet period, not a timing assertion). */
        void assertSendsNothingWithin(long millis) {
            try {
                String s = sent.poll(millis, TimeUnit.MILLISECONDS);
                if (s != null) {
                    fail("end " + label + " sent an unexpected frame: " + s);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** How often the session tried to send after this end closed. */
        int sendAttemptsWhileClosed() {
            return sendAttemptsWhileClosed.get();
        }
    }
}
