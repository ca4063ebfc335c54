/**
 * The planning loop on Apache Flink: a job keyed by workload whose per-key state holds the recent
 * history on the grid and the loop's position, planning with the same {@link io.prescient.plan.loop.LoopPosition}
 * round as the simulated clock and the server; metric points in from Kafka or files, plans out to Kafka or files.
 */
package io.prescient.flink;
