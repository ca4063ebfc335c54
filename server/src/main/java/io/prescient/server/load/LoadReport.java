package io.prescient.server.load;

import java.util.Map;

/**
 * What a load run measured.
 *
 * @param clients      concurrent clients
 * @param seconds      measured duration
 * @param requests     requests completed
 * @param errors       requests that failed (transport error or a status other than 200)
 * @param p50Millis    latency percentiles over all requests
 * @param p99Millis    99th percentile latency
 * @param maxMillis    slowest request
 * @param byPath       p99 per path
 * @param refusals     bad requests sent afterwards, each with the status it got
 * @param upAfter      whether /api/health answered 200 after the bad requests
 */
public record LoadReport(int clients, double seconds, long requests, long errors, double p50Millis, double p95Millis, double p99Millis,
                         double maxMillis, Map<String, Double> byPath, Map<String, Integer> refusals, boolean upAfter) {

    public double perSecond() {
        return requests / seconds;
    }
}
