/**
 * From a demand percentile to a capacity plan: units of capacity per step under the operator's
 * rules (target utilisation, bounds, largest step, scale-down cooldown, lead time), each change with
 * its reason; and what-if comparisons of two scenario sets.
 */
package io.prescient.plan.capacity;
