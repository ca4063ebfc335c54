package io.prescient.server.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServedLoopTest {

    /**
     * A round whose source throws an Error (out of memory) and one that fails while it is folded in
     * (a malformed round) each degrade the health with the reason; the loop thread lives on and the
     * next good round makes it healthy again.
     */
    @Test
    void noRoundFailureEndsTheLoopOrHidesFromTheHealth() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> seenProblems = new ArrayList<>();
        FleetState state = new FleetState(10, new LoopHealth(60_000, System::currentTimeMillis));
        RoundSource source = () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new OutOfMemoryError("Java heap space (test)");
            }
            if (n == 2) {
                seenProblems.addAll(state.health().problems());
                List<RoundSource.Served> malformed = new ArrayList<>();
                malformed.add(new RoundSource.Served(null, "req/s", null, null));
                return Optional.of(malformed);
            }
            if (n == 3) {
                seenProblems.addAll(state.health().problems());
            }
            return n <= 4 ? Optional.of(List.of()) : Optional.empty();
        };
        List<Throwable> failures = new ArrayList<>();
        ServedLoop loop = new ServedLoop(source, state, failures::add);
        loop.start();
        loop.awaitEnd(20_000);
        assertEquals(5, calls.get(), "the loop went on after both failures until its source ran out");
        assertEquals(2, failures.size());
        assertTrue(failures.get(0) instanceof OutOfMemoryError && failures.get(1) instanceof NullPointerException, failures.toString());
        assertTrue(seenProblems.size() == 2 && seenProblems.get(0).contains("OutOfMemoryError")
                && seenProblems.get(1).contains("NullPointerException"), "each failure showed in the health: " + seenProblems);
        assertTrue(state.health().loopHealthy(), "healthy again after good rounds: " + state.health().problems());
        assertFalse(state.health().problems().stream().anyMatch(p -> p.startsWith("loop")));
    }
}
