package io.prescient.experts.fleet;

/**
 * One decision in the simulator: what the policy saw, the move it chose (its index in the action
 * space) and the reward of the day that followed; {@code last} marks a VM's final decision.
 */
public record Step(String account, int day, Observation observation, int move, double reward, boolean last) {
}
