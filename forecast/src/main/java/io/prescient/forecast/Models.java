package io.prescient.forecast;

import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.forecast.model.SeasonalNaiveForecaster;

import java.util.List;

/** The models by name, for the CLI and the registry. */
public final class Models {

    private Models() {
    }

    /** Names {@link #create} accepts. */
    public static List<String> names() {
        return List.of("naive", "seasonal-naive");
    }

    /**
     * A forecaster by name for a grid of {@code stepSeconds} whose main season is {@code season} steps.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Forecaster create(String name, long stepSeconds, int season) {
        return switch (name) {
            case "naive" -> new NaiveForecaster();
            case "seasonal-naive" -> new SeasonalNaiveForecaster(season);
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: " + names());
        };
    }
}
