/** A load client for the server's read API and its refusals: latency percentiles, throughput and errors. */
package io.prescient.server.load;
