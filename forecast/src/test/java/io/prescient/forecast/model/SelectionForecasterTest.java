package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.GaussianForecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectionForecasterTest {

    private final SelectionForecaster selection = new SelectionForecaster("pick",
            List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(24)), 24, 2);

    @Test
    void picksTheSeasonalModelForACycleAndTheNaiveOneForARandomWalk() {
        SplittableRandom r = new SplittableRandom(4);
        double[] cycle = new double[24 * 20];
        double[] walk = new double[24 * 20];
        double level = 100;
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + r.nextDouble();
            level += 5 * (r.nextDouble() - 0.5);
            walk[t] = level;
        }
        FittedModel onCycle = selection.fit(History.of(new TimeGrid(0, 3600, cycle.length), cycle, true));
        FittedModel onWalk = selection.fit(History.of(new TimeGrid(0, 3600, walk.length), walk, true));
        assertEquals("seasonal-naive", onCycle.parameters().get("form"));
        assertEquals("naive", onWalk.parameters().get("form"));
    }

    @Test
    void aFlatSeriesGoesToTheFirstMemberOnATie() {
        double[] flat = new double[24 * 10];
        java.util.Arrays.fill(flat, 7);
        FittedModel fitted = selection.fit(History.of(new TimeGrid(0, 3600, flat.length), flat, true));
        assertEquals("naive", fitted.parameters().get("form"));
        assertEquals(7.0, fitted.forecast(24).median()[23], 1e-12);
    }

    /** Naive, counting its fits. */
    static final class CountingNaive implements Forecaster {
        int fits;

        @Override
        public String name() {
            return "naive";
        }

        @Override
        public FittedModel fit(History history) {
            fits++;
            return new NaiveForecaster().fit(history);
        }
    }

    @Test
    void aModelInSeveralMembersIsFittedOncePerWindowAndScoredAsIfFittedInEach() {
        SplittableRandom r = new SplittableRandom(9);
        double[] y = new double[24 * 10];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + 10 * r.nextDouble();
        }
        History history = History.of(new TimeGrid(0, 3600, y.length), y, true);
        CountingNaive naive = new CountingNaive();
        CombinationForecaster mixed = new CombinationForecaster("2*naive&seasonal-naive",
                List.of(naive, new SeasonalNaiveForecaster(24)), CombinationForecaster.Pooling.DISTRIBUTIONS, new double[] {2, 1});
        SelectionForecaster shared = new SelectionForecaster("pick", List.of(naive, mixed), 24, 2);
        SelectionForecaster.Chosen chosen = (SelectionForecaster.Chosen) shared.fit(history);
        assertEquals(3, naive.fits, "one fit per validation window (not one per member: five) and the winner's on the whole history");

        // the same losses as members that share nothing
        CombinationForecaster alone = new CombinationForecaster("2*naive&seasonal-naive",
                List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(24)), CombinationForecaster.Pooling.DISTRIBUTIONS,
                new double[] {2, 1});
        SelectionForecaster.Chosen apart = (SelectionForecaster.Chosen) new SelectionForecaster("pick",
                List.of(new NaiveForecaster(), alone), 24, 2).fit(history);
        assertEquals(Arrays.toString(apart.losses()), Arrays.toString(chosen.losses()));

        // two instances of the same name (trained apart, say) are not taken for one another
        CountingNaive one = new CountingNaive();
        CountingNaive other = new CountingNaive();
        new SelectionForecaster("pick", List.of(one, new CombinationForecaster("2*naive&seasonal-naive",
                List.of(other, new SeasonalNaiveForecaster(24)), CombinationForecaster.Pooling.DISTRIBUTIONS,
                new double[] {2, 1})), 24, 2).fit(history);
        assertEquals(2, Math.min(one.fits, other.fits), "each instance fitted at both windows");
    }

    @Test
    void theWindowsEndOnTheHourAndTheRoundsBetweenFitOnlyTheWinner() {
        SplittableRandom r = new SplittableRandom(3);
        double[] y = new double[24 * 12];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + 10 * r.nextDouble();
        }
        // five-minute steps from the clock's step 3: its steps 9, 21, ... fall on whole hours
        TimeGrid grid = new TimeGrid(3 * 300, 300, y.length);
        CountingNaive naive = new CountingNaive();
        SelectionForecaster choice = new SelectionForecaster("pick", List.of(naive, new SeasonalNaiveForecaster(24)), 24, 2);
        assertEquals(24 * 10 - 3, choice.validationEnd(History.of(grid.withLength(24 * 10 + 5), Arrays.copyOf(y, 24 * 10 + 5), true)));
        assertEquals(24 * 10 - 3, choice.validationEnd(History.of(grid.withLength(24 * 10 - 3), Arrays.copyOf(y, 24 * 10 - 3), true)));
        assertEquals(24 * 10 + 5, choice.validationEnd(History.of(new TimeGrid(3 * 3600, 3600, 24 * 10 + 5), Arrays.copyOf(y, 24 * 10 + 5),
                true)), "an hourly grid validates up to its last step");
        assertEquals(24 * 10 + 1, new SelectionForecaster("pick", List.of(new NaiveForecaster()), 5, 2).validationEnd(
                History.of(grid.withLength(24 * 10 + 4), Arrays.copyOf(y, 24 * 10 + 4), true)),
                "a horizon of 25 minutes: the largest division of the hour it spans, 20 minutes");

        // six rounds, five minutes apart, within one hour: the candidates are validated once
        double[] losses = null;
        for (int n = 24 * 10 - 3; n < 24 * 10 + 3; n++) {
            SelectionForecaster.Chosen chosen = (SelectionForecaster.Chosen) choice.fit(History.of(grid.withLength(n), Arrays.copyOf(y, n), true));
            assertEquals("seasonal-naive", chosen.member());
            losses = losses == null ? chosen.losses() : losses;
            assertEquals(Arrays.toString(losses), Arrays.toString(chosen.losses()));
        }
        assertEquals(2, naive.fits, "naive fitted at the two windows once, and never as the winner");

        // a value changed inside the windows is a different history: validated again, and as a fresh choice would
        double[] changed = Arrays.copyOf(y, 24 * 10);
        changed[24 * 9] += 500;
        History other = History.of(grid.withLength(changed.length), changed, true);
        SelectionForecaster.Chosen again = (SelectionForecaster.Chosen) choice.fit(other);
        int asWinner = again.member().equals("naive") ? 1 : 0;
        assertEquals(4 + asWinner, naive.fits);
        SelectionForecaster fresh = new SelectionForecaster("pick", List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(24)), 24, 2);
        assertEquals(Arrays.toString(((SelectionForecaster.Chosen) fresh.fit(other)).losses()), Arrays.toString(again.losses()));
        // the next hour: validated again
        SelectionForecaster.Chosen next = (SelectionForecaster.Chosen) choice.fit(History.of(grid.withLength(24 * 11 - 3),
                Arrays.copyOf(y, 24 * 11 - 3), true));
        assertEquals(6 + asWinner + (next.member().equals("naive") ? 1 : 0), naive.fits);
    }

    @Test
    void aStoredChoiceRemembersNothingAndStillChooses() throws Exception {
        double[] y = new double[24 * 10];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24);
        }
        History history = History.of(new TimeGrid(0, 3600, y.length), y, true);
        selection.fit(history);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(selection);
        }
        Forecaster back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Forecaster) in.readObject();
        }
        assertEquals("seasonal-naive", back.fit(history).parameters().get("form"));
    }

    @Test
    void aChoiceStoredBeforeTheMemoLoadsAndChoosesAsANewOne() throws Exception {
        // ensemble|mixture for hourly steps and a day's horizon, written by 13e0e2c
        Object stored;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(getClass().getResourceAsStream("choice-before-memo.bin"))) {
            stored = in.readObject();
        }
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[24 * 12];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + 10 * r.nextDouble();
        }
        History history = History.of(new TimeGrid(0, 3600, y.length), y, true);
        SelectionForecaster.Chosen old = (SelectionForecaster.Chosen) ((Forecaster) stored).fit(history);
        SelectionForecaster.Chosen now = (SelectionForecaster.Chosen) io.prescient.forecast.Models.create("ensemble|mixture", 3600, 24, 24)
                .fit(history);
        assertEquals(now.member(), old.member());
        assertEquals(Arrays.toString(now.losses()), Arrays.toString(old.losses()));
        assertEquals(Arrays.toString(now.forecast(24).median()), Arrays.toString(old.forecast(24).median()));
    }

    /** A global model that forecasts perfectly what it was trained on, and the series' first value beyond it. */
    record Memoriser(double[] memory) implements Forecaster {

        @Override
        public String name() {
            return "memoriser";
        }

        @Override
        public boolean needsTraining() {
            return true;
        }

        @Override
        public Forecaster train(List<History> histories) {
            return new Memoriser(histories.get(0).target());
        }

        @Override
        public FittedModel fit(History history) {
            int from = history.length();
            return new FittedModel() {
                @Override
                public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
                    double[] mean = new double[steps];
                    for (int h = 0; h < steps; h++) {
                        mean[h] = from + h < memory.length ? memory[from + h] : memory[0];
                    }
                    double[] sd = new double[steps];
                    Arrays.fill(sd, 1e-3);
                    return new GaussianForecast(history.grid().withLength(steps), "memoriser", mean, sd, false);
                }

                @Override
                public Map<String, Object> parameters() {
                    return Map.of();
                }
            };
        }
    }

    @Test
    void aTrainedMemberIsScoredOnWindowsItDidNotLearn() {
        double[] cycle = new double[24 * 20];
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + (t * 7919 % 13) / 13.0;
        }
        History history = History.of(new TimeGrid(0, 3600, cycle.length), cycle, true);
        SelectionForecaster choice = new SelectionForecaster("pick", List.of(new Memoriser(new double[1]),
                new SeasonalNaiveForecaster(24)), 24, 2);
        FittedModel fitted = choice.train(List.of(history)).fit(history);
        assertEquals("seasonal-naive", fitted.parameters().get("form"), "the memoriser saw the validation windows");
    }

    @Test
    void aTrainedMemberThatCannotLearnWithoutTheWindowsLosesThemInsteadOfFailing() {
        double[] cycle = new double[24 * 6];
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + (t * 7919 % 13) / 13.0;
        }
        History history = History.of(new TimeGrid(0, 3600, cycle.length), cycle, true);
        SelectionForecaster choice = new SelectionForecaster("pick", List.of(new LongHistoryMemoriser(24 * 5),
                new SeasonalNaiveForecaster(24)), 24, 2);
        FittedModel fitted = choice.train(List.of(history)).fit(history);
        assertEquals("seasonal-naive", fitted.parameters().get("form"));
    }

    @Test
    void aHistoryThatHasNotReachedAWholeHourYetGoesToTheFirstMember() {
        // five-minute steps from 00:15: five steps end at 00:40, before the grid's first whole hour
        History history = History.of(new TimeGrid(900, 300, 5), new double[] {1, 2, 3, 4, 5}, true);
        SelectionForecaster choice = new SelectionForecaster("pick", List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(2)), 12, 2);
        assertEquals(0, choice.validationEnd(history));
        assertEquals("naive", choice.fit(history).parameters().get("form"));
    }

    /** Naive, noting the length of each history it is trained on. */
    record TrainedOn(List<Integer> lengths) implements Forecaster {

        @Override
        public String name() {
            return "trained-on";
        }

        @Override
        public boolean needsTraining() {
            return true;
        }

        @Override
        public Forecaster train(List<History> histories) {
            lengths.add(histories.get(0).length());
            return this;
        }

        @Override
        public FittedModel fit(History history) {
            return new NaiveForecaster().fit(history);
        }
    }

    @Test
    void onAFiveMinuteGridTheScoringCopyIsTrainedUpToTheWindowsBeforeTheHour() {
        // five-minute steps from 00:15; 581 steps end at 48:40, so the windows end at the whole hour 48:00 (step 573)
        double[] y = new double[581];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 288) + (t * 7919 % 13) / 13.0;
        }
        History history = History.of(new TimeGrid(900, 300, y.length), y, true);
        List<Integer> lengths = new ArrayList<>();
        SelectionForecaster choice = new SelectionForecaster("pick", List.of(new TrainedOn(lengths), new NaiveForecaster()), 12, 2);
        assertEquals(573, choice.validationEnd(history));
        choice.train(List.of(history));
        assertEquals(List.of(581, 573 - 2 * 12), lengths, "the member on the whole history, its scoring copy up to the first window");
    }

    /** A memoriser that refuses to train on histories shorter than {@code minimum} steps, as a network does. */
    record LongHistoryMemoriser(int minimum) implements Forecaster {

        @Override
        public String name() {
            return "memoriser";
        }

        @Override
        public boolean needsTraining() {
            return true;
        }

        @Override
        public Forecaster train(List<History> histories) {
            if (histories.get(0).length() < minimum) {
                throw new IllegalArgumentException("no history is long enough");
            }
            return new Memoriser(histories.get(0).target());
        }

        @Override
        public FittedModel fit(History history) {
            throw new IllegalStateException("not trained");
        }
    }
}
