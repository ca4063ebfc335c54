package io.prescient.server.api;

import io.prescient.server.state.FleetState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCacheTest {

    @Test
    void theBytesHeldStayUnderTheLimitWhateverTheKeys() {
        ResponseCache cache = new ResponseCache(new FleetState(10), new ApiJson(), 1 << 20);
        String value = "x".repeat(10_000);
        long most = 0;
        for (int i = 0; i < 10_000; i++) {
            cache.keep("workloads/svc-" + i, value);
            assertTrue(cache.heldBytes() <= 1 << 20, "held " + cache.heldBytes() + " after " + i);
            most = Math.max(most, cache.heldBytes());
        }
        assertTrue(most > (1 << 20) * 0.9, "and it does cache up to its limit: " + most);
        cache.keep("huge", "y".repeat(1 << 19));
        assertTrue(cache.heldBytes() <= 1 << 20);
    }
}
