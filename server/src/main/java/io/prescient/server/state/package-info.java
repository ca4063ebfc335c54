/**
 * What the served planning loop knows, as immutable snapshots the API reads without locks: each
 * workload's recent demand, latest forecast and plan, accuracy and calibration, and the decisions.
 */
package io.prescient.server.state;
