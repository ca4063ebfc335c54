/**
 * A/B tests of recommendations: stratified random assignment of accounts, outcome metrics, effect
 * estimates with Welch and bootstrap intervals, and a group-sequential stopping rule.
 */
package io.prescient.experts.ab;
