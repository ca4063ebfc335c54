package io.prescient.forecast;

import io.prescient.forecast.model.CombinationForecaster;
import io.prescient.forecast.model.SelectionForecaster;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The models by name, for the CLI and the registry: those of every {@link ForecasterProvider} on the
 * class path (the classical ones in this module, the networks in the neural module; a new model is
 * one class plus a line in {@code META-INF/services/io.prescient.forecast.ForecasterProvider}), and
 * combinations of them written {@code a+b+...} (the members' quantiles averaged level by level) or
 * {@code a&b&...} (their distributions mixed), see {@link CombinationForecaster}, and per-series
 * choices written {@code a|b|...}, whose members may be combinations ({@code
 * ensemble|pretrained+ensemble}: for each series, whichever scores the lower quantile loss on the
 * last {@value #SELECTION_WINDOWS} horizons of its own history, see {@link SelectionForecaster}).
 * {@code |} binds loosest, then {@code &}, then {@code +}: {@code a|b&c+d} chooses between {@code a}
 * and the mixture of {@code b} with {@code c+d}.
 */
public final class Models {

    /** Validation windows, of one horizon each, that choose a member of an {@code a|b} model. */
    public static final int SELECTION_WINDOWS = 2;

    private Models() {
    }

    /** Names {@link #create} accepts (besides {@code +} combinations and {@code |} choices of them), in the providers' order. */
    public static List<String> names() {
        List<String> all = new ArrayList<>();
        for (ForecasterProvider p : ServiceLoader.load(ForecasterProvider.class, ForecasterProvider.class.getClassLoader())) {
            all.addAll(p.names());
        }
        return all;
    }

    /** The registered names as help texts list them: {@code a, b, ...}. */
    public static String listed() {
        return String.join(", ", names());
    }

    /**
     * A forecaster by name for a grid of {@code stepSeconds} whose main season is {@code season} steps, tuned for forecasts of {@code horizon} steps.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Forecaster create(String name, long stepSeconds, int season, int horizon) {
        if (name.contains("|")) {
            return new SelectionForecaster(name, members(name, "|", "ensemble|pretrained+ensemble", stepSeconds, season, horizon),
                    horizon, SELECTION_WINDOWS);
        }
        if (name.contains("&")) {
            return new CombinationForecaster(name, members(name, "&", "pretrained&ensemble", stepSeconds, season, horizon),
                    CombinationForecaster.Pooling.DISTRIBUTIONS);
        }
        if (name.contains("+")) {
            return new CombinationForecaster(name, members(name, "+", "lstm+ets+ensemble", stepSeconds, season, horizon));
        }
        for (ForecasterProvider p : ServiceLoader.load(ForecasterProvider.class, ForecasterProvider.class.getClassLoader())) {
            if (p.names().contains(name)) {
                return p.create(name, stepSeconds, season, horizon);
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: " + listed()
                + ", a combination a+b (quantiles averaged) or a&b (distributions mixed), or a per-series choice a|b");
    }

    private static List<Forecaster> members(String name, String operator, String example, long stepSeconds, int season, int horizon) {
        List<Forecaster> members = new ArrayList<>();
        for (String part : name.split(Pattern.quote(operator), -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("model '" + name + "' has an empty member; write e.g. " + example);
            }
            members.add(create(part.strip(), stepSeconds, season, horizon));
        }
        return members;
    }
}
