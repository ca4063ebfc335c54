#!/usr/bin/env bash
# The forecast protocol's four tasks for each model, as one table (MASE, CRPS, MAE, 80% coverage,
# backtest wall time, fit+forecast CPU per series-window).
#
#   bench/forecast/run.sh [--before <duration>] [data-dir] [out-dir] [models...]
#
# --before cuts the data that long before its last step (backtest --before): the tasks on a validation
# month whose last days no choice has seen. docs/benchmarks.md chooses defaults on --before 5d, 10d and 15d.
#
# Defaults: ../shared/data/bitbrains-rnd/2013-8, /tmp/prescient-forecast-bench, and the models
# naive seasonal-naive ensemble ets auto. Data loading (~10 s per run) is not in the wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cut=()
if [ "${1:-}" = "--before" ]; then
  cut=(--before "${2:?--before needs a duration, e.g. 5d}")
  shift 2
fi
data="${1:-$root/../shared/data/bitbrains-rnd/2013-8}"
out="${2:-/tmp/prescient-forecast-bench}"
shift $(( $# > 2 ? 2 : $# ))
models=("$@")
[ ${#models[@]} -eq 0 ] && models=(naive seasonal-naive ensemble ets auto)
if [ ! -d "$data" ]; then
  echo "no data at $data: this benchmark needs the Bitbrains month (../shared/data/bitbrains-rnd/2013-8) or a path to it" >&2
  exit 2
fi
mkdir -p "$out"
for model in "${models[@]}"; do
  for task in "5m short" "5m medium" "5m long" "1h short"; do
    set -- $task
    "$root/prescient" backtest "$data" --format gwa --freq "$1" --term "$2" --model "$model" ${cut[@]+"${cut[@]}"} --out "$out/$model-$1-$2" \
      > "$out/$model-$1-$2.log" 2>&1
  done
done
printf '| model | task | MASE | CRPS | MAE | cov80 | wall s | CPU ms/series-window |\n|---|---|---|---|---|---|---|---|\n'
for model in "${models[@]}"; do
  for task in 5m-short 5m-medium 5m-long 1h-short; do
    python3 - "$out/$model-$task/metrics.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print("| %s | %s | %.4f | %.4f | %.2f | %.4f | %.1f | %.2f |" % (m["model"].replace("|", "\\|"), m["task"], m["MASE"], m["CRPS"], m["MAE"],
      m["coverage_80"], m["wall_seconds"], m.get("fit_cpu_ms_per_window", float("nan"))))
PY
  done
done
