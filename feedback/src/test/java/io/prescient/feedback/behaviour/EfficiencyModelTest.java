package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EfficiencyModelTest {

    @Test
    void recoversRateCeilingAndLearningTime() {
        WorldParameters p = WorldParameters.defaults(0.5, 4);
        EfficiencyModel m = EfficiencyModel.fit(new WorldSimulator(p).run(LocalDate.of(2026, 1, 1)).history());
        assertEquals(p.learningDays(), m.learningDays(), 0.0);
        assertTrue(m.rate().covers(p.efficiencyRate()) || Math.abs(m.rate().value() - p.efficiencyRate()) < 1e-9, m.rate().toString());
        assertTrue(m.ceiling().covers(p.efficiencyCeiling()) || Math.abs(m.ceiling().value() - p.efficiencyCeiling()) < 1e-9,
                m.ceiling().toString());
    }
}
