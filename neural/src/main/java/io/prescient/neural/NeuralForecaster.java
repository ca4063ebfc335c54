package io.prescient.neural;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The global LSTM encoder-decoder behind the forecaster API: {@link #train} learns one network from
 * every history; the trained forecaster's {@code fit} keeps only the recent history a forecast
 * needs, so conditioning a series is instant and the fitted model is small (the network's bytes are
 * shared by all series, and written once when they are serialised together).
 */
public final class NeuralForecaster implements Forecaster {

    private final String name;
    private final NeuralSpec spec;
    private final transient Consumer<String> log;

    public NeuralForecaster(String name, NeuralSpec spec, Consumer<String> log) {
        this.name = name;
        this.spec = spec;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean needsTraining() {
        return true;
    }

    /** The network reads the covariates its training histories carry (or those its spec names). */
    @Override
    public boolean readsCovariates() {
        return true;
    }

    /**
     * Trains on the histories: with the covariates the spec names or, when it names none, those every
     * history carries (in name order), past values to the encoder and known future values to the decoder.
     */
    @Override
    public Forecaster train(List<History> histories) {
        NeuralSpec trained = spec.covariates().isEmpty() ? spec.withCovariates(common(histories)) : spec;
        if (!trained.covariates().isEmpty()) {
            log.accept(name + ": learns from covariates " + trained.covariates());
        }
        NeuralTrainer.Result result = new NeuralTrainer(trained, log).train(histories);
        NeuralTrainer.Report r = result.report();
        log.accept(String.format(java.util.Locale.ROOT,
                "%s: %d epochs, best validation loss %.4f, %.0f s, %d training windows, %d KB of parameters",
                name, r.epochs(), r.bestValidationLoss(), r.seconds(), r.trainingWindows(), result.net().sizeBytes() / 1024));
        return new Trained(name, result.net());
    }

    /** The covariates every history has, in name order. */
    private static List<String> common(List<History> histories) {
        java.util.Set<String> names = null;
        for (History h : histories) {
            java.util.Set<String> mine = new java.util.TreeSet<>(h.covariates().keySet());
            if (names == null) {
                names = mine;
            } else {
                names.retainAll(mine);
            }
        }
        return names == null ? List.of() : List.copyOf(names);
    }

    /** Untrained, the model cannot forecast: the backtest and registry train it first. */
    @Override
    public FittedModel fit(History history) {
        throw new IllegalStateException(name + " is a global model: train it on a set of series first");
    }

    /** A trained network, ready to condition on one series at a time. */
    public record Trained(String name, NeuralNet net) implements Forecaster, java.io.Serializable {

        @Override
        public boolean readsCovariates() {
            return !net.spec().covariates().isEmpty();
        }

        @Override
        public FittedModel fit(History history) {
            NeuralSpec s = net.spec();
            int keep = Math.min(history.length(), s.context() + 10 * s.season());
            int from = history.length() - keep;
            long step = history.grid().stepSeconds();
            Map<String, double[]> covariates = new LinkedHashMap<>();
            for (String c : s.covariates()) {
                double[] x = history.covariates().get(c);
                if (x == null) {
                    throw new IllegalArgumentException(name + " was trained with covariate '" + c + "', which this history lacks");
                }
                covariates.put(c, Arrays.copyOfRange(x, from, history.length()));
            }
            return new Fitted(name, net, history.grid(), Arrays.copyOfRange(history.target(), from, history.length()),
                    history.grid().start() / step + from, covariates, history.nonNegative());
        }

        /** One forward pass per {@value #BATCH} series instead of one per series. */
        @Override
        public List<Forecast> forecastAll(List<History> histories, int horizon, List<Map<String, double[]>> futureCovariates) {
            if (futureCovariates.size() != histories.size()) {
                throw new IllegalArgumentException(histories.size() + " histories but " + futureCovariates.size()
                        + " sets of future covariates");
            }
            List<Forecast> out = new ArrayList<>(histories.size());
            for (int from = 0; from < histories.size(); from += BATCH) {
                int to = Math.min(histories.size(), from + BATCH);
                List<Fitted> fitted = new ArrayList<>();
                List<Features.Sample> samples = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    Fitted f = (Fitted) fit(histories.get(i));
                    fitted.add(f);
                    samples.add(f.sample(horizon, futureCovariates.get(i)));
                }
                double[][][] quantiles = net.predict(samples);
                for (int i = 0; i < fitted.size(); i++) {
                    out.add(fitted.get(i).toForecast(quantiles[i], horizon));
                }
            }
            return out;
        }
    }

    /** Series per forward pass in batched inference. */
    static final int BATCH = 256;

    /** Simulated futures of one series per forward pass (only the decoder runs per future). */
    static final int FUTURES_BATCH = 1024;

    record Fitted(String name, NeuralNet net, TimeGrid history, double[] recent, long firstStep,
                  Map<String, double[]> covariates, boolean nonNegative) implements FittedModel {

        @Override
        public Forecast forecast(int horizon, Map<String, double[]> futureCovariates) {
            return toForecast(net.predict(List.of(sample(horizon, futureCovariates)))[0], horizon);
        }

        /**
         * Simulated futures of this series' covariates: the past is encoded once (the LSTM) and every
         * set of future covariates decoded from it, {@value #FUTURES_BATCH} per forward pass.
         */
        @Override
        public List<Forecast> forecastAll(int horizon, List<Map<String, double[]>> futureCovariates) {
            List<Forecast> out = new ArrayList<>(futureCovariates.size());
            for (int from = 0; from < futureCovariates.size(); from += FUTURES_BATCH) {
                List<Features.Sample> samples = new ArrayList<>();
                Features.Sample base = null;
                for (Map<String, double[]> c : futureCovariates.subList(from, Math.min(futureCovariates.size(), from + FUTURES_BATCH))) {
                    if (base == null) {
                        base = sample(horizon, c);
                        samples.add(base);
                    } else {
                        requireFuture(c, horizon);
                        samples.add(Features.withFuture(net.spec(), base, covariates, recent.length, c, horizon));
                    }
                }
                for (double[][] q : net.predictFutures(samples)) {
                    out.add(toForecast(q, horizon));
                }
            }
            return out;
        }

        private void requireFuture(Map<String, double[]> futureCovariates, int horizon) {
            for (String c : net.spec().covariates()) {
                double[] future = futureCovariates.get(c);
                if (future == null || future.length < horizon) {
                    throw new IllegalArgumentException(name + " needs the future values of covariate '" + c + "' for "
                            + horizon + " steps");
                }
            }
        }

        /** The network's inputs for a forecast of {@code horizon} steps from the end of the history. */
        Features.Sample sample(int horizon, Map<String, double[]> futureCovariates) {
            NeuralSpec s = net.spec();
            if (horizon > s.horizon()) {
                throw new IllegalArgumentException(name + " was trained for " + s.horizon() + " steps, not " + horizon);
            }
            double[] y = Arrays.copyOf(recent, recent.length + s.horizon());
            Arrays.fill(y, recent.length, y.length, Double.NaN);
            Map<String, double[]> cov = new LinkedHashMap<>();
            for (String c : s.covariates()) {
                double[] future = futureCovariates.get(c);
                if (future == null || future.length < horizon) {
                    throw new IllegalArgumentException(name + " needs the future values of covariate '" + c + "' for "
                            + horizon + " steps");
                }
                double[] x = Arrays.copyOf(covariates.get(c), y.length);
                Arrays.fill(x, recent.length, x.length, Double.NaN);
                System.arraycopy(future, 0, x, recent.length, horizon);
                cov.put(c, x);
            }
            return Features.at(s, y, firstStep, history.stepSeconds(), cov, recent.length);
        }

        /** The network's quantiles of this series, non-negative where the series is, as a forecast. */
        Forecast toForecast(double[][] q, int horizon) {
            return NetworkQuantiles.forecast(name, history, net.spec().levels(), q, horizon, nonNegative);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", name);
            p.put("context", net.spec().context());
            p.put("horizon", net.spec().horizon());
            p.put("hidden", net.spec().hidden());
            p.put("covariates", net.spec().covariates());
            p.put("parameter_bytes", net.sizeBytes());
            return p;
        }
    }
}
