"""Ordinary weeks of a client's life: submissions on working days, deliveries a day
later reconciled against the deposit, the odd persona re-roll, top-ups when low."""

from datetime import date, datetime, timedelta

import policy

CLIP_SETS = [
    [8, 8, 8, 8, 8, 8], [6, 6, 6, 6], [10, 10, 10], [5, 5, 5, 5, 5], [12, 12, 12, 12],
    [8, 6, 10, 8], [15, 12, 8], [3, 6, 6, 6], [7, 7, 7, 7, 7], [10, 8, 8, 6, 6], [], [9, 9, 9],
]


def weeks(story, first, last, titles, *, per_week=(2, 3), image_chance=0.15,
          low_water=None, top_up_amount=200, quiet_days=()):
    """Fills [first, last] (local dates, inclusive) with routine activity."""
    rng = story.rng
    # one pool per story, so titles do not repeat across the calls that fill its weeks
    state = story.__dict__.setdefault("title_state", {"pool": [], "takes": {}})
    pool, takes = state["pool"], state["takes"]

    def next_title():
        # titles come round again as new cuts, as a busy client's do
        if not pool:
            pool.extend(titles)
            rng.shuffle(pool)
        title = pool.pop()
        takes[title] = takes.get(title, 0) + 1
        return title if takes[title] == 1 else "%s (cut %d)" % (title, takes[title])

    day = date.fromisoformat(first)
    end = date.fromisoformat(last)
    while day <= end:
        if day.weekday() < 5 and day.isoformat() not in quiet_days:
            chance = rng.uniform(*per_week) / 5
            if rng.random() < chance:
                hour, minute = rng.randint(9, 16), rng.randint(0, 59)
                when = datetime(day.year, day.month, day.day, hour, minute, rng.randint(0, 59))
                clips = rng.choice(CLIP_SETS)
                cost = policy.submission_cost(clips)
                top_up_at = when - timedelta(minutes=rng.randint(45, 70))
                images_at = when - timedelta(minutes=rng.randint(10, 40))
                story.advance(top_up_at)
                title = next_title()
                rerolls = rng.randint(1, 4) if rng.random() < image_chance else 0
                if low_water is not None and story.balance - cost - 2 * rerolls < low_water:
                    story.top_up(top_up_at, top_up_amount, note="Card ending 4242")
                if rerolls:
                    story.images(images_at, rerolls, note="Persona images for '%s'" % title)
                story.submit(when, title, clips,
                             deliver_after=rng.uniform(14, 30),
                             delivered=rng.choice(["-0", "-1", "-2", "-2", "-3", "-4", "-6", "+2"]))
        day += timedelta(days=1)
