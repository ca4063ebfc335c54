package io.prescient.neural.pretrained;

/**
 * One series of a pretraining corpus: its name, where it came from (a dataset and its licence) and its
 * values on a regular grid of {@code stepSeconds} (NaN where missing).
 */
public record CorpusSeries(String name, String source, long stepSeconds, double[] values) {

    public CorpusSeries {
        if (values.length == 0) {
            throw new IllegalArgumentException("corpus series '" + name + "' is empty");
        }
    }
}
