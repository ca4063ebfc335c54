package io.prescient.server;

import io.prescient.plan.LiveLoop;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.capacity.Pricing;
import io.prescient.server.state.RoundSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve} on the real clock: a round of the live loop every {@code intervalMillis}, the first at
 * once, each under the store's lock (a round may run a retrain cycle in the registry the API reads).
 */
final class LiveRounds implements RoundSource {

    private final LiveLoop loop;
    private final long intervalMillis;
    private final Object storeLock;
    private final Clock clock;
    private final String currency;
    private long lastStart = Long.MIN_VALUE;

    /** @param currency what the workloads' unit prices are in */
    LiveRounds(LiveLoop loop, long intervalMillis, Object storeLock, Clock clock, String currency) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("the live interval must be at least 1 ms, got " + intervalMillis);
        }
        this.loop = loop;
        this.intervalMillis = intervalMillis;
        this.storeLock = storeLock;
        this.clock = clock;
        this.currency = currency;
    }

    @Override
    public Optional<List<Served>> next() throws InterruptedException {
        if (lastStart != Long.MIN_VALUE) {
            long wait = lastStart + intervalMillis - clock.millis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        lastStart = clock.millis();
        LiveLoop.Round round;
        synchronized (storeLock) {
            round = loop.round(lastStart / 1000);
        }
        List<Served> out = new ArrayList<>();
        round.workloads().forEach(r -> {
            LoopAssembly.Selected s = round.selected().get(r.workload());
            out.add(new Served(r, s.series().info().unit().symbol(), s.capacity(), new Pricing(s.unitPrice(), currency)));
        });
        return Optional.of(out);
    }
}
