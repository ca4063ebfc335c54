package io.prescient.neural.pretrained;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadCalibrationTest {

    static final double[] LEVELS = {0.1, 0.5, 0.9};

    /** Labels N(0, sigma) around the median; the network's band is that of N(0, sigma / width). */
    static SpreadCalibration fitted(double sigma, double width) {
        MixerSpec spec = new MixerSpec(64, 16, 8, 1, 8, 4, LEVELS);
        SplittableRandom r = new SplittableRandom(3);
        List<Window> windows = new ArrayList<>();
        double[][][] predicted = new double[400][4][3];
        for (int i = 0; i < 400; i++) {
            float[] target = new float[4];
            float[] weight = new float[4];
            for (int h = 0; h < 4; h++) {
                target[h] = (float) (sigma * r.nextGaussian());
                weight[h] = 1;
                predicted[i][h] = new double[] {-1.2816 * sigma / width, 0, 1.2816 * sigma / width};
            }
            windows.add(new Window(new float[2 * spec.context()], target, weight, 0, 1));
        }
        return SpreadCalibration.fit(predicted, windows, LEVELS);
    }

    @Test
    void aBandTooNarrowIsWidenedAndACalibratedOneKept() {
        SpreadCalibration narrow = fitted(10, 1.5);
        assertEquals(1.5, narrow.factors()[0], 0.16, "the band widens by the missing factor");
        assertEquals(1.5, narrow.factors()[2], 0.16);
        assertEquals(1.0, narrow.factors()[1], "the median stays");
        SpreadCalibration right = fitted(10, 1.0);
        assertEquals(1.0, right.factors()[2], 0.11);
        assertEquals(0.5, fitted(10, 0.5).factors()[0], 0.06, "a band twice too wide narrows");
        double[] q = narrow.apply(new double[] {8, 10, 12}, LEVELS);
        assertTrue(q[0] < 8 && q[2] > 12 && q[1] == 10, java.util.Arrays.toString(q));
    }
}
