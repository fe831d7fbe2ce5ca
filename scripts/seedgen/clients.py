"""Generated clients for a demo or benchmark store: `python3 scripts/seedgen/clients.py OUT COUNT
[--weeks N] [--seed S]` writes OUT/gen-00001.json ... (SPEC section 3 snapshots, JSON).

Each client lives `--weeks` weeks of ordinary activity (the stories' `filler`, about seven
entries a week), in one of a few zones and plans, grouped five to an account; about one in
ten has something for the audit to find: a submission charged more than its price, a
delivery whose refund never landed, or a shown balance that does not replay.
"""

import argparse
import json
import os
import random
import sys
from datetime import date, timedelta

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import filler  # noqa: E402
import policy  # noqa: E402
from story import Story  # noqa: E402

ZONES = ["America/Chicago", "America/New_York", "Europe/Berlin", "Europe/London", "Asia/Kolkata",
         "Australia/Adelaide", "UTC"]
PLANS = ["starter", "growth", "scale"]
NAMES = ["Coffee", "Bikes", "Dental", "Bakery", "Yoga", "Books", "Florist", "Garage", "Gallery", "Pizza"]
TITLES = ["Spring Sale", "Meet the Team", "Behind the Scenes", "New Menu", "Customer Story", "Open Day",
          "How It Works", "Weekend Offer", "Holiday Hours", "Five Tips", "Gift Cards", "Launch Day"]
END = date(2026, 11, 23)


def client(index, weeks, rng):
    """One client's snapshot, as a JSON-ready document."""
    start = END - timedelta(weeks=weeks)
    anchor = date(2025, rng.randint(1, 12), rng.randint(1, 28))
    account = "acct-%04d" % (index // 5)
    story = Story("gen-%05d" % index, "%s %s %d" % (rng.choice(["Acme", "Blue", "North", "Old Town", "Sunny"]),
                                                    rng.choice(NAMES), index),
                  rng.choice(ZONES), rng.choice(PLANS), anchor.isoformat(), start.isoformat() + " 00:00",
                  account=(account, "Agency %d" % (index // 5)),
                  auto_reload=(True, 50) if rng.random() < 0.3 else (False, None),
                  opening=(rng.randint(0, 150), rng.randint(0, 200)), entry_base=1000, creative_base=100, rng=rng)
    anomaly = rng.random()
    filler.weeks(story, start.isoformat(), (END - timedelta(days=3)).isoformat(), TITLES, per_week=(2, 4),
                 image_chance=0.2, low_water=40, top_up_amount=200)
    when = (END - timedelta(days=2)).isoformat() + " 11:00"
    if anomaly < 0.04:
        clips = [8, 8, 8, 8]
        story.submit(when, "Overcharged Promo", clips, charge=policy.submission_cost(clips) + 40)
    elif anomaly < 0.08:
        story.submit(when, "Refund Never Came", [10, 10, 10], deliver_after=20, delivered="-6", reconcile=False)
    else:
        story.advance(when)
    shown = story.balance + 25 if 0.08 <= anomaly < 0.10 else None
    return story.snapshot("2026-11-24T15:00:00Z", shown_balance=shown)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    entries = 0
    for index in range(1, options.count + 1):
        document = client(index, options.weeks, random.Random(options.seed * 1_000_003 + index))
        entries += len(document["entries"])
        with open(os.path.join(options.out, "gen-%05d.json" % index), "w", encoding="utf-8") as handle:
            json.dump(document, handle, separators=(",", ":"), default=lambda flow: dict(flow))
    print("%d clients, %d entries in %s" % (options.count, entries, options.out), file=sys.stderr)


if __name__ == "__main__":
    main()
