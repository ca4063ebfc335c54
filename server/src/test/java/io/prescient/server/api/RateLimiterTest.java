package io.prescient.server.api;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void aClientGetsItsBurstThenTheRateAndOthersAreNotAffected() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, 20, now::get);
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            allowed += limiter.allow("a") ? 1 : 0;
        }
        assertEquals(20, allowed);
        assertTrue(limiter.allow("b"), "another client has its own bucket");
        now.addAndGet(500_000_000L);
        allowed = 0;
        for (int i = 0; i < 30; i++) {
            allowed += limiter.allow("a") ? 1 : 0;
        }
        assertEquals(5, allowed, "half a second at 10 a second refills 5");
        assertFalse(limiter.allow("a"));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 10, System::nanoTime));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(5, 0.5, System::nanoTime));
    }
}
