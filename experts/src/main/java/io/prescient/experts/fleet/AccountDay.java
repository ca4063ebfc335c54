package io.prescient.experts.fleet;

/**
 * One account's day: what its resources cost, the demand they served (vCPU-hours), their mean
 * utilisation, their peak utilisation (each resource's 95th percentile hour, averaged), the share of
 * its resources whose peak utilisation was in the well-sized band (45% to 85%), and the hours any
 * resource's demand exceeded its vCPUs (SLA violations); {@code outOfBandRun} is the longest run, up
 * to that day, of consecutive days any one resource spent outside the band (how long mis-sizing lasts).
 */
public record AccountDay(String account, int day, double costUsd, double servedVcpuHours, double utilisation,
                         double peakUtilisation, double wellSized, int outOfBandRun, int violationHours, int changes) {
}
