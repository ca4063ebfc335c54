#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them: bench/jmh.sh [JMH options, e.g. MonteCarloBench -f 1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl bench -am install) >&2
exec java -cp "$root/bench/target/classes:$root/bench/target/lib/*" org.openjdk.jmh.Main "$@"
