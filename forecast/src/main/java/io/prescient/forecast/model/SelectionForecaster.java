package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Quantiles;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks, per series, the member model with the lowest quantile loss over the last {@code windows}
 * windows of {@code horizon} steps inside the history (each member refitted at each window's
 * origin, never seeing the window), then refits the winner on the whole history. Ties go to the
 * earlier member. The windows end on the clock's last whole hour (or, where the horizon is shorter, on
 * the largest division of the hour it spans), not at the history's last step, so the rounds of a loop within an hour validate on the
 * same windows; their losses are remembered by what the history held up to there
 * ({@link ValidationMemo}), and those rounds fit only the winner.
 *
 * <p>Global members are trained through {@link #train} twice: once on the histories without their
 * validation windows, the copy that is scored, so a network is not chosen for having learnt the
 * windows it is judged on; and once on the whole histories, the copy that forecasts. A member that
 * cannot be trained without the windows (too little history) loses every window. A model instance
 * that needs no training and appears in several members is fitted once per validation window: it is
 * the same model on the same history, so its forecast is shared. {@link
 * io.prescient.forecast.Models#create} makes a name written twice in one expression
 * ({@code ensemble|2*ensemble&analog}) one instance; models trained apart are apart.
 */
public final class SelectionForecaster implements Forecaster {

    /** The class's computed id before the memo (`13e0e2c`), kept so that stored choices load; the memo is not stored. */
    private static final long serialVersionUID = 1407098089848893115L;

    private final String name;
    private final List<Forecaster> members;
    /** The members as scored on the validation windows: trained without them, or the members themselves. */
    private final List<Forecaster> scorers;
    private final int horizon;
    private final int windows;
    /** Losses already computed, by head; not stored with the model. */
    private final transient ValidationMemo memo = new ValidationMemo();

    public SelectionForecaster(String name, List<Forecaster> members, int horizon, int windows) {
        this(name, members, members, horizon, windows);
    }

    private SelectionForecaster(String name, List<Forecaster> members, List<Forecaster> scorers, int horizon, int windows) {
        if (members.isEmpty() || horizon < 1 || windows < 1) {
            throw new IllegalArgumentException("need members, a positive horizon and at least one window");
        }
        this.name = name;
        this.members = List.copyOf(members);
        this.scorers = List.copyOf(scorers);
        this.horizon = horizon;
        this.windows = windows;
    }

    @Override
    public String name() {
        return name;
    }

    /** The candidates, in the order ties go. */
    public List<Forecaster> members() {
        return members;
    }

    @Override
    public boolean readsCovariates() {
        return members.stream().anyMatch(Forecaster::readsCovariates);
    }

    @Override
    public boolean needsTraining() {
        return members.stream().anyMatch(Forecaster::needsTraining);
    }

    @Override
    public Forecaster train(List<History> histories) {
        if (!needsTraining()) {
            return this;
        }
        List<History> withoutWindows = new ArrayList<>();
        for (History h : histories) {
            int cut = validationEnd(h) - windows * horizon;
            if (cut > 0) {
                withoutWindows.add(h.head(cut));
            }
        }
        List<Forecaster> trained = new ArrayList<>();
        List<Forecaster> scored = new ArrayList<>();
        for (Forecaster m : members) {
            Forecaster onAll = m.train(histories);
            trained.add(onAll);
            scored.add(m.needsTraining() ? scorer(m, withoutWindows) : onAll);
        }
        return new SelectionForecaster(name, trained, scored, horizon, windows);
    }

    /** The member trained without the validation windows, or, where it cannot be, one that scores no window. */
    private static Forecaster scorer(Forecaster member, List<History> withoutWindows) {
        if (withoutWindows.isEmpty()) {
            return new Unscored(member.name(), "no history is longer than the validation windows");
        }
        try {
            return member.train(withoutWindows);
        } catch (RuntimeException e) {
            return new Unscored(member.name(), e.getMessage());
        }
    }

    /** A trained member that could not be trained without the validation windows: it loses every window. */
    record Unscored(String name, String why) implements Forecaster {

        @Override
        public FittedModel fit(History history) {
            throw new IllegalStateException(name + " cannot be validated: " + why);
        }
    }

    /** The same choice with nothing remembered: for benchmarks that time the validation. */
    public SelectionForecaster forgetting() {
        return new SelectionForecaster(name, members, scorers, horizon, windows);
    }

    /** A stored choice gets a memo of its own (a transient field is not restored); one stored before scorers, its members. */
    private Object readResolve() {
        return new SelectionForecaster(name, members, scorers == null ? members : scorers, horizon, windows);
    }

    @Override
    public FittedModel fit(History history) {
        int end = validationEnd(history);
        double[] loss = memo.losses(history.fingerprint(end), () -> validationLosses(history, end));
        int best = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] < loss[best]) {
                best = i;
            }
        }
        return new Chosen(members.get(best).name(), members.get(best).fit(history), loss);
    }

    /**
     * Where the validation windows end: on the clock's last whole hour ({@link TimeGrid#CLOCK_SECONDS}), so a loop
     * planning every five minutes chooses once an hour, its windows at most 55 minutes old; on a grid of steps over half
     * an hour, at the last step. A horizon shorter than the hour validates on the largest division of the hour it spans.
     */
    int validationEnd(History history) {
        TimeGrid grid = history.grid();
        long tick = grid.clockSteps();
        long stride = Math.min(horizon, tick);
        while (tick % stride != 0) {
            stride--;
        }
        // a history shorter than the stride may have no whole hour yet: no windows, the first member
        return Math.max(0, grid.floorTo(history.length(), stride));
    }

    /** Each member's quantile loss over the windows ending at {@code end}. */
    private double[] validationLosses(History history, int end) {
        double[] y = history.target();
        double[] loss = new double[members.size()];
        for (int w = windows; w >= 1; w--) {
            int origin = end - w * horizon;
            if (origin < 2 * horizon) {
                continue;
            }
            History head = history.head(origin);
            Map<Forecaster, Forecast> shared = new IdentityHashMap<>();
            for (int i = 0; i < members.size(); i++) {
                loss[i] += quantileLoss(scorers.get(i), head, shared, y, origin);
            }
        }
        return loss;
    }

    private double quantileLoss(Forecaster member, History head, Map<Forecaster, Forecast> shared, double[] y, int origin) {
        try {
            Forecast f = forecast(member, head, shared);
            double sum = 0;
            for (double q : Quantiles.DECILES) {
                double[] v = f.quantile(q);
                for (int h = 0; h < horizon; h++) {
                    double actual = y[origin + h];
                    if (!Double.isNaN(actual)) {
                        double diff = actual - v[h];
                        sum += Math.max(q * diff, (q - 1) * diff);
                    }
                }
            }
            return sum;
        } catch (RuntimeException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The member's forecast of the window after {@code head}: a model instance that needs no training
     * is forecast once and shared, and a combination of such models is pooled from their shared
     * forecasts as its own fit would pool them.
     */
    private Forecast forecast(Forecaster member, History head, Map<Forecaster, Forecast> shared) {
        if (member.needsTraining()) {
            return member.fit(head).forecast(horizon);
        }
        if (member instanceof CombinationForecaster combination) {
            List<Forecast> parts = new ArrayList<>();
            for (Forecaster m : combination.members()) {
                parts.add(forecast(m, head, shared));
            }
            return CombinationForecaster.combine(combination.name(), parts, combination.pooling(), combination.weights());
        }
        Forecast f = shared.get(member);
        if (f == null) {
            f = member.fit(head).forecast(horizon);
            shared.put(member, f);
        }
        return f;
    }

    /** The winner's fitted model, with the validation losses that chose it. */
    record Chosen(String member, FittedModel fitted, double[] losses) implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            return fitted.forecast(steps, futureCovariates);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", member);
            p.put("validation_losses", java.util.Arrays.stream(losses).boxed().toList());
            p.putAll(fitted.parameters());
            p.put("form", member);
            return p;
        }
    }
}
