/**
 * The fleet simulator: accounts whose VMs replay real demand traces, operated by policies of
 * different skill, emitting configuration actions and daily metrics and costs, with the ground
 * truth of who is an expert; and expert identification scored against that truth.
 */
package io.prescient.experts.fleet;
