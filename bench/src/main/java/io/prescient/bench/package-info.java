/** JMH micro-benchmarks of Prescient's hot paths; run them with {@code bench/jmh.sh}. */
package io.prescient.bench;
