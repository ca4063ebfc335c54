/**
 * A KEDA external scaler (gRPC service {@code externalscaler.ExternalScaler}) serving Prescient's
 * planned capacity: a ScaledObject trigger names a workload, and KEDA's HPA scales to the units the
 * loop has planned for it (metric value = units, target 1 per replica).
 */
package io.prescient.server.keda;
