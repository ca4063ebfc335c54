/**
 * Learning operating policies: state features of a VM, a small policy network (DJL), behavioural
 * cloning on experts' decisions, PPO fine-tuning in the fleet simulator, and the learnt policy.
 */
package io.prescient.experts.learn;
