package io.prescient.neural.pretrained;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowTest {

    static final MixerSpec SPEC = new MixerSpec(64, 16, 8, 1, 8, 8, new double[] {0.1, 0.5, 0.9});

    @Test
    void theContextIsStandardisedMaskedAndPaddedAndTheLabelsWeighted() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 2 == 0 ? 90 : 110;
        }
        y[30] = Double.NaN;
        y[36] = Double.NaN;
        Window w = Window.at(y, 34, SPEC, 6, 2);
        assertEquals(100, w.loc(), 1.0);
        assertEquals(10, w.scale(), 0.5);
        assertEquals(0f, w.past()[0], "steps before the start are 0 ...");
        assertEquals(0f, w.past()[1], "... and masked");
        int at30 = 64 - 34 + 30;
        assertEquals(0f, w.past()[2 * at30 + 1], "a missing step is masked");
        assertEquals(1f, w.past()[2 * (at30 + 1) + 1]);
        assertEquals((110 - w.loc()) / w.scale(), w.past()[2 * 63], 1e-5, "the last step, standardised");
        assertEquals(3f, w.weight()[0], 1e-6, "the first two of six scored steps weigh 6, the other four 4: early steps count more");
        assertEquals(1f, w.weight()[3], 1e-6);
        assertEquals(0f, w.weight()[2], "a missing label weighs nothing");
        assertEquals(0f, w.weight()[6], "steps past the scored ones weigh nothing");
        assertEquals(110, w.restore(w.target()[1]), 1e-4);
    }

    @Test
    void tooLittleContextGivesNoWindowAndExtremesAreClipped() {
        assertNull(Window.at(new double[] {1, 2, 3}, 3, SPEC, 8, 0));
        double[] flat = new double[40];
        java.util.Arrays.fill(flat, 100);
        flat[39] = 1e9;
        Window w = Window.at(flat, 39, SPEC, 1, 0);
        assertEquals(Window.LABEL_CLIP, w.target()[0], "a jump after a flat context is clipped, not 5e8");
        assertTrue(w.scale() >= 2, "the spread is floored at 2% of the level: " + w.scale());
    }

    @Test
    void aWindowCanReadOnlyTheLastSteps() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = t < 40 ? 10 : 50 + (t % 2 == 0 ? 1 : -1);
        }
        Window w = Window.at(y, 60, SPEC, 0, 0, 20);
        assertEquals(50, w.loc(), 1e-9, "the mean of the last 20 steps only");
        assertEquals(1, w.scale(), 1e-9);
        assertEquals(0f, w.past()[2 * 43 + 1], "the step before them is unobserved");
        assertEquals(1f, w.past()[2 * 44 + 1]);
        Window whole = Window.at(y, 60, SPEC, 0, 0);
        assertEquals((40 * 10 + 20 * 50) / 60.0, whole.loc(), 1e-9, "by default the whole context is read");
        assertEquals(1f, whole.past()[2 * 4 + 1], "the series' first step");
    }
}
