package io.prescient.server.state;

import io.prescient.plan.loop.LoopRound;

import java.util.List;
import java.util.Optional;

/** Where the served loop's rounds come from: the simulated clock over recorded data, or the live loop on the real clock. */
public interface RoundSource {

    /** A workload's round with what the dashboard shows beside it. */
    record Served(LoopRound round, String unit, io.prescient.plan.capacity.CapacityModel capacity,
                  io.prescient.plan.capacity.Pricing pricing) {
    }

    /** The next round of the fleet, once its clock says so; empty when there are no more (a replay reached the end of its data). */
    Optional<List<Served>> next() throws InterruptedException;
}
