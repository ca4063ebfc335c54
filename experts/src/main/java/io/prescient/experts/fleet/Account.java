package io.prescient.experts.fleet;

import java.util.List;

/** An account: its resources and (in the simulator) the skill that operates them, the ground truth. */
public record Account(String id, Skill skill, List<Resource> resources) {

    public Account {
        resources = List.copyOf(resources);
    }
}
