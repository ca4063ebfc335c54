package io.prescient.flink;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.History;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.loop.LoopPosition;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The planning loop for one workload (the key), in event time (milliseconds, from the points' epoch seconds). State: the grid's start
 * (set by the first demand point; covariate points that come before it wait for it), the recent
 * values on the grid, and those of each covariate the config names for the workload (at most
 * {@code maxHistory} steps before the last whole hour; older ones are dropped and the start moves on; a covariate the config
 * does not name is ignored), the loop's position (units, last change), the next round's step and
 * the last demand step seen.
 * A round at step {@code t} runs when the watermark has passed every point before {@code t} and a
 * point at or after {@code t} has been seen; it is the same {@link LoopPosition#next} the simulated
 * clock and the server run, on the same {@link PlanningStep}, so the plans are the same.
 */
public final class PlanningFunction extends KeyedProcessFunction<String, MetricPoint, PlanRecord> {

    private final JobSettings settings;
    private transient ValueState<Long> start;
    private transient ValueState<double[]> values;
    private transient ValueState<Double> units;
    private transient ValueState<Integer> lastChange;
    private transient ValueState<Integer> next;
    private transient ValueState<Integer> lastSeen;
    private transient MapState<String, double[]> covariates;
    private transient ListState<Tuple3<String, Long, Double>> early;
    /** The scenario sets by {@link JobSettings#scenarioScope}: "" for the config's alone. */
    private transient Map<String, ScenarioSet> scenarios;
    private transient Map<StepKey, PlanningStep> steps;

    /** Workloads with the same capacity rules and the same scenarios share a planning step. */
    private record StepKey(CapacityModel capacity, String scope) {
    }

    public PlanningFunction(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) {
        start = getRuntimeContext().getState(new ValueStateDescriptor<>("start", Types.LONG));
        values = getRuntimeContext().getState(new ValueStateDescriptor<>("values", org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        units = getRuntimeContext().getState(new ValueStateDescriptor<>("units", Types.DOUBLE));
        lastChange = getRuntimeContext().getState(new ValueStateDescriptor<>("lastChange", Types.INT));
        next = getRuntimeContext().getState(new ValueStateDescriptor<>("next", Types.INT));
        lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("lastSeen", Types.INT));
        covariates = getRuntimeContext().getMapState(new MapStateDescriptor<>("covariates", Types.STRING,
                org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        early = getRuntimeContext().getListState(new ListStateDescriptor<>("early covariates",
                Types.TUPLE(Types.STRING, Types.LONG, Types.DOUBLE)));
        ScenarioSet shared = settings.scenariosYaml().isBlank() ? ScenarioSet.baseline() : ScenarioFile.parse("job scenarios", settings.scenariosYaml());
        scenarios = new HashMap<>();
        scenarios.put("", shared);
        settings.workloadScenariosYaml().forEach((scope, yaml) -> scenarios.put(scope, LoopAssembly.merged(shared,
                java.util.Optional.of(ScenarioFile.parse("scenarios of workload " + scope, yaml)))));
        steps = new HashMap<>();
    }

    private PlanningStep step(String workload) {
        String scope = settings.scenarioScope(workload);
        return steps.computeIfAbsent(new StepKey(settings.capacity(workload), scope),
                k -> LoopAssembly.step(settings.model(), scenarios.get(k.scope()), k.capacity(), settings.loop()));
    }

    @Override
    public void processElement(MetricPoint p, Context ctx, Collector<PlanRecord> out) throws Exception {
        String workload = ctx.getCurrentKey();
        if (!p.demand() && !settings.covariates(workload).contains(p.covariate())) {
            return;
        }
        long step = settings.stepSeconds();
        if (start.value() == null) {
            if (!p.demand()) {
                early.add(Tuple3.of(p.covariate(), p.time(), p.value()));
                return;
            }
            anchor(p.time() - Math.floorMod(p.time(), step));
            for (Tuple3<String, Long, Double> c : early.get()) {
                covariate(c.f0, c.f1, c.f2);
            }
            early.clear();
        }
        if (!p.demand()) {
            covariate(p.covariate(), p.time(), p.value());
            return;
        }
        long index = Math.floorDiv(p.time() - start.value(), step);
        if (index > lastSeen.value() + (long) settings.maxHistory()) {
            restart(p.time() - Math.floorMod(p.time(), step));
            index = 0;
        }
        if (index < 0) {
            return;
        }
        values.update(set(values.value(), (int) index, p.value()));
        lastSeen.update(Math.max(lastSeen.value(), (int) index));
        schedule(ctx.timerService());
    }

    /** Starts the workload's grid at {@code gridStart}: no values yet, the first round at {@code firstDecision}. */
    private void anchor(long gridStart) throws Exception {
        start.update(gridStart);
        values.update(new double[0]);
        next.update(settings.firstDecision());
        lastSeen.update(-1);
    }

    /**
     * After a gap longer than the history kept, nothing on the old grid would be planned from:
     * the workload starts over at this point (its covariates too), keeping its units, with the
     * last change long past (so a gap never leaves a cooldown running or the arrays growing
     * without bound).
     */
    private void restart(long gridStart) throws Exception {
        anchor(gridStart);
        covariates.clear();
        if (lastChange.value() != null) {
            lastChange.update(-settings.maxHistory());
        }
    }

    /** Puts a covariate's value on the grid; one before the grid or beyond the history kept is dropped. */
    private void covariate(String name, long time, double value) throws Exception {
        long index = Math.floorDiv(time - start.value(), settings.stepSeconds());
        if (index < 0 || index > lastSeen.value() + (long) settings.maxHistory()) {
            return;
        }
        double[] c = covariates.get(name);
        covariates.put(name, set(c == null ? new double[0] : c, (int) index, value));
    }

    /** {@code v} with {@code value} at {@code index}, grown with missing steps as needed. */
    private static double[] set(double[] v, int index, double value) {
        double[] out = v;
        if (index >= v.length) {
            out = Arrays.copyOf(v, index + 1);
            Arrays.fill(out, v.length, out.length, Double.NaN);
        }
        out[index] = value;
        return out;
    }

    /** The first {@code t} steps of {@code v}, missing where it has none. */
    private static double[] head(double[] v, int t) {
        double[] out = Arrays.copyOf(v, t);
        if (v.length < t) {
            Arrays.fill(out, v.length, t, Double.NaN);
        }
        return out;
    }

    /** Asks for the next round once its data can be complete (a point at or after its step has been seen). */
    private void schedule(org.apache.flink.streaming.api.TimerService timers) throws Exception {
        int t = next.value();
        if (lastSeen.value() >= t) {
            timers.registerEventTimeTimer(1000 * (start.value() + t * settings.stepSeconds()) - 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PlanRecord> out) throws Exception {
        int t = next.value();
        if (lastSeen.value() < t || 1000 * (start.value() + t * settings.stepSeconds()) - 1 > timestamp) {
            return;
        }
        String workload = ctx.getCurrentKey();
        double[] v = values.value();
        PlanningStep step = step(workload);
        LoopPosition position = units.value() == null
                ? LoopPosition.start(LoopPosition.initialUnits(v, t, settings.capacity(workload)))
                : new LoopPosition(units.value(), lastChange.value());
        Map<String, double[]> past = new java.util.LinkedHashMap<>();
        for (String name : settings.covariates(workload)) {
            double[] c = covariates.get(name);
            past.put(name, head(c == null ? new double[0] : c, t));
        }
        History history = new History(new TimeGrid(start.value(), settings.stepSeconds(), t), head(v, t), past,
                settings.nonNegative());
        LoopPosition.Round round = position.next(step, workload, history, t);
        out.collect(PlanRecord.of(round.outcome().journal("flink", "kafka", settings.stepSeconds(), step.percentile())));
        units.update(round.next().units());
        lastChange.update(round.next().lastChange());
        next.update(t + settings.every());
        trim(workload, t + settings.every());
        schedule(ctx.timerService());
    }

    /**
     * Drops history older than {@code maxHistory} steps before the next round's last whole hour, moving the grid's start (and
     * the step indices) on; the start moves on the hour only, so the rounds within an hour reuse a model's work on it.
     */
    private void trim(String workload, int nextRound) throws Exception {
        int drop = new TimeGrid(start.value(), settings.stepSeconds(), nextRound).lookbackStart(nextRound, settings.maxHistory());
        if (drop <= 0) {
            return;
        }
        double[] v = values.value();
        values.update(Arrays.copyOfRange(v, Math.min(drop, v.length), v.length));
        for (String name : settings.covariates(workload)) {
            double[] c = covariates.get(name);
            if (c != null) {
                covariates.put(name, Arrays.copyOfRange(c, Math.min(drop, c.length), c.length));
            }
        }
        start.update(start.value() + drop * settings.stepSeconds());
        next.update(next.value() - drop);
        lastSeen.update(lastSeen.value() - drop);
        lastChange.update(lastChange.value() - drop);
    }
}
