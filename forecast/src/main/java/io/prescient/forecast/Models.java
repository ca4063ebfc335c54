package io.prescient.forecast;

import io.prescient.forecast.model.CombinationForecaster;
import io.prescient.forecast.model.SelectionForecaster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models by name, for the CLI and the registry: those of every {@link ForecasterProvider} on the
 * class path (the classical ones in this module, the networks in the neural module; a new model is
 * one class plus a line in {@code META-INF/services/io.prescient.forecast.ForecasterProvider}), and
 * combinations of them written {@code a+b+...} (the members' quantiles averaged level by level) or
 * {@code a&b&...} (their distributions mixed), see {@link CombinationForecaster}, and per-series
 * choices written {@code a|b|...}, whose members may be combinations ({@code
 * ensemble|pretrained+ensemble}: for each series, whichever scores the lower quantile loss on the
 * last {@value #SELECTION_WINDOWS} horizons of its own history up to the clock's last whole hour, see
 * {@link SelectionForecaster}).
 * {@code |} binds loosest, then {@code &}, then {@code +}: {@code a|b&c+d} chooses between {@code a}
 * and the mixture of {@code b} with {@code c+d}. A member of {@code +} or {@code &} may carry a weight,
 * {@code 2*ensemble&analog&recent}, as if it were written that many times; {@code *} binds tightest,
 * to one model.
 */
public final class Models {

    /** Validation windows, of one horizon each, that choose a member of an {@code a|b} model. */
    public static final int SELECTION_WINDOWS = 2;

    /** A member with a weight: {@code 2*ensemble}, {@code 0.5 * analog}. */
    private static final Pattern WEIGHTED = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*\\*(.*)", Pattern.DOTALL);

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
        return create(name, stepSeconds, season, horizon, new HashMap<>());
    }

    /**
     * {@link #create}, with the registered models already made for this expression: a name written
     * twice ({@code ensemble|2*ensemble&analog}) is one instance, which a choice fits once per
     * validation window.
     */
    private static Forecaster create(String name, long stepSeconds, int season, int horizon, Map<String, Forecaster> made) {
        if (name.contains("|")) {
            return new SelectionForecaster(name, members(name, "|", "ensemble|pretrained+ensemble", stepSeconds, season, horizon, made),
                    horizon, SELECTION_WINDOWS);
        }
        if (name.contains("&")) {
            return combination(name, "&", "2*ensemble&analog", CombinationForecaster.Pooling.DISTRIBUTIONS, stepSeconds, season, horizon, made);
        }
        if (name.contains("+")) {
            return combination(name, "+", "lstm+ets+ensemble", CombinationForecaster.Pooling.QUANTILES, stepSeconds, season, horizon, made);
        }
        if (WEIGHTED.matcher(name).matches()) {
            throw new IllegalArgumentException("model '" + name + "': a weight belongs to a member of a+b or a&b, e.g. 2*ensemble&analog");
        }
        for (ForecasterProvider p : ServiceLoader.load(ForecasterProvider.class, ForecasterProvider.class.getClassLoader())) {
            if (p.names().contains(name)) {
                Forecaster model = made.get(name);
                if (model == null) {
                    model = p.create(name, stepSeconds, season, horizon, member -> create(member, stepSeconds, season, horizon, made));
                    made.put(name, model);
                }
                return model;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: " + listed()
                + ", a combination a+b (quantiles averaged) or a&b (distributions mixed), or a per-series choice a|b");
    }

    /** The members of {@code a&b} or {@code a+b}, each with its weight ({@code 2*a}; 1 when none is written). */
    private static CombinationForecaster combination(String name, String operator, String example, CombinationForecaster.Pooling pooling,
                                                     long stepSeconds, int season, int horizon, Map<String, Forecaster> made) {
        List<Forecaster> members = new ArrayList<>();
        List<String> parts = List.of(name.split(Pattern.quote(operator), -1));
        double[] weights = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i).strip();
            weights[i] = 1;
            Matcher weighted = WEIGHTED.matcher(part);
            if (weighted.matches() && !weighted.group(2).contains("+")) {
                weights[i] = Double.parseDouble(weighted.group(1));
                part = weighted.group(2).strip();
                if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("model '" + name + "': the weight of " + part + " must be a positive number; write e.g. " + example);
                }
            }
            if (part.isBlank()) {
                throw new IllegalArgumentException("model '" + name + "' has an empty member; write e.g. " + example);
            }
            members.add(create(part, stepSeconds, season, horizon, made));
        }
        return new CombinationForecaster(name, members, pooling, weights);
    }

    private static List<Forecaster> members(String name, String operator, String example, long stepSeconds, int season, int horizon,
                                            Map<String, Forecaster> made) {
        List<Forecaster> members = new ArrayList<>();
        for (String part : name.split(Pattern.quote(operator), -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("model '" + name + "' has an empty member; write e.g. " + example);
            }
            members.add(create(part.strip(), stepSeconds, season, horizon, made));
        }
        return members;
    }
}
