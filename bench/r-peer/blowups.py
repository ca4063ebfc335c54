"""Interval blow-ups in a protocol forecast file: windows whose 0.9 quantile exceeds 10 times the
largest value of the series' history before the window (R's multiplicative ETS reaches 4e10 on a
series whose maximum is 159). Usage: python3 blowups.py <panel.csv from prescient export> <forecasts.csv>"""
import csv
import sys

H, m = 48, 24
with open(sys.argv[1]) as f:
    rows = list(csv.reader(f))
names, data = rows[0][1:], rows[1:]
L = len(data)
W = min(max(1, -(-L // (10 * H))), 20)
columns = {name: [float(r[i + 1]) if r[i + 1] else float("nan") for r in data] for i, name in enumerate(names)}
worst, count, windows = {}, 0, set()
with open(sys.argv[2]) as f:
    for r in csv.DictReader(f):
        key = (r["item_id"], r["variate"], int(r["window"]))
        windows.add(key)
        q90 = float(r["q0.9"])
        if q90 > worst.get(key, float("-inf")):
            worst[key] = q90
for (item, variate, window), q90 in worst.items():
    start = L - (W - window) * H
    history = [v for v in columns[f"{item}/{variate}"][:start] if v == v]
    top = max(history) if history else 0
    if top > 0 and q90 > 10 * top:
        count += 1
ratio = max((q / max([v for v in columns[f"{i}/{v_}"][:L - (W - w) * H] if v == v] or [1]) if q > 0 else 0)
            for (i, v_, w), q in worst.items())
print(f"{count} of {len(windows)} windows with q0.9 above 10x the history maximum; largest ratio {ratio:.3g}")
