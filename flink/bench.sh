#!/usr/bin/env bash
# Throughput of the planning job on a local MiniCluster (io.prescient.flink.PlanningBench).
#   flink/bench.sh --workloads 100000 --parallelism 2 [--model seasonal-naive] [--paths 200]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl flink -am >&2
(cd flink && mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2)
cp="$(cat flink/target/bench.classpath)"
exec java ${BENCH_OPTS:--Xmx4g} -cp "flink/target/classes:$cp" io.prescient.flink.PlanningBench "$@"
