#!/usr/bin/env bash
# The forecast protocol's four tasks on four months: the data cut 15, 10 and 5 days before its end
# (validation months, backtest --before) and the data whole (the protocol's test windows). One table:
# MASE / CRPS per task and month, each model's change against the first. docs/benchmarks.md asks a
# candidate default to hold up on the three validation months before its test windows are looked at.
#
#   bench/forecast/months.sh [data-dir] [out-dir] baseline model...
#
# Defaults: ../shared/data/bitbrains-rnd/2013-8 and /tmp/prescient-forecast-months. About 20 runs of
# bench/forecast/run.sh's time: 5 minutes for the ensemble, 20 for the default on a 2-core machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:-$here/../../../shared/data/bitbrains-rnd/2013-8}"
out="${2:-/tmp/prescient-forecast-months}"
shift $(( $# > 2 ? 2 : $# ))
[ $# -ge 2 ] || { echo "usage: bench/forecast/months.sh [data-dir] [out-dir] baseline model..." >&2; exit 2; }
months=(15d 10d 5d test)
mkdir -p "$out"
for month in "${months[@]}"; do
  if [ "$month" = test ]; then
    "$here/run.sh" "$data" "$out/$month" "$@" > "$out/$month.md"
  else
    "$here/run.sh" --before "$month" "$data" "$out/$month" "$@" > "$out/$month.md"
  fi
done
python3 - "$out" "${months[@]}" -- "$@" <<'PY'
import json, sys
args = sys.argv[1:]
out, months, models = args[0], args[1:args.index("--")], args[args.index("--") + 1:]
tasks = ["5m-short", "5m-medium", "5m-long", "1h-short"]
print("| month | model | 5T/short | 5T/medium | 5T/long | H/short |\n|---|---|---|---|---|---|")
for month in months:
    base = None
    for model in models:
        cells = []
        scores = [json.load(open("%s/%s/%s-%s/metrics.json" % (out, month, model, t))) for t in tasks]
        if base is None:
            base = scores
            cells = ["%.4f / %.4f" % (s["MASE"], s["CRPS"]) for s in scores]
        else:
            cells = ["%.4f / %.4f (%+.1f%% / %+.1f%%)" % (s["MASE"], s["CRPS"], 100 * (s["MASE"] / b["MASE"] - 1),
                     100 * (s["CRPS"] / b["CRPS"] - 1)) for s, b in zip(scores, base)]
        label = "test windows" if month == "test" else "--before " + month
        print("| %s | %s | %s |" % (label, model.replace("|", "\\|"), " | ".join(cells)))
PY
