package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CapacityResponseModelTest {

    @Test
    void recoversTheInfrastructureTeamsTargetAndAggressiveness() {
        WorldParameters p = WorldParameters.defaults(0.5, 6);
        var history = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1)).history();
        CapacityResponseModel m = CapacityResponseModel.fit(history, p.infraLookback(), p.infraLeadDays(), p.shockDays());
        assertEquals(p.targetUtilisation(), m.target().value(), 0.011, m.target().toString());
        assertEquals(p.infraAggressiveness(), m.aggressiveness().value(), 0.021, m.aggressiveness().toString());
    }
}
