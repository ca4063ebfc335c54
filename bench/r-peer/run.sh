#!/usr/bin/env bash
# Peer comparison on the protocol's H/short task: Prescient's models against R's forecast::ets and
# forecast::auto.arima on the same series and windows, scored by the same code, with CPU time per fit.
#
#   bench/r-peer/run.sh [data-dir] [every-k-th-series for ets] [every-k-th for auto.arima] [out-dir]
#
# Defaults: ../shared/data/bitbrains-rnd/2013-8, every 5th series for R ets (200 of 1000 series, 400
# fits, ~3.5 s of CPU each), every 25th for auto.arima (40 series, 80 fits; its fits take 1 s to 5
# minutes here, so each is stopped after 60 s and falls back to the last value, counted as a
# timeout), /tmp/prescient-r-peer. Installs Debian's r-cran-forecast when R's forecast package is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$root/../shared/data/bitbrains-rnd/2013-8}"
every_ets="${2:-5}"
every_arima="${3:-25}"
out="${4:-/tmp/prescient-r-peer}"
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
echo "R ets on every ${every_ets}th series, $cores processes ..."
Rscript "$root/bench/r-peer/forecast.R" "$out/panel-1h.csv" "$out/r-ets.csv" "$every_ets" "$cores" ets
echo "R auto.arima on every ${every_arima}th series, $cores processes, 60 s per fit at most ..."
Rscript "$root/bench/r-peer/forecast.R" "$out/panel-1h.csv" "$out/r-arima.csv" "$every_arima" "$cores" arima 60
# Prescient's forecasts of exactly the series each R model forecast.
subset() { awk -F, 'NR==FNR { if (FNR > 1) keep[$1","$2] = 1; next } FNR == 1 || ($1","$2) in keep' "$1" "$2"; }
score() {
  "$root/prescient" score "$data" --format gwa --freq 1h --term short --forecasts "$1" --out "${1%.csv}.metrics.json" \
    | tail -1 | sed "s|^|$2: |"
}
for r in ets arima; do
  echo
  echo "== the series R $r forecast: same windows, same scorer (H/short)"
  for m in ets ensemble; do
    subset "$out/r-$r.csv" "$out/prescient-$m/forecasts.csv" > "$out/prescient-$m-on-r-$r-series.csv"
    score "$out/prescient-$m-on-r-$r-series.csv" "prescient $m"
  done
  score "$out/r-$r.csv" "R $r"
done
echo
echo "== CPU seconds per fit"
for m in ets ensemble; do
  python3 -c "import json,sys; m=json.load(open('$out/prescient-$m/metrics.json')); print('prescient $m: %.4f s per fit (%d fits)' % (m['fit_cpu_ms_per_window']/1000, m['series']*m['windows']))"
done
for m in ets arima; do
  awk -F, -v m="$m" 'NR > 1 { s += $5; n++; if ($7 > 10 * $6 && $6 > 0) blow++; if ($4 == "timeout") late++ } END {
    printf "R %s: %.3f s per fit (%d fits, %d stopped at the time limit); 0.9 quantile above 10 x the history maximum in %d fits\n",
      m, s / n, n, late + 0, blow + 0 }' "$out/r-$m.csv.timing.csv"
done
echo
echo "== interval blow-ups"
for f in prescient-ets/forecasts.csv prescient-ensemble/forecasts.csv r-ets.csv r-arima.csv; do
  echo "$f: $(python3 "$root/bench/r-peer/blowups.py" "$out/panel-1h.csv" "$out/$f")"
done
