/**
 * The provisioning replay of the replay protocol: policies set the capacity in place a lead time
 * after each observed step of a real demand trace; the replay counts cost, violations and unmet
 * demand for every member of every policy family, pooled and per series.
 */
package io.prescient.plan.replay;
