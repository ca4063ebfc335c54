/**
 * Feedback-aware planning: capacity decisions change what teams do, which changes demand. The
 * {@code world} package simulates that loop (and makes synthetic histories with known parameters);
 * {@code equilibrium} solves for the demand that is consistent with the behaviour it provokes.
 */
package io.prescient.feedback;
