/** Analysis of the feedback loop: how strongly demand responds, and whether the loop is stable, oscillating or divergent. */
package io.prescient.feedback.analysis;
