package io.chargegate.ocpp.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chargegate.ocpp.rpc.Transport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a connection reports, as events {@code connected}, {@code text:<t>}, {@code disconnected:<code>}. */
final class RecordingListener implements ConnectionListener {
    static final long WAIT_SECONDS = 10;

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();
    volatile Transport transport;

    @Override
    public void connected(Transport t) {
        transport = t;
        connects.incrementAndGet();
        events.add("connected");
    }

    @Override
    public void textReceived(String text) {
        events.add("text:" + text);
    }

    @Override
    public void disconnected(int statusCode, String reason) {
        disconnects.incrementAndGet();
        events.add("disconnected:" + statusCode);
    }

    /** The next event that starts with {@code prefix}, skipping others; fails after 10 s. */
    String await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            assertNotNull(e, "no event starting with '" + prefix + "' within " + WAIT_SECONDS + " s");
            if (e.startsWith(prefix)) {
                return e;
            }
        }
    }
}
