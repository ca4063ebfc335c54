package io.prescient.forecast;

import io.prescient.forecast.model.CombinationForecaster;
import io.prescient.forecast.model.SelectionForecaster;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The models by name, for the CLI and the registry: those of every {@link ForecasterProvider} on the
 * class path (the classical ones in this module, the networks in the neural module; a new model is
 * one class plus a line in {@code META-INF/services/io.prescient.forecast.ForecasterProvider}), and
 * combinations of them written {@code a+b+...} (the members' quantiles averaged level by level, see
 * {@link CombinationForecaster}), and per-series choices written {@code a|b|...}, whose members may
 * be combinations ({@code ensemble|pretrained+ensemble}: for each series, whichever scores the lower
 * quantile loss on the last {@value #SELECTION_WINDOWS} horizons of its own history, see
 * {@link SelectionForecaster}).
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
            List<Forecaster> members = new ArrayList<>();
            for (String part : name.split("\\|", -1)) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("model choice '" + name + "' has an empty member; write e.g. ensemble|pretrained+ensemble");
                }
                members.add(create(part.strip(), stepSeconds, season, horizon));
            }
            return new SelectionForecaster(name, members, horizon, SELECTION_WINDOWS);
        }
        if (name.contains("+")) {
            List<Forecaster> members = new ArrayList<>();
            for (String part : name.split("\\+", -1)) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("model combination '" + name + "' has an empty member; write e.g. lstm+ets+ensemble");
                }
                members.add(create(part.strip(), stepSeconds, season, horizon));
            }
            return new CombinationForecaster(name, members);
        }
        for (ForecasterProvider p : ServiceLoader.load(ForecasterProvider.class, ForecasterProvider.class.getClassLoader())) {
            if (p.names().contains(name)) {
                return p.create(name, stepSeconds, season, horizon);
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: " + listed() + ", a combination a+b or a per-series choice a|b");
    }
}
