/**
 * Configuration-action logs in real formats (AWS CloudTrail events, Kubernetes audit events) and a
 * generic CSV, normalised to {@link io.prescient.experts.actions.ConfigAction}s, with keyed
 * pseudonymisation of account ids before anything is stored for training.
 */
package io.prescient.experts.actions;
