package io.chargegate.ocpp.transport.jetty;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Polls a condition for up to 10 s (no timing assertions: only an upper bound against hanging). */
final class Await {
    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after 10 s waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}
