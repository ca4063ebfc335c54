package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelayModelTest {

    @Test
    void recoversTheSimulatorsTrueParametersWithinTheirIntervals() {
        int covered = 0;
        int checks = 0;
        for (long seed = 1; seed <= 10; seed++) {
            WorldParameters p = new WorldParameters(1460, 10_000, 0.001, 0.08, 0.03, 6, 0.01, 0.80, 0.95, 0.5, -3.0, 4.3, 1.0,
                    1.0, 7, 0.20, 0.15, 60, 0.75, 3, 0.3, 14, 0.15, 21, seed);
            List<LaunchDecision> log = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1)).decisions();
            DelayModel m = DelayModel.fit(log);
            for (boolean ok : new boolean[] {m.intercept().covers(p.delayIntercept()), m.pressure().covers(p.pressureEffect()),
                    m.riskAversion().covers(p.delayRiskAversion()), m.complexity().covers(p.delayComplexity())}) {
                covered += ok ? 1 : 0;
                checks++;
            }
            assertTrue(m.pressure().standardError() < 1.0, m.pressure().toString());
        }
        // 95% intervals: of 40 checks, about 38 cover the truth; fewer than 34 would mean biased estimates
        assertTrue(covered >= 34, covered + " of " + checks + " intervals cover the true parameters");
    }

    @Test
    void aLogWithoutDelaysIsRefusedWithTheReason() {
        List<LaunchDecision> log = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            log.add(new LaunchDecision(i, 0, 0.5, 0.5, false));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DelayModel.fit(log));
        assertTrue(e.getMessage().contains("no delayed launches"), e.getMessage());
    }
}
