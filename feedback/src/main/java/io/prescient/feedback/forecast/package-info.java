/**
 * Naive and feedback-aware 30-day demand forecasts: the naive one extrapolates base demand and adds
 * the launch calendar as planned; the feedback-aware one simulates forward how pressure will delay
 * launches and drive efficiency work under the capacity the infrastructure policy will provide,
 * with the behaviour models fitted from history.
 */
package io.prescient.feedback.forecast;
