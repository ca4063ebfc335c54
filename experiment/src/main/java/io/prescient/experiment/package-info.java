/**
 * A/B tests on real units (pools, clusters, resources, accounts): stratified random assignment
 * exported for the people who apply it, their observed outcomes ingested from a file, and a
 * sequential analysis (O'Brien-Fleming looks, repeated Welch and bootstrap intervals) that may stop
 * early. Capacity-policy experiments and recommendation experiments use the same one.
 */
package io.prescient.experiment;
