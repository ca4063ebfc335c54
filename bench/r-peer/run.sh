#!/usr/bin/env bash
# Peer comparison on the protocol's H/short task: Prescient's models against R's forecast::ets and
# forecast::auto.arima on the same series and windows, scored by the same code, with CPU time per fit.
#
#   bench/r-peer/run.sh [data-dir] [every-k-th-series] [out-dir]
#
# Defaults: ../shared/data/bitbrains-rnd/2013-8, every 10th series (100 of 1000, 200 fits per R model),
# /tmp/prescient-r-peer. Installs Debian's r-cran-forecast when R's forecast package is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$root/../shared/data/bitbrains-rnd/2013-8}"
every="${2:-10}"
out="${3:-/tmp/prescient-r-peer}"
if [ ! -d "$data" ]; then
  echo "no data at $data: this benchmark needs the Bitbrains month (../shared/data/bitbrains-rnd/2013-8) or a path to it" >&2
  exit 2
fi
if ! Rscript -e 'suppressPackageStartupMessages(library(forecast))' >/dev/null 2>&1; then
  echo "installing r-cran-forecast (Debian) ..."
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq r-cran-forecast >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq r-cran-forecast >/dev/null; fi
fi
mkdir -p "$out"
cores="$(nproc)"
"$root/prescient" export "$data" --format gwa --freq 1h --out "$out/panel-1h.csv"
for model in ets ensemble; do
  "$root/prescient" backtest "$data" --format gwa --freq 1h --term short --model "$model" --out "$out/prescient-$model" \
    | tee "$out/prescient-$model.log"
done
for model in ets arima; do
  echo "R $model on every ${every}th series, $cores processes ..."
  /usr/bin/time -f "R $model wall %e s" Rscript "$root/bench/r-peer/forecast.R" "$out/panel-1h.csv" "$out/r-$model.csv" \
    "$every" "$cores" "$model"
done
# The same subset of Prescient's forecasts: the items R forecast.
awk -F, 'NR==FNR { if (FNR > 1) keep[$1","$2] = 1; next } FNR == 1 || ($1","$2) in keep' \
  "$out/r-ets.csv" "$out/prescient-ets/forecasts.csv" > "$out/prescient-ets-subset.csv"
awk -F, 'NR==FNR { if (FNR > 1) keep[$1","$2] = 1; next } FNR == 1 || ($1","$2) in keep' \
  "$out/r-ets.csv" "$out/prescient-ensemble/forecasts.csv" > "$out/prescient-ensemble-subset.csv"
echo
echo "== same series, same windows, same scorer (H/short)"
for f in prescient-ets-subset prescient-ensemble-subset r-ets r-arima; do
  "$root/prescient" score "$data" --format gwa --freq 1h --term short --forecasts "$out/$f.csv" --out "$out/$f.metrics.json" \
    | sed "s|^|$f: |"
done
echo
echo "== CPU seconds per fit"
for m in ets ensemble; do
  python3 -c "import json,sys; m=json.load(open('$out/prescient-$m/metrics.json')); print('prescient $m: %.4f s per fit (%d fits)' % (m['fit_cpu_ms_per_window']/1000, m['series']*m['windows']))"
done
for m in ets arima; do
  awk -F, -v m="$m" 'NR > 1 { s += $5; n++; if ($7 > 1000 * $6 && $6 > 0) blow++ } END {
    printf "R %s: %.3f s per fit (%d fits); 0.9 quantile above 1000 x the history maximum in %d fits\n", m, s / n, n, blow + 0 }' \
    "$out/r-$m.csv.timing.csv"
done
