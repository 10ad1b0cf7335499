package io.chargegate.ocpp.transport.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void ceilingDoublesFromTwiceMinUpToMax() {
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(4), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(8), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(256), backoff.ceiling(7));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(8));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(63));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(Integer.MAX_VALUE), "no overflow");
    }

    @Test
    void delayStaysWithinMinAndCeiling() {
        SplittableRandom random = new SplittableRandom(42);
        for (int failures = 0; failures < 100; failures++) {
            for (int i = 0; i < 50; i++) {
                Duration d = backoff.delay(failures, random.nextDouble());
                assertTrue(d.compareTo(backoff.min()) >= 0, "below min: " + d);
                assertTrue(d.compareTo(backoff.ceiling(failures)) <= 0, "above ceiling: " + d);
                assertTrue(d.compareTo(backoff.max()) <= 0, "above max: " + d);
            }
        }
    }

    @Test
    void jitterCoversTheWholeWindow() {
        assertEquals(Duration.ofSeconds(1), backoff.delay(3, 0.0));
        assertEquals(Duration.ofSeconds(8).plusMillis(500), backoff.delay(3, 0.5));
        Duration top = backoff.delay(3, Math.nextDown(1.0));
        assertTrue(top.compareTo(Duration.ofMillis(15_999)) > 0 && top.compareTo(Duration.ofSeconds(16)) <= 0, "" + top);
        assertNotEquals(backoff.delay(0, 0.1), backoff.delay(0, 0.9), "different random numbers, different delays");
    }

    @Test
    void resetToZeroFailuresGivesTheSmallestWindowAgain() {
        Duration late = backoff.ceiling(10);
        Duration afterReset = backoff.ceiling(0);
        assertEquals(Duration.ofMinutes(5), late);
        assertEquals(Duration.ofSeconds(2), afterReset);
        assertTrue(backoff.delay(0, 0.999).compareTo(Duration.ofSeconds(2)) <= 0);
    }

    @Test
    void equalMinAndMaxGiveAFixedDelay() {
        Backoff fixed = new Backoff(Duration.ofMillis(100), Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(100), fixed.delay(0, 0.7));
        assertEquals(Duration.ofMillis(100), fixed.delay(20, 0.3));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> backoff.ceiling(-1));
    }
}
