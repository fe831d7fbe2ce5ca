"""A realistic client history, simulated with scripts/seedgen's Story (SPEC section 2).

`simulate(rng, needs)` tells 40 to 120 days of one client's life: submissions with
showcase clips (delivered a day or so later and reconciled: refunds and overages),
monthly renewals that expire unused plan tokens, auto reloads when a charge is more
than the balance, re-roll bursts, top-ups, admin adjustments with notes, a plan
change with its proration, and the account's other clients. `needs` names what the
mistake drawn for the case must find in the last 35 days (the default window);
`History` then holds the snapshot and its replay, as movements a mistake can pick.
"""

import math
import os
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seedgen"))

import policy                        # noqa: E402  (scripts/seedgen)
from ledger import Replay, parse_time  # noqa: E402
from story import Story, month_day   # noqa: E402

WINDOW_DAYS = 35      # credits explain's default window (SPEC section 4)
MARGIN = timedelta(days=1)   # truth movements stay this far inside the window

ZONES = ["America/Chicago", "America/New_York", "America/Los_Angeles", "America/Sao_Paulo", "Europe/Berlin",
         "Europe/London", "Asia/Kolkata", "Asia/Tokyo", "Australia/Adelaide", "Pacific/Auckland", "UTC"]
FIRST = ["Bluebird", "Copper", "Lumen", "Fernweh", "Saltbush", "Maple", "Harbor", "Juniper", "Granite", "Willow",
         "Orchid", "Cedar", "Marigold", "Northstar", "Pebble", "Sierra", "Tidewater", "Verde", "Ember", "Atlas"]
SECOND = ["Bakery", "Dental Studio", "Brewing", "Travel Co.", "Wines", "Yoga", "Bikes", "Pet Care", "Fitness",
          "Coffee", "Realty", "Florist", "Pizza", "Hotel", "Eye Care", "Law Group", "Auto Repair", "Bookshop"]
AGENCIES = [("harbor-pine", "Harbor & Pine Creative"), ("northwind", "Northwind Media"),
            ("brightpath", "BrightPath Digital"), ("atelier-nord", "Atelier Nord Agentur"),
            ("coorong", "Coorong Creative"), ("bluefin", "Bluefin Social")]
TITLES = ["Spring Launch", "Meet the Team", "Behind the Counter", "Customer Story", "Holiday Hours",
          "Weekend Special", "Product Close-Up", "How It's Made", "FAQ in 60 Seconds", "New Location Tour",
          "Seasonal Menu", "Loyalty Card Launch", "Before and After", "Flash Sale", "Founder's Note",
          "Workshop Recap", "Gift Card Promo", "Community Day", "Myth Busting", "Top 5 Tips",
          "Unboxing", "Open House", "Staff Picks", "Anniversary Offer"]
PERSONAS = ["Anna, 34, solo traveller", "Raj, 41, busy dad", "Mia, 27, first-time buyer",
            "Tom, 58, retiree", "Lena, 22, student", "Sam, 36, small-business owner"]
ADJUSTMENTS = [(25, "Goodwill credit: a video delivered 31 h late"),
               (40, "Refund of the base charge for a render failure re-queued"),
               (48, "Credit for a showcase clip that failed QA (ticket t-%d)"),
               (20, "Compensation for a wizard outage"),
               (60, "Credit for a delivery miss (ticket t-%d)"),
               (15, "Goodwill credit after a support call"),
               (-25, "Reversal of a goodwill credit applied twice"),
               (-40, "Correction: base charge refunded in error")]
TOP_UPS = [100, 150, 200, 200, 250, 300, 500]
CARDS = ["Card ending 4242", "Card ending 8812", "Card ending 1881", "Invoice paid by transfer"]
# delivered showcase seconds against the deposit: mostly short (a refund), now and then over (an overage)
DELIVERED = ["-0", "-0", "-0", "-1", "-2", "-2", "-3", "-4", "-6", "+1", "+2"]
PLAN_PACE = {"starter": 0.6, "growth": 1.0, "scale": 1.4}   # submissions a day, relative


def clip_set(rng):
    """Showcase clips as the product step takes them: none, or 2 to 6 clips, some outside 4..12 s."""
    if rng.random() < 0.08:
        return []
    count = rng.randint(2, 6)
    if rng.random() < 0.5:
        return [rng.choice([5, 6, 8, 10, 12, 15])] * count
    return [rng.randint(3, 15) for _ in range(count)]


def expiry_key(allocation_id):
    """The computed expiry of unused plan tokens, cited through the renewal's allocation entry."""
    return "expiry:" + allocation_id


class History:
    """A written snapshot, replayed: the movements in the window and the balance at every moment."""

    def __init__(self, story, document):
        self.story, self.document = story, document
        self.now = parse_time(document["generated_at"])
        self.since = self.now - timedelta(days=WINDOW_DAYS)
        self.zone = story.zone
        self.replay = Replay(document)
        self.entries = {e["id"]: e for e in document["entries"]}
        self.creatives = {c["id"]: c for c in document["creatives"]}
        expiry_of = {entry: amount for entry, _, amount in self.replay.expiries}
        # movements in log order (time, then order written): (key, amount, entry, balance after)
        self.movements, self.moments = [], []
        opening = document.get("opening") or {}
        balance = opening.get("plan_tokens", 0) + opening.get("rollover_tokens", 0)
        self.window_opening = None
        for entry, plan, rollover, _ in self.replay.rows:
            at = parse_time(entry["at"])
            inside = at >= self.since
            if inside and self.window_opening is None:
                self.window_opening = balance
                self.moments.append((None, balance))
            after = plan + rollover
            if entry["id"] in expiry_of:
                if inside:
                    self.movements.append(Movement(expiry_key(entry["id"]), expiry_of[entry["id"]], entry, at))
                    self.moments.append(("~" + entry["id"], balance + expiry_of[entry["id"]]))
                movement = entry["amount"]
            else:
                movement = after - balance
            if inside and movement:
                self.movements.append(Movement(entry["id"], movement, entry, at))
            if inside:
                self.moments.append((entry["id"], after))
            balance = after
        if self.window_opening is None:
            self.window_opening = balance
            self.moments.append((None, balance))
        self.actual = document["client"]["balance"]
        assert self.replay.balance == self.actual, "history does not replay to its shown balance"
        self.by_key = {m.key: m for m in self.movements}
        self.reload_groups = self._reload_groups()

    def _reload_groups(self):
        """[reload ids..., charge id] for every auto reload logged next to its charge."""
        groups, pending = [], []
        for entry in self.document["entries"]:
            if entry["type"] == "auto_reload":
                pending.append(entry["id"])
            else:
                if pending and entry["at"] == self.entries[pending[-1]]["at"]:
                    groups.append(pending + [entry["id"]])
                pending = []
        return groups

    def inside(self, movement):
        """Far enough inside the default window to be a mistake's movement."""
        return movement.at >= self.since + MARGIN

    def local_day(self, movement):
        return movement.at.astimezone(self.zone).date()

    def since_moment(self, index):
        """The movements after moment `index` (an index into self.moments)."""
        key = self.moments[index][0]
        if key is None:
            return list(self.movements)
        keys = [m.key for m in self.movements]
        # the moment after an expiry ('~id') comes before the allocation's own movement
        if key.startswith("~"):
            return self.movements[keys.index(key[1:]):]
        position = keys.index(key) + 1 if key in keys else self._position_after_entry(key)
        return self.movements[position:]

    def _position_after_entry(self, entry_id):
        order = [e["id"] for e, *_ in self.replay.rows]
        later = set(order[order.index(entry_id) + 1:])
        for position, movement in enumerate(self.movements):
            if movement.entry["id"] in later:
                return position
        return len(self.movements)


class Movement:
    """One token movement in the window: an entry's, or a computed expiry's."""

    def __init__(self, key, amount, entry, at):
        self.key, self.amount, self.entry, self.at = key, amount, entry, at

    @property
    def type(self):
        return "plan_tokens_expired" if self.key.startswith("expiry:") else self.entry["type"]

    def __repr__(self):
        return "%s%+d" % (self.key, self.amount)


def simulate(rng, needs=()):
    """One client's history as a Story, with what `needs` asks for inside the default window."""
    needs = set(needs)
    now = datetime(2026, 1, 15, tzinfo=timezone.utc) + timedelta(days=rng.randint(0, 330),
                                                                 minutes=rng.randint(0, 24 * 60 - 1))
    days = rng.randint(40, 120)
    zone = rng.choice(ZONES)
    plans = ["starter", "growth", "scale"]
    plan = rng.choice(plans[:2] if "upgrade" in needs else plans)
    local_now = now.astimezone(ZoneInfo(zone))
    if "recent-renewal" in needs:
        renewed = (local_now - timedelta(hours=rng.randint(8, 80))).date()
        anchor_day = renewed.day
    else:
        anchor_day = rng.choice(list(range(1, 29)) * 3 + [29, 30, 31])
    anchor = date(2025, 1, anchor_day).isoformat()
    start = (local_now - timedelta(days=days)).replace(tzinfo=None, second=0, microsecond=0)
    # now and then a client created inside the history: the log starts at 0/0 on its first billing day
    created = "recent-renewal" not in needs and rng.random() < 0.15
    if created:
        start = start.replace(hour=0, minute=0)
        anchor = start.date().isoformat()
    reload_on = "auto-reload" in needs or rng.random() < 0.35
    reload_amount = rng.choice([50, 50, 50, 25, 100]) if reload_on else 50
    allocation = policy.PLANS[plan]
    quiet = "quiet-cycle" in needs or rng.random() < 0.3
    first, second = rng.choice(FIRST), rng.choice(SECOND)
    client_id = ("%s-%s" % (first, second.split()[0])).lower().replace(".", "")
    story = Story(client_id, "%s %s" % (first, second), zone, plan, anchor, start.isoformat(" "),
                  account=rng.choice(AGENCIES), auto_reload=(reload_on, reload_amount),
                  opening=None if created else (rng.randint(0, allocation), rng.randint(0, 120)
                                                if "auto-reload" not in needs else rng.randint(0, 30)),
                  entry_base=rng.randint(1000, 90000), creative_base=rng.randint(100, 9000), rng=rng)
    rate = rng.uniform(0.2, 1.2) * PLAN_PACE[plan] * (0.6 if "auto-reload" in needs else 1)
    window_start = (local_now - timedelta(days=WINDOW_DAYS)).date() + timedelta(days=2)
    last_day = local_now.date()

    def in_window_day():
        return window_start + timedelta(days=rng.randint(0, max(0, (last_day - window_start).days - 1)))

    burst_days = {in_window_day() for _ in range(1 if "reroll-day" in needs else 0)}
    burst_days |= {start.date() + timedelta(days=rng.randint(1, days - 1)) for _ in range(rng.choice([0, 1, 1, 2, 3]))}
    adjust_days = {in_window_day() for _ in range(1 if "adjustment" in needs else 0)}
    adjust_days |= {start.date() + timedelta(days=rng.randint(1, days - 1)) for _ in range(rng.choice([0, 0, 1, 2]))}
    top_up_days = {in_window_day() for _ in range(1 if "top-up" in needs else 0)}
    top_up_days |= {start.date() + timedelta(days=rng.randint(1, days - 1)) for _ in range(rng.choice([0, 1, 1, 2]))}
    change_day = in_window_day() if "upgrade" in needs else (
        start.date() + timedelta(days=rng.randint(3, days - 1)) if rng.random() < 0.2 else None)
    in_flight = rng.randint(1, 3) if "in-flight" in needs else rng.choice([0, 0, 1, 1, 2])
    titles = Titles(rng)

    day = start.date() + timedelta(days=1)
    while day < last_day:
        cycle_quiet = quiet and _in_cycle_before_last_renewal(story, day, local_now)
        _day(story, rng, day, rate * (0.25 if cycle_quiet else 1), titles, burst=day in burst_days,
             adjust=day in adjust_days, top_up=day in top_up_days, change=day == change_day)
        day += timedelta(days=1)
    # the last hours: creatives still in production
    for when in _working_hours_before(rng, local_now, in_flight):
        when = max(when, story.clock + timedelta(minutes=3))
        if when >= local_now:
            break
        _submit(story, rng, when.replace(tzinfo=None, second=0, microsecond=0), titles,
                deliver_after=rng.uniform(40, 96))
    names, wanted = {story.name}, rng.randint(1, 4)
    while len(names) <= wanted:     # the account's other clients, each with a name of its own
        name = "%s %s" % (rng.choice(FIRST), rng.choice(SECOND))
        if name not in names:
            names.add(name)
            story.other("%s-%d" % (name.split()[0].lower(), len(names)), name, rng.randint(0, 900))
    story.days = days
    return story, story.snapshot(now.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _working_hours_before(rng, local_now, count):
    """`count` times in local working hours (9:00 to 18:00) of the last two days before now, in order."""
    times = []
    for _ in range(count):
        for _ in range(20):
            back = local_now - timedelta(hours=rng.uniform(0.3, 40))
            if 9 <= back.hour < 18:
                times.append(back)
                break
    return sorted(times)


def _in_cycle_before_last_renewal(story, day, local_now):
    """Whether `day` falls in the billing cycle that ended at the last renewal before now."""
    anchor = story.anchor.day
    last = month_day(local_now.year, local_now.month, anchor)
    if last > local_now.date():
        previous = local_now.date().replace(day=1) - timedelta(days=1)
        last = month_day(previous.year, previous.month, anchor)
    before = last.replace(day=1) - timedelta(days=1)
    first = month_day(before.year, before.month, anchor)
    return first <= day < last


class Titles:
    """Creative titles; they come round again as new cuts, as a busy client's do."""

    def __init__(self, rng):
        self.rng, self.pool, self.takes = rng, [], {}

    def next(self):
        if not self.pool:
            self.pool = list(TITLES)
            self.rng.shuffle(self.pool)
        title = self.pool.pop()
        self.takes[title] = self.takes.get(title, 0) + 1
        return title if self.takes[title] == 1 else "%s (cut %d)" % (title, self.takes[title])


def _at(day, rng, first_hour=8, last_hour=18):
    return datetime(day.year, day.month, day.day, rng.randint(first_hour, last_hour - 1), rng.randint(0, 59))


def _submit(story, rng, when, titles, deliver_after=None):
    """A submission; a client without auto reload tops up by card first when the balance is short."""
    clips = clip_set(rng)
    cost = policy.submission_cost(clips)
    when = max(story.local(when), story.clock + timedelta(minutes=2))
    story.advance(when - timedelta(minutes=2))
    if not story.reload_enabled and story.balance < cost:
        story.top_up(when - timedelta(minutes=1), max(rng.choice(TOP_UPS), cost),
                     note=rng.choice(CARDS))
    story.submit(when, titles.next(), clips,
                 deliver_after=deliver_after if deliver_after is not None else rng.choice(
                     [rng.uniform(14, 30), rng.uniform(14, 30), rng.uniform(30, 70)]),
                 delivered=rng.choice(DELIVERED))


def _images(story, rng, when, rerolls, note):
    cost = rerolls * policy.REROLL_COST
    story.advance(when)
    if not story.reload_enabled and story.balance < cost:
        story.top_up(when, rng.choice(TOP_UPS), note=rng.choice(CARDS))
    story.images(when, rerolls, note=note)


def _day(story, rng, day, rate, titles, *, burst, adjust, top_up, change):
    """One local day: its events in time order."""
    events = []
    weekday = day.weekday() < 5
    count = _poisson(rng, rate * (1 if weekday else 0.3))
    for _ in range(count):
        events.append((_at(day, rng, 9, 18), "submit"))
    if burst:
        for _ in range(rng.randint(3, 12)):
            events.append((_at(day, rng, 8, 20), "reroll"))
    elif rng.random() < 0.12 * (1 if weekday else 0.3):
        events.append((_at(day, rng, 9, 18), "reroll"))
    if adjust:
        events.append((_at(day, rng, 10, 17), "adjust"))
    if top_up:
        events.append((_at(day, rng, 8, 20), "top-up"))
    if change:
        events.append((_at(day, rng, 9, 17), "change"))
    persona = rng.choice(PERSONAS)
    for when, kind in sorted(events):
        if story.local(when) <= story.clock:
            when = (story.clock + timedelta(minutes=1)).replace(tzinfo=None)
        if when.date() != day:
            continue
        if kind == "submit":
            _submit(story, rng, when, titles)
        elif kind == "reroll":
            _images(story, rng, story.local(when), rng.randint(1, 5), "Persona: '%s'" % persona)
        elif kind == "adjust":
            amount, note = rng.choice(ADJUSTMENTS)
            story.advance(story.local(when))
            if amount < 0 and story.balance < -amount:
                amount = -amount
                note = "Goodwill credit for a delayed delivery"
            if "%d" in note:    # the ticket it answers, reported a day or two before
                ticket = "t-%d" % rng.randint(1000, 9999)
                note = note.replace("t-%d", ticket)
                opened = story.local(when) - timedelta(hours=rng.randint(20, 60))
                story.report(ticket, opened, story.balance + amount, story.balance,
                             "The customer reported a delivery miss")
            story.adjust(when, amount, note)
        elif kind == "top-up":
            story.top_up(when, rng.choice(TOP_UPS), note=rng.choice(CARDS))
        elif kind == "change":
            order = ["starter", "growth", "scale"]
            position = order.index(story.plan)
            target = order[position + 1] if position < 2 else "growth"
            story.change_plan(when, target)


def _poisson(rng, rate):
    """A Poisson draw (Knuth), for the submissions of a day."""
    limit, product, count = math.exp(-rate), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count
