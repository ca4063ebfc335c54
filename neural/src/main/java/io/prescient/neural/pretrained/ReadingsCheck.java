package io.prescient.neural.pretrained;

import io.prescient.forecast.Quantiles;
import io.prescient.forecast.eval.Scores;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the recent reading ({@link ContextMembers}) helps a network, measured where it was
 * chosen: on the held-out end of each corpus series (the stretch {@link Pretraining} never trains
 * on), the quantile loss of the whole-context reading alone against the forecaster's combined
 * readings, for the first {@code steps} steps: the deciles' quantile loss standardised by each
 * window's spread (floored at 2% of the scored values' level) and averaged over series (every series alike), and the protocol's weighted CRPS
 * ({@link Scores}: in units, over the sum of absolute values, so large series weigh more).
 */
public final class ReadingsCheck {

    /**
     * @param steps           steps scored from each held-out end
     * @param series          series whose held-out end is at least that long
     * @param withRecent      of them, those the forecaster gives a recent reading
     * @param lossWhole       standardised decile loss per point, whole context alone
     * @param lossReadings    the same, the forecaster's readings
     * @param crpsWhole       weighted CRPS, whole context alone
     * @param crpsReadings    the same, the forecaster's readings
     */
    public record Result(int steps, int series, int withRecent, double lossWhole, double lossReadings, double crpsWhole,
                         double crpsReadings) {

        /** The change in standardised loss, e.g. -0.02 for 2% lower. */
        public double lossChange() {
            return lossReadings / lossWhole - 1;
        }
    }

    private ReadingsCheck() {
    }

    public static Result run(MixerNet net, List<CorpusSeries> corpus, int steps) {
        MixerSpec spec = net.spec();
        if (steps < 1 || steps > spec.horizon()) {
            throw new IllegalArgumentException("steps must be 1 to " + spec.horizon() + ", not " + steps);
        }
        double[] levels = spec.levels();
        List<ContextMembers> members = new ArrayList<>();
        List<double[]> truths = new ArrayList<>();
        for (CorpusSeries s : corpus) {
            double[] y = s.values();
            int held = Math.min(spec.horizon(), y.length / 5);
            if (held < steps) {
                continue;
            }
            int origin = y.length - held;
            ContextMembers m = ContextMembers.at(y, origin, spec, 0);
            if (m != null) {
                members.add(m);
                truths.add(java.util.Arrays.copyOfRange(y, origin, origin + steps));
            }
        }
        Scores pooledWhole = new Scores();
        Scores pooledReadings = new Scores();
        double lossWhole = 0;
        double lossReadings = 0;
        int scored = 0;
        int withRecent = 0;
        for (int from = 0; from < members.size(); from += PretrainedForecaster.BATCH) {
            List<ContextMembers> batch = members.subList(from, Math.min(members.size(), from + PretrainedForecaster.BATCH));
            double[][][] predicted = net.predict(ContextMembers.flatten(batch), steps);
            int reading = 0;
            for (int i = 0; i < batch.size(); i++) {
                ContextMembers m = batch.get(i);
                Scores whole = score(truths.get(from + i), predicted[reading], levels);
                Scores readings = score(truths.get(from + i), m.combine(predicted, reading), levels);
                reading += m.windows().size();
                if (whole.points() > 0) {
                    withRecent += m.windows().size() - 1;
                    // the spread floored at 2% of the scored values' level: an idle context before a busy
                    // stretch has a spread near 0 and would outweigh every other series
                    double spread = Math.max(m.whole().scale(), 0.02 * whole.absTargetSum() / whole.points());
                    double perPoint = whole.points() * (double) Quantiles.DECILES.length * spread;
                    lossWhole += whole.quantileLossSum() / perPoint;
                    lossReadings += readings.quantileLossSum() / perPoint;
                    pooledWhole.plus(whole);
                    pooledReadings.plus(readings);
                    scored++;
                }
            }
        }
        if (scored == 0) {
            throw new IllegalArgumentException("no corpus series has a held-out end of " + steps + " steps with a value in it");
        }
        return new Result(steps, scored, withRecent, lossWhole / scored, lossReadings / scored, pooledWhole.crps(),
                pooledReadings.crps());
    }

    /** The protocol's scores of one forecast ({@code [step][level]}) against the truth, without MASE. */
    private static Scores score(double[] truth, double[][] quantiles, double[] levels) {
        Scores s = new Scores();
        double[] deciles = new double[Quantiles.DECILES.length];
        for (int h = 0; h < truth.length; h++) {
            for (int k = 0; k < deciles.length; k++) {
                deciles[k] = Quantiles.interpolate(levels, quantiles[h], Quantiles.DECILES[k]);
            }
            s.add(truth[h], deciles, Double.NaN);
        }
        return s;
    }
}
