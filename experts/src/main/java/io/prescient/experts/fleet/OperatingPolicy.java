package io.prescient.experts.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Decides, once a day, the configuration change for each VM an account runs. */
public interface OperatingPolicy {

    ActionSpace.Move decide(Observation observation, SplittableRandom random);

    /**
     * Decisions for many VMs at once (learnt policies answer in one batch); each VM draws from its
     * own random stream, so a VM's decisions do not depend on which others are decided with it.
     */
    default List<ActionSpace.Move> decideAll(List<Observation> observations, List<SplittableRandom> randoms) {
        List<ActionSpace.Move> out = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            out.add(decide(observations.get(i), randoms.get(i)));
        }
        return out;
    }
}
