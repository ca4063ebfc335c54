# Generates samples/shop.csv: 14 days of hourly demand for a web shop, wide layout
# (timestamp,requests,active_users), about 2.5 requests/s per active user. Deterministic (seeded):
#   python3 samples/shop-csv.py > samples/shop.csv
import math, random
from datetime import datetime, timedelta, timezone
random.seed(18)
start = datetime(2026, 11, 2, tzinfo=timezone.utc)  # a Monday
rows = ["timestamp,requests,active_users"]
for h in range(14 * 24):
    t = start + timedelta(hours=h)
    day = 2 * math.pi * (t.hour - 14) / 24.0        # peak at 14:00 UTC, trough at 02:00
    weekend = 0.85 if t.weekday() >= 5 else 1.0
    users = (400 + 250 * math.cos(day)) * weekend * (1 + 0.002 * h / 24)  # slow growth
    users *= 1 + random.gauss(0, 0.03)
    requests = 2.5 * users * (1 + random.gauss(0, 0.04))                # about 2.5 requests/s per active user
    rows.append(f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')},{requests:.1f},{users:.0f}")
print("\n".join(rows))
