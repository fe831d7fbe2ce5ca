"""The five example snapshots of seeds/examples/ and the story each one tells."""

import random

import filler
from ledger import Replay, balance_before
from story import Story

BAKERY_TITLES = [
    "Pumpkin Bread Is Back", "Sourdough Sunday", "Meet the Bakers", "Pecan Pie Preorders",
    "Thanksgiving Hours", "Cinnamon Roll Close-Up", "Gluten-Free Menu Tour", "Cookie Decorating Class",
    "Morning Rush Behind the Counter", "Apple Cider Donuts", "Wedding Cake Showcase", "Loyalty Card Launch",
    "Croissant Lamination Timelapse", "Fall Catering Menu", "Small Business Saturday",
]


def bluebird(shift=0):
    """(a) A -88 showcase submission still in flight."""
    s = Story("bluebird-bakery", "Bluebird Bakery", "America/Chicago", "growth", "2025-06-15",
              "2026-10-12 08:00", account=("harbor-pine", "Harbor & Pine Creative"),
              opening=(96, 180 + shift), entry_base=40310, creative_base=2210, rng=random.Random(11))
    filler.weeks(s, "2026-10-12", "2026-10-28", BAKERY_TITLES, per_week=(2.5, 3.5), image_chance=0.25,
                 low_water=40, top_up_amount=200)
    s.adjust("2026-10-29 14:05", 25, "Goodwill credit: a video delivered 31 h late (ticket t-5521)")
    filler.weeks(s, "2026-10-30", "2026-11-15", BAKERY_TITLES, per_week=(2.5, 3.5), image_chance=0.25,
                 low_water=40, top_up_amount=200)
    filler.weeks(s, "2026-11-16", "2026-11-23", BAKERY_TITLES, per_week=(3, 4), image_chance=0.2,
                 low_water=40, top_up_amount=200)
    s.advance("2026-11-24 10:13")
    s.mark("before")
    s.submit("2026-11-24 10:14", "Holiday Gift Box Promo", [8, 8, 8, 8, 8, 8], label="promo")
    s.other("maple-street-dental", "Maple Street Dental", 240)
    s.other("riverside-yoga", "Riverside Yoga", 75)
    return s, s.snapshot("2026-11-24T18:30:00Z")


LUMEN_TITLES = [
    "Invisalign in 60 Seconds", "Meet Dr. Mehta", "Whitening Before and After", "Clinic Walkthrough",
    "Kids' First Visit", "Diwali Smile Offer", "Root Canal Myths", "Night Guard Explainer",
    "Patient Story: Ananya", "Same-Day Crowns", "Braces FAQ", "Sensitive Teeth Tips", "New Saket Branch",
    "Flossing 101", "Dental Implants Explained", "Weekend Appointments", "Gum Health Month",
    "Veneers Consultation", "Emergency Care Hours", "Hygienist Q&A", "Aligner Care Routine",
]


def lumen(shift=0):
    """(b) Just after a renewal: the unused plan tokens of the last cycle expired."""
    s = Story("lumen-dental", "Lumen Dental Studio", "Asia/Kolkata", "scale", "2026-09-24",
              "2026-09-24 00:00", account=("brightpath", "BrightPath Digital"),
              entry_base=18870, creative_base=640, rng=random.Random(23 + shift))
    filler.weeks(s, "2026-09-24", "2026-10-01", LUMEN_TITLES, per_week=(2.5, 3.5), image_chance=0.15,
                 low_water=30, top_up_amount=200)
    s.top_up("2026-10-02 11:20", 100, note="Card ending 8812")
    filler.weeks(s, "2026-10-05", "2026-10-23", LUMEN_TITLES, per_week=(2.5, 3.5), image_chance=0.15,
                 low_water=30, top_up_amount=200)
    # Diwali and the clinic's own holidays: a quieter cycle, so plan tokens are left over at renewal
    filler.weeks(s, "2026-10-26", "2026-11-17", LUMEN_TITLES, per_week=(1.5, 2), image_chance=0.15,
                 low_water=30, top_up_amount=200)
    s.submit("2026-11-18 12:40", "Winter Whitening Offer", [10, 10, 10, 10, 10, 10], deliver_after=20.5,
             delivered="-4")
    s.submit("2026-11-21 10:05", "Smile Makeover Stories", [8, 8, 8, 8, 8, 8], deliver_after=26, delivered="-1")
    s.advance("2026-11-24 05:59")
    s.mark("before")
    s.advance("2026-11-24 16:30")
    s.other("brightpath-smiles-pune", "Lumen Dental Studio - Pune", 412)
    s.other("kaveri-eye-care", "Kaveri Eye Care", 190)
    return s, s.snapshot("2026-11-24T11:00:00Z")


KETTLE_TITLES = [
    "Oktoberfest Tap Takeover", "Hazy IPA Pour", "Brewery Tour", "Trivia Night",
    "Pumpkin Ale Release", "Growler Fill Special", "Meet the Brewer", "Halloween Costume Party",
    "Stout Season", "Beer and Cheese Pairing", "Holiday Gift Cards", "Winter Warmer Tasting",
    "Canning Day", "Live Music Fridays",
]


def kettle(shift=0):
    """(c) Auto reload fired twice to cover a submission the balance could not."""
    s = Story("copper-kettle", "Copper Kettle Brewing", "America/New_York", "starter", "2025-08-31",
              "2026-09-28 09:00", account=("northwind", "Northwind Media"), auto_reload=(True, 50),
              opening=(41, 12 + shift), entry_base=7720, creative_base=913, rng=random.Random(5))
    filler.weeks(s, "2026-09-28", "2026-10-19", KETTLE_TITLES, per_week=(1.5, 2.5), image_chance=0.25)
    s.advance("2026-10-20 16:02")
    s.report("t-4410", "2026-10-20 16:02", s.balance + 40, s.balance,
             "A video failed to render and was re-queued; we were charged again")
    s.adjust("2026-10-22 11:30", 40, "Refund of the base charge for a render failure re-queued on "
             "Oct 20 (ticket t-4410)")
    filler.weeks(s, "2026-10-23", "2026-11-19", KETTLE_TITLES, per_week=(1.5, 2.5), image_chance=0.25)
    s.advance("2026-11-23 14:21")
    s.mark("before")
    s.submit("2026-11-23 14:22", "Thanksgiving Eve Party", [12, 12, 12, 12], label="party")
    s.other("gristmill-pizza", "Gristmill Pizza", 166)
    s.other("harborview-hotel", "Harborview Hotel", 402)
    return s, s.snapshot("2026-11-24T15:00:00Z")


FERNWEH_TITLES = [
    "Lisbon in Three Days", "Alpine Rail Journeys", "Hidden Croatia", "Christmas Markets Tour",
    "Northern Lights Cruise", "Family Ski Week", "Travel Insurance Explained", "Meet Your Guide",
    "Dolomites Hiking", "Canary Islands Winter Sun", "City Breaks Under 500 EUR", "Sicily Food Tour",
    "Vienna New Year", "Baltic Road Trip",
]


def fernweh(shift=0):
    """(d) A day spent re-rolling persona images."""
    s = Story("fernweh-travel", "Fernweh Travel Co.", "Europe/Berlin", "growth", "2025-04-03",
              "2026-10-01 08:00", account=("atelier-nord", "Atelier Nord Agentur"),
              opening=(58, 140 + shift), entry_base=55102, creative_base=3301, rng=random.Random(8))
    filler.weeks(s, "2026-10-01", "2026-11-20", FERNWEH_TITLES, per_week=(1.5, 2.5), image_chance=0.2,
                 low_water=40, top_up_amount=150)
    s.advance("2026-11-23 08:59")
    s.mark("before")
    for at, rerolls in [("09:12", 1), ("09:31", 3), ("10:05", 2), ("10:40", 4), ("11:18", 1),
                        ("13:02", 2), ("13:47", 5), ("14:15", 2), ("15:30", 1), ("16:05", 3),
                        ("16:52", 2), ("17:20", 1)]:
        s.images("2026-11-23 %s" % at, rerolls, note="Persona: 'Anna, 34, solo traveller'")
    s.mark("after")
    s.other("fernweh-b2b", "Fernweh Firmenreisen", 310)
    return s, s.snapshot("2026-11-24T08:00:00Z")


SALTBUSH_TITLES = [
    "Vintage 2026 Harvest", "Cellar Door Tour", "Shiraz Tasting Notes", "Meet the Winemaker",
    "Long Lunch in the Vines", "Riesling Release", "Wine Club Explained", "Barrel Room",
    "Christmas Hampers", "Summer Concert Series", "Rosé Season", "Food Pairing: Lamb",
]


def saltbush(shift=0):
    """(e) A mid-cycle upgrade from Starter to Growth, prorated."""
    s = Story("saltbush-wines", "Saltbush Wines", "Australia/Adelaide", "starter", "2025-02-03",
              "2026-10-01 09:00", account=("coorong-creative", "Coorong Creative"),
              opening=(36, 60 + shift), entry_base=9930, creative_base=1450, rng=random.Random(3))
    filler.weeks(s, "2026-10-01", "2026-11-11", SALTBUSH_TITLES, per_week=(2, 3), image_chance=0.15,
                 low_water=20, top_up_amount=100)
    s.advance("2026-11-12 10:29")
    s.mark("before")
    s.change_plan("2026-11-12 10:30", "growth", label="upgrade")
    s.mark("after")
    s.other("coonawarra-estate", "Coonawarra Estate", 220)
    return s, s.snapshot("2026-11-13T00:30:00Z")


def healthy(document):
    """An example client never overdraws and owes nothing."""
    replay = Replay(document)
    opening = document.get("opening") or {}
    if opening.get("rollover_tokens", 0) < 0:
        return False
    return replay.outstanding == 0 and all(plan + rollover >= 0 for _, plan, rollover, _ in replay.rows)


def tuned(build, mark, target):
    """The smallest shift of the client's earlier top-ups that makes the balance at `mark` equal `target`."""
    for shift in sorted(range(-400, 400), key=abs):
        story, document = build(shift)
        if story.marks[mark] == target and healthy(document):
            return story, document
    raise AssertionError("%s: could not reach %d at %s" % (build.__name__, target, mark))


def searched(build, wanted):
    """The first of a few variants of a story (seeds 0, 1, ...) whose snapshot has what the example is about."""
    for variant in range(50):
        story, document = build(variant)
        if wanted(document) and healthy(document) and 30 <= len(document["entries"]) <= 80:
            return story, document
    raise AssertionError("%s: no variant has what the example needs" % build.__name__)


def all_examples():
    """(file stem, story, document, readme section)."""
    result = []

    story, doc = tuned(bluebird, "before", 200)
    promo = story.labels["promo"]
    result.append(("bluebird-bakery-in-flight", story, doc, (
        "In-flight showcase submission (-88)",
        "Bluebird Bakery (Harbor & Pine Creative's client, Chicago) has had a growth plan since June 2025; "
        "the log starts just before the Oct 15 renewal. Six weeks of routine posts, each reconciled a day "
        "later against its showcase deposit, a goodwill credit for a late delivery, top-ups by card when "
        "the balance ran low, and the Nov 15 renewal. At 10:14 AM CST today the owner submitted 'Holiday Gift Box Promo' with a "
        "6-clip showcase of 8 s each: one -88 entry (%s), taken at submit time; the video is still in "
        "production." % promo,
        "expected %d (the balance this morning), sees %d: the -88 in-flight submission %s "
        "(40 base + 6 x 8 s showcase deposit). Status `explained`, cause `in-flight-submissions`."
        % (story.marks["before"], doc["client"]["balance"], promo))))

    story, doc = searched(lumen, lambda d: 100 <= -sum(x[2] for x in Replay(d).expiries[-1:]) <= 250)
    renewal = story.labels["renewal:2026-11-24"]
    expired = balance_before(doc, renewal)
    result.append(("lumen-dental-renewal", story, doc, (
        "Just renewed: unused plan tokens expired",
        "Lumen Dental Studio (BrightPath Digital, Delhi, Asia/Kolkata at UTC+05:30) joined on Sep 24 on the "
        "scale plan, so the log starts at client creation (no `opening`). Two months of three-to-four "
        "posts a week, top-ups by card when the balance ran low. The plan renewed at 6:00 AM IST today "
        "(%s, +575).  The %d tokens left before it were partly unused plan tokens, which expire at "
        "renewal; top-up tokens roll over." % (renewal, expired),
        "expected %d (%d before the renewal + 575), sees %d: %d unused plan tokens expired at the "
        "renewal (computed, cites %s). Status `explained`, cause `plan-token-reset`; a customer who "
        "expected the old balance (%d) sees +575 renewal and the expiry together (`cycle-renewal` + "
        "`plan-token-reset`)." % (expired + 575, expired, doc["client"]["balance"],
                                    expired + 575 - doc["client"]["balance"], renewal, expired))))

    story, doc = tuned(kettle, "before", 23)
    party = story.labels["party"]
    result.append(("copper-kettle-auto-reload", story, doc, (
        "Auto reload during a charge",
        "Copper Kettle Brewing (Northwind Media, New York; the log crosses the Nov 1 change from EDT to "
        "EST) is on the starter plan with auto reload of 50 tokens. Its anchor day is the 31st, so it "
        "renews on Sep 30 and Oct 31 (short months: last day). An earlier report (t-4410) was answered "
        "by an admin adjustment two days later. Yesterday at 2:22 PM the manager submitted "
        "'Thanksgiving Eve Party' (4 clips x 12 s = 88 tokens) with %d tokens left: auto reload charged "
        "the card and logged +50 entries just before the -88 (%s)." % (story.marks["before"], party),
        "expected %d (the balance before the party video), sees %d: auto reload +%d and the -88 "
        "in-flight submission. Status `explained`, causes `auto-reload` and `in-flight-submissions`."
        % (story.marks["before"], doc["client"]["balance"],
           sum(e["amount"] for e in doc["entries"] if e["type"] == "auto_reload"
               and e["at"] == next(x["at"] for x in doc["entries"] if x["id"] == party))))))

    story, doc = tuned(fernweh, "before", 180)
    result.append(("fernweh-travel-rerolls", story, doc, (
        "A day of persona re-rolls",
        "Fernweh Travel Co. (Atelier Nord Agentur, Berlin; the log crosses the Oct 25 change from CEST to "
        "CET) had a quiet Monday: no submissions, but twelve rounds of persona image re-rolls for "
        "'Anna, 34, solo traveller' between 9:12 AM and 5:20 PM (12 image_generation entries of 2 tokens "
        "a re-roll).",
        "expected %d (Monday morning), sees %d: %d tokens of image re-rolls on Nov 23 (%d re-rolls x 2), "
        "which the explainer should group into one cause. Status `explained`, cause `image-generation`."
        % (story.marks["before"], doc["client"]["balance"], story.marks["before"] - story.marks["after"],
           (story.marks["before"] - story.marks["after"]) // 2))))

    story, doc = tuned(saltbush, "before", 64)
    upgrade = story.labels["upgrade"]
    proration = next(e for e in doc["entries"] if e["id"] == upgrade)["amount"]
    result.append(("saltbush-wines-upgrade", story, doc, (
        "Mid-cycle upgrade with proration",
        "Saltbush Wines (Coorong Creative, Adelaide: Australia/Adelaide, UTC+10:30 in summer) was on "
        "starter, billing on the 3rd. On Nov 12 at 10:30 AM ACDT, nine days into a 30-day cycle, they "
        "upgraded to growth; the difference (325 - 150 = 175) was prorated for the 21 days left: "
        "+%d plan tokens (%s), noted on the entry and listed in `plan_changes`. Growth's full 325 "
        "arrives at the Dec 3 renewal." % (proration, upgrade),
        "expected %d (the balance before the upgrade: they thought the new plan's tokens would only "
        "come at the next renewal), sees %d the next morning: +%d mid-cycle proration. Status `explained`, "
        "cause `mid-cycle-proration`; the Nov 3 allocation of 150 is Starter's, correct for the plan of "
        "that day (no `allocation-mismatch`)." % (story.marks["before"], doc["client"]["balance"], proration))))
    return result
