/** Instance types with their vCPUs, memory and hourly price, from a documented price list. */
package io.prescient.experts.catalogue;
