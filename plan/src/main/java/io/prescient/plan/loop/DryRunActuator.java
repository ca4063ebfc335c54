package io.prescient.plan.loop;

import java.time.Instant;
import java.util.function.Consumer;

/** Changes nothing: writes what it would do, one line per decision. */
public final class DryRunActuator implements Actuator {

    private final Consumer<String> log;

    public DryRunActuator(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    @Override
    public void apply(Decision d) {
        String what = d.held() ? "HOLD" : d.changes() ? "ORDER " + Decision.fmt(d.from()) + " -> " + Decision.fmt(d.units()) : "KEEP";
        log.accept(String.format("[dry-run] %s %s %s: %s", Instant.ofEpochSecond(d.time()), d.workload(), what, d.reason()));
    }
}
