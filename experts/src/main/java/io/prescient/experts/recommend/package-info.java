/**
 * Recommendations: the learnt policy's proposed change for each VM with an explanation a person can
 * check, accept/reject decisions and applied changes in an audit log, and the actuators that apply them.
 */
package io.prescient.experts.recommend;
