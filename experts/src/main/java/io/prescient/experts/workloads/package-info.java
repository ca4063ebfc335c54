/**
 * Kubernetes workloads as first-class resources: their configuration as the audit log last set it
 * (replicas, container requests), their usage from a metrics file with declared units, and
 * recommendations of requests (VPA-style: a percentile of a decaying usage histogram plus a margin)
 * and replicas (the demand's P95 at a target utilisation), explained, ranked by net benefit and
 * applied through the Kubernetes actuator.
 */
package io.prescient.experts.workloads;
