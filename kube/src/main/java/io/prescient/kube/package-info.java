/**
 * Actuation on Kubernetes through the fabric8 client: the loop's decisions become a Deployment's or
 * StatefulSet's replicas, or an HPA's minReplicas (raised ahead of predicted demand, so the HPA keeps
 * reacting above it). Dry-run unless configured; bounded; every request and response audited.
 */
package io.prescient.kube;
