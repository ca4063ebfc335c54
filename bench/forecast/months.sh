#!/usr/bin/env bash
# The forecast protocol's four tasks on four months: the data cut 15, 10 and 5 days before its end
# (validation months, backtest --before) and the data whole (the protocol's test windows). One table,
# a row per month and model: MASE / CRPS per task, each model's change against the first.
# docs/benchmarks.md asks a candidate default to hold up on the three validation months before its
# test windows are looked at.
#
#   bench/forecast/months.sh <data-dir> <out-dir> <baseline> [model...]
#
# e.g. bench/forecast/months.sh ../shared/data/bitbrains-rnd/2013-8 /tmp/months ensemble 'ensemble|mixture'
# Four runs of bench/forecast/run.sh (16 backtests per model); about 3 minutes a model for naive or
# the ensemble, 8 for the default, on a 2-core machine. Each month's run.sh table is <out-dir>/<month>.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 3 ]; then
  echo "usage: bench/forecast/months.sh <data-dir> <out-dir> <baseline> [model...]" >&2
  exit 2
fi
data="$1"
out="$2"
shift 2
months=(15d 10d 5d test)
mkdir -p "$out"
for month in "${months[@]}"; do
  cut=(--before "$month")
  [ "$month" = test ] && cut=()
  "$here/run.sh" ${cut[@]+"${cut[@]}"} "$data" "$out/$month" "$@" > "$out/$month.md" \
    || { echo "bench/forecast/run.sh failed on month $month: see $out/$month/*.log" >&2; exit 1; }
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
        scores = [json.load(open("%s/%s/%s-%s/metrics.json" % (out, month, model, t))) for t in tasks]
        if base is None:
            base = scores
            cells = ["%.4f / %.4f" % (s["MASE"], s["CRPS"]) for s in scores]
        else:
            cells = ["%.4f / %.4f (%+.1f%% / %+.1f%%)" % (s["MASE"], s["CRPS"], 100 * (s["MASE"] / b["MASE"] - 1),
                     100 * (s["CRPS"] / b["CRPS"] - 1)) for s, b in zip(scores, base)]
        label = "test windows" if month == "test" else "--before " + month
        print("| %s | `%s` | %s |" % (label, model.replace("|", "\\|"), " | ".join(cells)))
PY
