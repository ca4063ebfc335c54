package io.prescient.neural.pretrained;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.neural.NetworkQuantiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pretrained patch mixer behind the forecaster API. Zero-shot ({@code tuneSeconds} 0) it fits a
 * series by keeping its last {@code context} steps and forecasts in one forward pass of its
 * {@link ContextMembers} (the whole context and its recent part); with a fine-tuning budget it
 * {@link #needsTraining needs training}: {@link #train} continues training on the given histories for
 * that long, scoring the loss on the forecast's own horizon, with the last horizon of every history
 * held out, keeps the pretrained weights unless the tuned ones forecast that held-out stretch better
 * (as it forecasts: its readings combined), and calibrates each quantile's distance from the median
 * on it ({@link SpreadCalibration}).
 */
public final class PretrainedForecaster implements Forecaster {

    private static final long serialVersionUID = 1L;

    /** Series per forward pass in batched inference. */
    static final int BATCH = 256;

    private final String name;
    private final MixerNet net;
    private final int horizon;
    private final double tuneSeconds;
    private final SpreadCalibration calibration;
    private final transient Consumer<String> log;

    public PretrainedForecaster(String name, MixerNet net, int horizon, double tuneSeconds, Consumer<String> log) {
        this(name, net, horizon, tuneSeconds, SpreadCalibration.none(net.spec().levels().length), log);
    }

    private PretrainedForecaster(String name, MixerNet net, int horizon, double tuneSeconds, SpreadCalibration calibration,
                                 Consumer<String> log) {
        if (horizon > net.spec().horizon()) {
            throw new IllegalArgumentException(name + " forecasts at most " + net.spec().horizon() + " steps in one pass, not "
                    + horizon);
        }
        this.name = name;
        this.net = net;
        this.horizon = horizon;
        this.tuneSeconds = tuneSeconds;
        this.calibration = calibration;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    public MixerNet net() {
        return net;
    }

    @Override
    public boolean needsTraining() {
        return tuneSeconds > 0;
    }

    /** Fine-tunes on the histories within the budget; the result forecasts without further training. */
    @Override
    public Forecaster train(List<History> histories) {
        if (!needsTraining()) {
            return this;
        }
        MixerSpec spec = net.spec();
        List<double[]> training = new ArrayList<>();
        List<ContextMembers> heldOut = new ArrayList<>();
        for (History h : histories) {
            double[] y = h.target();
            int held = Math.min(horizon, y.length / 5);
            if (held < 1) {
                continue;
            }
            training.add(Arrays.copyOf(y, y.length - held));
            ContextMembers m = ContextMembers.at(y, y.length - held, spec, held);
            if (m != null && m.whole().labelled()) {
                heldOut.add(m);
            }
        }
        List<Window> validation = heldOut.stream().map(ContextMembers::whole).toList();
        MixerTrainer.Settings settings = new MixerTrainer.Settings(128, 50, Integer.MAX_VALUE, tuneSeconds, 3e-4, 42);
        MixerTrainer.Result r = new MixerTrainer(settings, log()).train(spec, net,
                new SeriesWindows(training, spec, horizon, 0, 0), MixerTrainer.Validation.readings(heldOut, horizon),
                String.format(Locale.ROOT, "fine-tuned on %d series for a horizon of %d", training.size(), horizon));
        log().accept(String.format(Locale.ROOT, "%s: fine-tuned %d steps in %.0f s; held-out loss %.4f pretrained, %.4f kept",
                name, r.report().steps(), r.report().seconds(), r.report().startLoss(), r.report().bestLoss()));
        double[][][] predicted = new double[heldOut.size()][][];
        for (int from = 0; from < heldOut.size(); from += BATCH) {
            List<ContextMembers> batch = heldOut.subList(from, Math.min(heldOut.size(), from + BATCH));
            double[][][] q = r.net().predict(ContextMembers.flatten(batch), horizon);
            int member = 0;
            for (int i = 0; i < batch.size(); i++) {
                predicted[from + i] = batch.get(i).combine(q, member);
                member += batch.get(i).windows().size();
            }
        }
        SpreadCalibration spread = SpreadCalibration.fit(predicted, validation, spec.levels());
        log().accept(name + ": band factors by level " + Arrays.toString(spread.factors()));
        return new PretrainedForecaster(name, r.net(), horizon, 0, spread, log);
    }

    /** Where progress goes: nowhere when none was given or after deserialisation. */
    private Consumer<String> log() {
        return log == null ? line -> { } : log;
    }

    @Override
    public FittedModel fit(History history) {
        int keep = Math.min(history.length(), net.spec().context());
        double[] recent = Arrays.copyOfRange(history.target(), history.length() - keep, history.length());
        return new Fitted(name, net, calibration, history.grid(), recent, history.nonNegative());
    }

    /** One forward pass per {@value #BATCH} series. */
    @Override
    public List<Forecast> forecastAll(List<History> histories, int steps, List<Map<String, double[]>> futureCovariates) {
        if (futureCovariates.size() != histories.size()) {
            throw new IllegalArgumentException(histories.size() + " histories but " + futureCovariates.size()
                    + " sets of future covariates");
        }
        List<Forecast> out = new ArrayList<>(histories.size());
        for (int from = 0; from < histories.size(); from += BATCH) {
            List<Fitted> fitted = new ArrayList<>();
            List<ContextMembers> members = new ArrayList<>();
            for (History h : histories.subList(from, Math.min(histories.size(), from + BATCH))) {
                Fitted f = (Fitted) fit(h);
                fitted.add(f);
                members.add(f.members(steps));
            }
            double[][][] q = net.predict(ContextMembers.flatten(members), Math.max(1, steps));
            int member = 0;
            for (int i = 0; i < fitted.size(); i++) {
                out.add(fitted.get(i).toForecast(members.get(i).combine(q, member), steps));
                member += members.get(i).windows().size();
            }
        }
        return out;
    }

    /** One series: its last {@code context} steps. */
    record Fitted(String name, MixerNet net, SpreadCalibration calibration, TimeGrid history, double[] recent, boolean nonNegative)
            implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            ContextMembers members = members(steps);
            return toForecast(members.combine(net.predict(members.windows(), Math.max(1, steps)), 0), steps);
        }

        ContextMembers members(int steps) {
            if (steps > net.spec().horizon()) {
                throw new IllegalArgumentException(name + " forecasts at most " + net.spec().horizon() + " steps, not " + steps);
            }
            ContextMembers m = ContextMembers.at(recent, recent.length, net.spec(), 0);
            if (m == null) {
                // too little observed history to standardise: the last value (or 0) with no spread
                double last = Double.NaN;
                for (int i = recent.length - 1; i >= 0 && Double.isNaN(last); i--) {
                    last = recent[i];
                }
                double[] flat = new double[Window.MIN_OBSERVED];
                Arrays.fill(flat, Double.isNaN(last) ? 0 : last);
                m = ContextMembers.at(flat, flat.length, net.spec(), 0);
            }
            return m;
        }

        Forecast toForecast(double[][] q, int steps) {
            double[][] calibrated = new double[steps][];
            for (int h = 0; h < steps; h++) {
                calibrated[h] = calibration.apply(q[h], net.spec().levels());
            }
            return NetworkQuantiles.forecast(name, history, net.spec().levels(), calibrated, steps, nonNegative);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", name);
            p.put("context", net.spec().context());
            p.put("horizon", net.spec().horizon());
            p.put("parameter_bytes", net.sizeBytes());
            p.put("band_factors", calibration.factors());
            p.put("provenance", net.provenance());
            return p;
        }
    }
}
