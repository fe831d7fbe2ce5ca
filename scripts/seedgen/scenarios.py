"""End-to-end scenarios: a snapshot, a customer's expected balance, and the outcome SPEC
sections 5 and 6 call for. Written to Tests/EndToEndTests/Scenarios/ and cross-checked:
every balance replays (but one), the delta is actual - expected, an exact first hypothesis
adds up to the delta, and the findings listed are exactly those the facts call for."""

import itertools
import os

import audit
import examples
from ledger import Replay, balance_before, parse_time
from story import Story
from yamlio import Flow, dump

NOW = "2026-11-24T15:00:00Z"
SCENARIOS = os.path.join("Tests", "EndToEndTests", "Scenarios")


def cause(rule, amount, *entries):
    return Flow(rule=rule, amount=amount, entries=list(entries))


def client(cid, name, zone, plan, anchor, start, *, opening=(0, 0), reload=(False, None), base=1000,
           cbase=100, account=("northwind", "Northwind Media")):
    return Story(cid, name, zone, plan, anchor, start, account=account, auto_reload=reload,
                 opening=opening, entry_base=base, creative_base=cbase)


def scenario(name, story, snapshot, expected, status, *, actual=None, since=None, until=None, now=None,
             first=None, findings=(), not_findings=(), explained=None, covers=(), ledger_mismatch=False,
             snapshot_file=None, rank_note=None):
    query = {"expected": expected}
    for key, value in (("actual", actual), ("since", since), ("until", until), ("now", now)):
        if value is not None:
            query[key] = value
    shown = actual if actual is not None else snapshot["client"]["balance"]
    expect = {"status": status, "delta": shown - expected}
    if explained is not None:
        expect["explained"] = explained
    if first is not None:
        expect["first_hypothesis"] = first
    expect["findings"] = sorted(findings)
    expect["not_findings"] = sorted(not_findings)
    document = {"name": name, "story": story}
    if snapshot_file:
        document["snapshot_file"] = snapshot_file
    else:
        document["snapshot"] = snapshot
    document["query"] = query
    document["expect"] = expect
    if rank_note:
        document["ranking"] = rank_note
    return {"document": document, "snapshot": snapshot, "covers": list(covers), "mismatch": ledger_mismatch}


# ---- the scenarios ------------------------------------------------------------

def from_examples():
    result = []
    built = {stem: (story, doc) for stem, story, doc, _ in examples.all_examples()}

    story, doc = built["bluebird-bakery-in-flight"]
    promo = story.labels["promo"]
    result.append(scenario(
        "example-bluebird-in-flight",
        "Bluebird Bakery's owner had 200 tokens this morning and sees 112 after submitting 'Holiday Gift Box "
        "Promo' (6 clips of 8 s). The -88 was taken at submit time; the video is still in production.",
        doc, 200, "explained", snapshot_file="seeds/examples/bluebird-bakery-in-flight.yaml",
        first=[cause("in-flight-submissions", -88, promo)],
        not_findings=["submission-cost-mismatch", "ledger-mismatch", "wrong-client"],
        covers=["in-flight-submissions"]))

    story, doc = built["lumen-dental-renewal"]
    renewal = story.labels["renewal:2026-11-24"]
    before = story.marks["before"]
    expired = Replay(doc).expiries[-1][2]
    result.append(scenario(
        "example-lumen-renewal-expiry",
        "Lumen Dental Studio's practice manager saw %d tokens last night and expected %d after this "
        "morning's scale renewal (+575). She sees %d: the %d plan tokens left from the quiet Diwali cycle "
        "expired at the renewal; only top-up tokens roll over." % (before, before + 575,
                                                                   doc["client"]["balance"], -expired),
        doc, before + 575, "explained", snapshot_file="seeds/examples/lumen-dental-renewal.yaml",
        first=[cause("plan-token-reset", expired, renewal)],
        not_findings=["allocation-mismatch", "ledger-mismatch"], covers=["plan-token-reset"]))
    result.append(scenario(
        "example-lumen-renewal-both",
        "The same clinic, asked by its agency: 'yesterday it said %d, why %d today?' Two movements: the "
        "renewal's +575 and the expiry of the unused plan tokens (%d)." % (before, doc["client"]["balance"],
                                                                          expired),
        doc, before, "explained", snapshot_file="seeds/examples/lumen-dental-renewal.yaml",
        first=[cause("cycle-renewal", 575, renewal), cause("plan-token-reset", expired, renewal)],
        not_findings=["allocation-mismatch"], covers=["cycle-renewal", "plan-token-reset"]))

    story, doc = built["copper-kettle-auto-reload"]
    party = story.labels["party"]
    reloads = [e["id"] for e in doc["entries"] if e["type"] == "auto_reload"
               and e["at"] == next(x["at"] for x in doc["entries"] if x["id"] == party)]
    assert len(reloads) == 2
    result.append(scenario(
        "example-kettle-auto-reload",
        "Copper Kettle Brewing had 23 tokens and submitted an 88-token party video anyway; the manager "
        "expected the submission to wait. Auto reload charged the card twice (+50, +50) just before the "
        "-88, leaving 35. An earlier report (t-4410) was answered by an admin adjustment two days later, "
        "so no correction is missing.",
        doc, 23, "explained", snapshot_file="seeds/examples/copper-kettle-auto-reload.yaml",
        first=[cause("auto-reload", 100, *(reloads + [party])), cause("in-flight-submissions", -88, party)],
        not_findings=["fix-not-landed", "submission-cost-mismatch"], covers=["auto-reload"]))

    story, doc = built["fernweh-travel-rerolls"]
    day = [e["id"] for e in doc["entries"] if e["type"] == "image_generation" and e["at"].startswith("2026-11-23")]
    result.append(scenario(
        "example-fernweh-rerolls",
        "Fernweh Travel's marketing lead expected Monday morning's 180 tokens to be untouched: nothing was "
        "submitted. Twelve rounds of persona re-rolls (27 re-rolls at 2 tokens) took 54; the explainer "
        "groups the day into one cause.",
        doc, 180, "explained", snapshot_file="seeds/examples/fernweh-travel-rerolls.yaml",
        first=[cause("image-generation", -54, *day)], covers=["image-generation"]))
    result.append(scenario(
        "example-fernweh-rerolls-window",
        "The same day asked about with an explicit window: since the start of Nov 23 in Berlin, until now.",
        doc, 180, "explained", since="2026-11-23", until=doc["generated_at"],
        snapshot_file="seeds/examples/fernweh-travel-rerolls.yaml",
        first=[cause("image-generation", -54, *day)]))

    story, doc = built["saltbush-wines-upgrade"]
    upgrade = story.labels["upgrade"]
    result.append(scenario(
        "example-saltbush-upgrade",
        "Saltbush Wines upgraded from starter to growth nine days into a 30-day cycle and expected nothing "
        "to change until the Dec 3 renewal. The upgrade was prorated: +122 plan tokens now (175 x 21/30, "
        "rounded down). The Nov 3 allocation of 150 was right for the starter plan of that day.",
        doc, 64, "explained", snapshot_file="seeds/examples/saltbush-wines-upgrade.yaml",
        first=[cause("mid-cycle-proration", 122, upgrade)], not_findings=["allocation-mismatch"],
        covers=["mid-cycle-proration"]))
    return result


def small():
    result = []

    # the base was known, the deposit was not
    s = client("tallow-candle", "Tallow & Wick Candles", "America/Denver", "growth", "2026-11-05",
               "2026-11-04 12:00", opening=(0, 60), base=3100, cbase=410)
    s.submit("2026-11-09 11:20", "Autumn Scents Lineup", [10, 10, 10, 10, 10], deliver_after=20, delivered="-0")
    s.submit("2026-11-16 15:05", "Gift Sets", [], deliver_after=22)
    s.advance("2026-11-19 09:00")
    s.mark("before")
    spring = s.submit("2026-11-19 09:30", "Candle Pouring Behind the Scenes", [12, 12, 12, 12, 12, 12],
                      deliver_after=18, delivered="-0", label="pour")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "showcase-deposit-known-base",
        "Tallow & Wick knew a submission costs 40 tokens and expected 40 less after 'Candle Pouring Behind "
        "the Scenes'. It cost 112: 40 base + 6 clips x 12 s of Product Showcase deposit. The video was "
        "delivered with exactly the 72 s deposited, so nothing came back. The customer already counted the "
        "base; the explainer accounts for the deposit part only.",
        doc, s.marks["before"] - 40, "explained",
        first=[cause("showcase-deposit", -72, s.labels["pour"])],
        not_findings=["submission-cost-mismatch", "refund-mismatch", "missing-refund"],
        covers=["showcase-deposit"]))

    # knew about the submission, not about the re-rolls
    s = client("olive-grove", "Olive Grove Trattoria", "Europe/Rome", "growth", "2026-10-28",
               "2026-11-01 09:00", opening=(325, 0), base=6230, cbase=77)
    s.submit("2026-11-10 10:00", "Truffle Week", [8, 8, 8, 8], deliver_after=20, delivered="-2")
    s.advance("2026-11-24 08:00")
    s.mark("before")
    s.images("2026-11-24 09:10", 3, note="Persona: 'Giulia, chef'", label="img1")
    s.images("2026-11-24 09:25", 5, note="Persona: 'Giulia, chef'", label="img2")
    s.submit("2026-11-24 10:40", "Chef Giulia's Risotto", [8, 8, 8, 8, 8, 8], label="risotto")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "knew-the-submission",
        "Olive Grove's manager knew this morning's 'Chef Giulia's Risotto' would cost 88 and expected "
        "%d - 88 = %d. She sees %d: before submitting she re-rolled the chef persona 8 times (2 tokens a "
        "re-roll). The -88 is already in her number and must not appear in the first hypothesis."
        % (s.marks["before"], s.marks["before"] - 88, doc["client"]["balance"]),
        doc, s.marks["before"] - 88, "explained",
        first=[cause("image-generation", -16, s.labels["img1"], s.labels["img2"])],
        not_findings=["submission-cost-mismatch"]))

    # two causes: a colleague's top-up and a refund
    s = client("fig-and-thistle", "Fig & Thistle Florist", "Europe/London", "starter", "2026-10-05",
               "2026-11-02 09:00", opening=(150, 20), base=880, cbase=51)
    s.submit("2026-11-03 10:15", "Winter Wreaths", [10, 10, 10], deliver_after=21, delivered="-0")
    s.advance("2026-11-16 17:00")
    s.mark("before")
    s.submit("2026-11-17 09:00", "Bridal Bouquets", [12, 12, 12, 12], deliver_after=20, delivered="-11",
             label="bridal")
    s.top_up("2026-11-19 14:32", 100, note="Card ending 7731 (bought by Priya)", label="topup")
    s.advance("2026-11-20 09:00")
    s.mark("after-refund")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "top-up-and-refund",
        "Fig & Thistle's owner knew about 'Bridal Bouquets' (-88) and expected %d. She sees %d: her "
        "colleague Priya bought 100 tokens by card on Nov 19, and the bouquet video came in 11 s short of "
        "its 48 s deposit, so 11 tokens came back." % (s.marks["before"] - 88, doc["client"]["balance"]),
        doc, s.marks["before"] - 88, "explained",
        first=[cause("manual-top-up", 100, s.labels["topup"]),
               cause("showcase-refund", 11, s.labels["bridal:reconcile"])],
        not_findings=["refund-mismatch", "missing-refund"], covers=["manual-top-up", "showcase-refund"]))

    # three causes: renewal, expiry and a new clamped submission
    s = client("north-star-gym", "North Star Gym", "America/Chicago", "growth", "2026-03-21",
               "2026-11-17 08:00", opening=(60, 80), base=2450, cbase=300)
    s.advance("2026-11-20 22:00")
    s.mark("before")
    s.submit("2026-11-23 07:45", "New Year Bootcamp", [15, 3, 12, 8], label="bootcamp")
    doc = s.snapshot(NOW)
    renewal = s.labels["renewal:2026-11-21"]
    result.append(scenario(
        "renewal-expiry-and-submission",
        "North Star Gym's coach checked the balance on Friday night (140) and sees 329 on Tuesday. Three "
        "movements: the Nov 21 growth renewal (+325), the 60 unused plan tokens that expired with it, and "
        "Monday's 'New Year Bootcamp' submission, 76 tokens: clips of 15, 3, 12 and 8 s bill as 12 + 4 + "
        "12 + 8 = 36 s, plus the 40 base. Clamping makes -76 the right price (no cost mismatch).",
        doc, 140, "explained",
        first=[cause("cycle-renewal", 325, renewal), cause("plan-token-reset", -60, renewal),
               cause("in-flight-submissions", -76, s.labels["bootcamp"])],
        not_findings=["submission-cost-mismatch", "allocation-mismatch"]))
    assert s.marks["before"] == 140 and doc["client"]["balance"] == 329

    # near miss: a correct clamped -76
    s = client("kite-and-key", "Kite & Key Realty", "America/Phoenix", "growth", "2026-11-02",
               "2026-11-01 09:00", opening=(0, 40), base=5120, cbase=820)
    s.submit("2026-11-10 13:10", "Open House: 14 Saguaro Ln", [8, 8, 8, 8, 8], deliver_after=19, delivered="-3")
    s.advance("2026-11-24 06:00")
    s.mark("before")
    s.submit("2026-11-24 07:05", "Desert Ridge Listing Tour", [20, 2, 12, 8], label="tour")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "near-miss-clamped-76",
        "Kite & Key's agent sees a -76 for 'Desert Ridge Listing Tour' and asks whether it is right: clips "
        "of 20, 2, 12 and 8 s are 42 s of footage, but each clip bills between 4 and 12 s (12 + 4 + 12 + 8 "
        "= 36), so 40 + 36 = 76 is correct. No cost mismatch.",
        doc, s.marks["before"], "explained",
        first=[cause("in-flight-submissions", -76, s.labels["tour"])],
        not_findings=["submission-cost-mismatch", "duplicate-charge"]))

    # the wrong client
    s = client("acme-coffee", "Acme Coffee", "America/Chicago", "growth", "2026-10-15",
               "2026-11-01 08:00", opening=(120, 60), base=1030, cbase=70,
               account=("northwind", "Northwind Media"))
    s.submit("2026-11-05 10:00", "Pumpkin Latte", [8, 8, 8, 8], deliver_after=20, delivered="-2")
    s.submit("2026-11-18 14:00", "Barista Tips", [6, 6, 6, 6, 6], deliver_after=20, delivered="-0")
    s.other("bravo-bikes", "Bravo Bikes", 210)
    s.other("cedar-yoga", "Cedar Yoga", 45)
    doc = s.snapshot(NOW)
    result.append(scenario(
        "wrong-client",
        "An agency coordinator at Northwind Media expected Acme Coffee to have 210 tokens and sees %d. "
        "210 is Bravo Bikes' balance, another client of the same account: balances live on each client."
        % doc["client"]["balance"],
        doc, 210, "suspicious", findings=["wrong-client"], covers=["wrong-client"]))

    # a correction that never landed
    s = client("harvest-table", "Harvest Table Catering", "America/Los_Angeles", "growth", "2026-10-08",
               "2026-11-01 08:00", opening=(200, 30), base=7410, cbase=930)
    s.submit("2026-11-03 09:30", "Harvest Festival Menu", [10, 10, 10, 10, 10, 10], deliver_after=52,
             delivered="-0")
    s.submit("2026-11-12 11:00", "Thanksgiving Catering", [8, 8, 8, 8, 8, 8], deliver_after=20, delivered="-0")
    s.advance("2026-11-13 16:00")
    s.report("t-311", "2026-11-13 16:00", s.balance + 30, s.balance,
             "Account manager promised 30 tokens back for the late 'Harvest Festival Menu' video")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "fix-not-landed",
        "Harvest Table reported on Nov 13 (t-311) that the 'Harvest Festival Menu' video arrived two days "
        "late; their account manager promised 30 tokens back. The owner expects those 30 by now: %d "
        "instead of %d. No admin adjustment has landed since the report: the fix did not run, ask again."
        % (doc["client"]["balance"] + 30, doc["client"]["balance"]),
        doc, doc["client"]["balance"] + 30, "suspicious", findings=["fix-not-landed"],
        covers=["fix-not-landed"]))

    # near miss: the correction did land
    s = client("harvest-table", "Harvest Table Catering", "America/Los_Angeles", "growth", "2026-10-08",
               "2026-11-01 08:00", opening=(200, 30), base=7410, cbase=930)
    s.submit("2026-11-03 09:30", "Harvest Festival Menu", [10, 10, 10, 10, 10, 10], deliver_after=52,
             delivered="-0")
    s.submit("2026-11-12 11:00", "Thanksgiving Catering", [8, 8, 8, 8, 8, 8], deliver_after=20, delivered="-0")
    s.advance("2026-11-13 16:00")
    s.report("t-311", "2026-11-13 16:00", s.balance + 30, s.balance,
             "Account manager promised 30 tokens back for the late 'Harvest Festival Menu' video")
    s.mark("before")
    s.adjust("2026-11-16 10:12", 30, "Compensation for the late 'Harvest Festival Menu' delivery (t-311)",
             label="comp")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "fix-landed-near-miss",
        "The same report, but the promised 30 tokens landed on Nov 16 as an admin adjustment quoting t-311. "
        "The owner did not notice and expected the balance of Nov 13 (%d); she sees %d. No missing fix."
        % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "explained",
        first=[cause("admin-adjustment", 30, s.labels["comp"])], not_findings=["fix-not-landed"],
        covers=["admin-adjustment"]))

    # a negative adjustment
    s = client("pebble-pet", "Pebble Pet Supply", "America/Toronto", "starter", "2026-11-10",
               "2026-11-09 09:00", opening=(30, 120), base=4400, cbase=600)
    s.adjust("2026-11-12 09:00", 25, "Goodwill credit: 'Puppy Starter Kit' render failed (t-702)",
             label="credit")
    s.adjust("2026-11-12 09:04", 25, "Goodwill credit: 'Puppy Starter Kit' render failed (t-702)",
             label="credit2")
    s.advance("2026-11-20 10:00")
    s.mark("before")
    s.adjust("2026-11-20 10:30", -25, "Reversal: the goodwill credit for t-702 was applied twice",
             label="reversal")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "admin-reversal",
        "Pebble Pet Supply's goodwill credit for a failed render was applied twice on Nov 12; support "
        "reversed one of them on Nov 20 with a -25 admin adjustment whose note says why. The owner "
        "expected %d and sees %d." % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "explained",
        first=[cause("admin-adjustment", -25, s.labels["reversal"])], not_findings=["fix-not-landed"]))

    # a charge that is not the price
    s = client("summit-outdoor", "Summit Outdoor Co.", "America/Denver", "scale", "2026-11-01",
               "2026-10-31 09:00", opening=(0, 0), base=2990, cbase=505)
    s.submit("2026-11-06 10:00", "Ski Season Kickoff", [12, 12, 12, 12], deliver_after=22, delivered="-1")
    s.advance("2026-11-23 08:00")
    s.mark("before")
    s.submit("2026-11-23 09:15", "Avalanche Safety Clinic", [8, 8, 8, 8, 8, 8], charge=96, label="clinic")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "submission-cost-mismatch",
        "Summit Outdoor's 'Avalanche Safety Clinic' has 6 clips of 8 s: 40 + 48 = 88 tokens. The log shows "
        "-96. The customer expected the balance of the morning (%d) and sees %d; the charge is the reason, "
        "and it is 8 tokens more than the price." % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "suspicious", findings=["submission-cost-mismatch"],
        not_findings=["duplicate-charge"], covers=["submission-cost-mismatch"]))

    # one creative charged twice
    s = client("lantern-books", "Lantern Books", "Europe/Dublin", "growth", "2026-11-11",
               "2026-11-10 09:00", opening=(10, 190), base=8120, cbase=1200)
    s.submit("2026-11-13 14:00", "Booker Shortlist Display", [10, 10, 10], deliver_after=26, delivered="-3")
    s.images("2026-11-18 16:10", 2, note="Persona: 'Niamh, novelist'")
    s.submit("2026-11-18 16:40", "Children's Story Hour", [8, 8, 8, 8], deliver_after=20, delivered="-0")
    s.advance("2026-11-23 11:00")
    s.mark("before")
    cid = s.submit("2026-11-23 11:42", "Author Night: Niamh Byrne", [8, 8, 8, 8, 8, 8], label="author")
    s.raw("2026-11-23 11:42", "submission", -88, creative=cid, label="again")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "duplicate-charge",
        "Lantern Books submitted 'Author Night: Niamh Byrne' once and sees two -88 entries for it in the "
        "same minute. Each charge is the right price (no cost mismatch), but the creative was charged "
        "twice. Expected %d, sees %d." % (s.marks["before"] - 88, doc["client"]["balance"]),
        doc, s.marks["before"] - 88, "suspicious", findings=["duplicate-charge"],
        not_findings=["submission-cost-mismatch"], covers=["duplicate-charge"]))

    # an allocation that is not the plan's
    s = client("blue-heron", "Blue Heron Kayaks", "America/Vancouver", "growth", "2026-04-18",
               "2026-11-10 09:00", opening=(0, 150), base=3370, cbase=415)
    s.submit("2026-11-12 10:20", "Sea Kayak Tours", [6, 6, 6, 6], deliver_after=20, delivered="-2")
    s.submit("2026-11-16 09:05", "Winter Paddling Gear", [], deliver_after=20)
    s.advance("2026-11-17 20:00")
    s.mark("before")
    s.misallocate("2026-11-18", 300)
    doc = s.snapshot(NOW)
    result.append(scenario(
        "allocation-mismatch",
        "Blue Heron Kayaks is on growth (325 a month). The Nov 18 renewal allocated 300. The owner expected "
        "%d + 325 = %d and sees %d." % (s.marks["before"], s.marks["before"] + 325, doc["client"]["balance"]),
        doc, s.marks["before"] + 325, "suspicious", findings=["allocation-mismatch"], covers=["allocation-mismatch"]))
    assert doc["client"]["balance"] == s.marks["before"] + 300

    # a refund that is not deposit - delivered
    s = client("mosaic-tiles", "Mosaic Tile Studio", "Asia/Kolkata", "growth", "2026-11-04",
               "2026-11-03 10:00", opening=(0, 120), base=1560, cbase=240)
    s.submit("2026-11-18 12:00", "Bathroom Makeover", [8, 8, 8, 8, 8, 8], deliver_after=20, delivered=40,
             reconcile_amount=3, label="bath")
    s.advance("2026-11-20 12:00")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "refund-mismatch",
        "Mosaic Tile Studio's 'Bathroom Makeover' deposited 48 s of showcase and delivered 40 s: 8 tokens "
        "should have come back. The refund entry says +3. The owner expected %d (with the 8) and sees %d."
        % (doc["client"]["balance"] + 5, doc["client"]["balance"]),
        doc, doc["client"]["balance"] + 5, "suspicious", findings=["refund-mismatch"],
        not_findings=["missing-refund"], covers=["refund-mismatch"]))

    # near miss: a refund that matches
    s = client("mosaic-tiles", "Mosaic Tile Studio", "Asia/Kolkata", "growth", "2026-11-04",
               "2026-11-03 10:00", opening=(0, 120), base=1560, cbase=240)
    s.submit("2026-11-18 12:00", "Bathroom Makeover", [8, 8, 8, 8, 8, 8], deliver_after=20, delivered=42,
             label="bath")
    s.advance("2026-11-19 07:00")
    s.mark("before")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "refund-matches-near-miss",
        "The same creative delivered 42 s of its 48 s deposit and +6 came back: deposit minus delivered, "
        "exactly. The owner saw %d before the refund and asks about the +6 he now sees (%d)."
        % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "explained",
        first=[cause("showcase-refund", 6, s.labels["bath:reconcile"])],
        not_findings=["refund-mismatch", "missing-refund"]))

    # a missing refund, delivered three days ago
    s = client("rosewood-salon", "Rosewood Hair Salon", "Australia/Sydney", "growth", "2026-11-06",
               "2026-11-05 09:00", opening=(0, 200), base=9050, cbase=1777)
    cid = s.submit("2026-11-19 10:00", "Balayage Transformation", [10, 10, 10, 10, 10, 10], deliver_after=22,
                   delivered=51, reconcile=False, label="balayage")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "missing-refund",
        "Rosewood Hair Salon's 'Balayage Transformation' deposited 60 s and was delivered with 51 s on "
        "Nov 20 in Sydney, more than 48 hours ago. The 9 unused seconds should have come back; no refund "
        "is on the log. The owner expected %d and sees %d."
        % (doc["client"]["balance"] + 9, doc["client"]["balance"]),
        doc, doc["client"]["balance"] + 9, "suspicious", findings=["missing-refund"],
        not_findings=["refund-mismatch"], covers=["missing-refund"]))

    # near miss: delivered 10 hours ago, the refund is not late yet
    s = client("rosewood-salon", "Rosewood Hair Salon", "Australia/Sydney", "growth", "2026-11-06",
               "2026-11-05 09:00", opening=(0, 200), base=9050, cbase=1777)
    s.submit("2026-11-24 10:00", "Balayage Transformation", [10, 10, 10, 10, 10, 10], deliver_after=6,
             delivered=51, reconcile=False, label="balayage")
    doc = s.snapshot(NOW)
    delivered_at = parse_time(doc["creatives"][0]["delivered_at"])
    assert (parse_time(NOW) - delivered_at).total_seconds() == 10 * 3600
    result.append(scenario(
        "missing-refund-near-miss-10h",
        "The same video, delivered 10 hours ago with 51 of 60 s. The owner expects the 9 tokens back "
        "already. Refunds land after delivery and 10 hours is within the 48-hour grace: no missing-refund "
        "finding, but a refund-pending note (info) that the refund is still to come: the refund not yet "
        "landed is what explains the 9 tokens, with the advice to wait and check again.",
        doc, doc["client"]["balance"] + 9, "explained", findings=["refund-pending"],
        not_findings=["missing-refund", "refund-mismatch"], covers=["refund-pending"]))

    # an overage the balance covered
    s = client("juniper-spa", "Juniper Day Spa", "America/New_York", "growth", "2026-11-09",
               "2026-11-08 09:00", opening=(0, 180), base=6600, cbase=911)
    s.submit("2026-11-20 10:00", "Hot Stone Ritual", [8, 8, 8, 8, 8, 8], deliver_after=21, delivered=54,
             label="stone")
    s.advance("2026-11-21 06:00")
    s.mark("before")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "showcase-overage-covered",
        "Juniper Day Spa's 'Hot Stone Ritual' deposited 48 s; the final cut ran 54 s, so the extra 6 s came "
        "out of the balance as a small -6 showcase overage entry. The owner expected %d and sees %d."
        % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "explained",
        first=[cause("showcase-overage", -6, s.labels["stone:reconcile"])],
        not_findings=["refund-mismatch", "outstanding-balance"], covers=["showcase-overage"]))

    # an overage beyond the balance: outstanding
    s = client("cobalt-cycles", "Cobalt Cycles", "Europe/Berlin", "starter", "2026-11-16",
               "2026-11-15 09:00", opening=(0, 80), base=2210, cbase=330)
    s.submit("2026-11-16 07:00", "Gravel Bike Launch", [8, 8, 8, 8, 8, 8], deliver_after=2, delivered="-0")
    s.advance("2026-11-17 09:00")
    s.submit("2026-11-20 09:00", "Winter Commuting", [12, 12, 12, 12, 12, 12, 12, 12], deliver_after=20,
             delivered=110, label="winter")
    s.advance("2026-11-21 18:00")
    doc = s.snapshot(NOW)
    paid = balance_before(doc, s.labels["winter:reconcile"])
    owed = Replay(doc).outstanding
    assert paid + owed == 14 and doc["client"]["balance"] == 0
    result.append(scenario(
        "overage-outstanding",
        "Cobalt Cycles' 'Winter Commuting' deposited 96 s and delivered 110 s: 14 s extra. Only %d tokens "
        "were left, so the -14 overage took them and the other %d became an outstanding token balance to "
        "settle later. The owner expected %d and sees 0: the balance paid %d of the overage (the explained "
        "part); the %d owed is not a balance movement (an info finding)." % (paid, owed, paid, paid, owed),
        doc, paid, "explained",
        first=[cause("showcase-overage", -paid, s.labels["winter:reconcile"])],
        findings=["outstanding-balance"], not_findings=["refund-mismatch"], covers=["outstanding-balance"]))

    # the shown balance does not replay
    s = client("quarry-climbing", "Quarry Climbing Gym", "America/Denver", "growth", "2026-11-02",
               "2026-11-01 09:00", opening=(0, 40), base=3900, cbase=460)
    s.submit("2026-11-09 17:00", "Bouldering for Beginners", [10, 10, 10], deliver_after=20, delivered="-2")
    s.submit("2026-11-16 18:30", "Youth Climbing Team", [8, 8, 8, 8], deliver_after=20, delivered="-0")
    replayed = s.balance
    doc = s.snapshot(NOW, shown_balance=s.balance - 20)
    result.append(scenario(
        "ledger-mismatch",
        "Quarry Climbing Gym's owner added up the credits log and got %d; the dashboard shows %d. "
        "Replaying the log from its opening balance gives %d too: the shown balance does not follow from "
        "the log, which only support can look into (the audit log behind it)."
        % (replayed, replayed - 20, replayed),
        doc, replayed, "suspicious", findings=["ledger-mismatch"], covers=["ledger-mismatch"],
        ledger_mismatch=True))

    # an entry type nobody knows
    s = client("marigold-tea", "Marigold Tea House", "Asia/Kathmandu", "starter", "2026-11-08",
               "2026-11-07 09:00", opening=(0, 75), base=1300, cbase=190)
    s.submit("2026-11-12 11:00", "Masala Chai Ritual", [6, 6, 6, 6], deliver_after=20, delivered="-0")
    s.advance("2026-11-22 10:00")
    s.mark("before")
    s.raw("2026-11-22 10:05", "referral_bonus", 25, note="Referred Himalayan Coffee Co.", label="bonus")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "unknown-entry-type",
        "Marigold Tea House (Kathmandu, UTC+05:45) sees 25 more tokens than expected. The log has a "
        "'referral_bonus' entry, a type the rules do not know: it is kept and replayed, reported as an "
        "info finding, and no rule claims it, so the difference stays unexplained.",
        doc, s.marks["before"], "unexplained", findings=["unknown-entry-type"], covers=["unknown-entry-type"]))

    # an unknown deduction next to a known one: partial
    s = client("marigold-tea", "Marigold Tea House", "Asia/Kathmandu", "starter", "2026-11-08",
               "2026-11-07 09:00", opening=(0, 175), base=1300, cbase=190)
    s.submit("2026-11-12 11:00", "Masala Chai Ritual", [6, 6, 6, 6], deliver_after=20, delivered="-0")
    s.advance("2026-11-22 10:00")
    s.mark("before")
    s.raw("2026-11-22 10:05", "Storage Fee", -15, note="Archive storage, November", label="fee")
    s.submit("2026-11-23 12:30", "Darjeeling First Flush", [8, 8, 8, 8, 8, 8], label="flush")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "unknown-entry-partial",
        "The same tea house, another month: a 'Storage Fee' entry of -15 (a type the rules do not know) and "
        "the -88 'Darjeeling First Flush' submission still in production. Expected %d, sees %d: the "
        "submission explains -88, the unknown -15 stays unexplained, so the answer is partial."
        % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "partial", explained=-88,
        first=[cause("in-flight-submissions", -88, s.labels["flush"])], findings=["unknown-entry-type"]))

    # ambiguity: two exact single-cause hypotheses, recency decides
    s = client("salsa-verde", "Salsa Verde Cantina", "America/Mexico_City", "growth", "2026-11-03",
               "2026-11-02 09:00", opening=(0, 140), base=5500, cbase=777)
    s.submit("2026-11-23 12:00", "Taco Tuesday", [6, 6, 6, 6], label="taco")
    s.mark("after-taco")
    s.submit("2026-11-24 08:30", "Salsa Night", [6, 6, 6, 6], label="salsa")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "ambiguous-recency",
        "Salsa Verde's manager counted yesterday's 'Taco Tuesday' (-64) and expected %d; she sees %d. Two "
        "hypotheses are exact with one cause each: today's 'Salsa Night' (-64) and yesterday's 'Taco "
        "Tuesday' (-64), both in-flight submissions of the same rule. Exact, same number of causes, same "
        "weight: the more recent movement ranks first (SPEC section 6), which is also what a customer who "
        "already counted yesterday's charge means." % (s.marks["after-taco"], doc["client"]["balance"]),
        doc, s.marks["after-taco"], "explained",
        first=[cause("in-flight-submissions", -64, s.labels["salsa"])],
        rank_note="two exact one-cause hypotheses (e-%s and e-%s); the more recent ranks first"
        % (s.labels["salsa"][2:], s.labels["taco"][2:])))

    # ambiguity: one cause beats two
    s = client("pinecone-press", "Pinecone Press", "America/Anchorage", "growth", "2026-11-05",
               "2026-11-04 09:00", opening=(0, 300), base=4700, cbase=560)
    s.advance("2026-11-20 08:00")
    s.mark("before")
    s.submit("2026-11-20 09:00", "Fall Reading List", [8, 8, 8, 8, 8, 8], label="list")
    s.images("2026-11-23 10:00", 24, note="Persona: 'Marge, librarian'", label="marge")
    s.submit("2026-11-23 11:30", "Staff Picks", [], label="picks")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "ambiguous-fewer-causes",
        "Pinecone Press's editor counted Monday's work (24 persona re-rolls and 'Staff Picks') and expected "
        "%d; she sees %d, 88 fewer. Two hypotheses are exact: Friday's 'Fall Reading List' (-88, still in "
        "production: one cause) or Monday's pair, the re-rolls (-48) and 'Staff Picks' (-40, no showcase): "
        "two causes. But %d is exactly what her balance was on Monday morning, and the pair is everything "
        "since then: that story ranks first (it starts where her number was the real balance), the "
        "one-cause answer second."
        % (s.marks["before"] - 88, doc["client"]["balance"], s.marks["before"] - 88),
        doc, doc["client"]["balance"] + 88, "explained",
        first=[cause("image-generation", -48, s.labels["marge"]), cause("in-flight-submissions", -40, s.labels["picks"])],
        rank_note="the story since the balance was the expected number (%s + %s) ranks above one cause (%s)"
        % (s.labels["marge"], s.labels["picks"], s.labels["list"])))

    # nothing to explain
    s = client("harbor-lights", "Harbor Lights Marina", "Pacific/Auckland", "scale", "2026-11-12",
               "2026-11-11 09:00", opening=(0, 40), base=6060, cbase=808)
    s.submit("2026-11-18 10:00", "Summer Moorings", [12, 12, 12, 12, 12, 12], deliver_after=20, delivered="-4")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "no-discrepancy",
        "Harbor Lights Marina (Auckland) asks whether %d is right after last week's 'Summer Moorings': it is "
        "what they expected. Delta 0: nothing to explain, no finding." % doc["client"]["balance"],
        doc, doc["client"]["balance"], "no_discrepancy"))

    # auto reload triggered by image re-rolls
    s = client("paper-crane", "Paper Crane Origami", "Asia/Tokyo", "starter", "2026-10-26",
               "2026-11-01 09:00", opening=(20, 50), reload=(True, 50), base=1910, cbase=220)
    s.submit("2026-11-10 10:00", "Crane Folding 101", [4, 4, 4, 4, 4, 4], deliver_after=20, delivered="-0")
    s.advance("2026-11-20 12:00")
    s.mark("before")
    s.images("2026-11-20 13:05", 4, note="Persona: 'Aiko, paper artist'", label="aiko")
    doc = s.snapshot(NOW)
    reload = [e["id"] for e in doc["entries"] if e["type"] == "auto_reload"]
    result.append(scenario(
        "auto-reload-on-rerolls",
        "Paper Crane Origami had %d tokens, re-rolled a persona four times (-8), and auto reload fired "
        "because 8 was more than the balance: +50, logged just before the re-rolls. Expected %d, sees %d."
        % (s.marks["before"], s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "explained",
        first=[cause("auto-reload", 50, *(reload + [s.labels["aiko"]])),
               cause("image-generation", -8, s.labels["aiko"])]))

    # a renewal on the last day of a short month
    s = client("moonrise-bakery", "Moonrise Bakery", "America/Chicago", "starter", "2026-01-31",
               "2026-11-01 09:00", opening=(150, 15), base=9990, cbase=1010)
    s.submit("2026-11-04 09:00", "Night Shift Bakers", [8, 8, 8, 8], deliver_after=20, delivered="-1")
    s.submit("2026-11-19 09:00", "Black Friday Pies", [8, 8, 8], deliver_after=20, delivered="-0")
    s.advance("2026-11-29 20:00")
    s.mark("before")
    doc = s.snapshot("2026-12-01T15:00:00Z")
    renewal = s.labels["renewal:2026-11-30"]
    expired = Replay(doc).expiries[-1][2]
    result.append(scenario(
        "short-month-renewal",
        "Moonrise Bakery's billing anchor is Jan 31, so in November it renews on the 30th (the last day of "
        "a short month). The owner saw %d on Sunday night and sees %d on Tuesday: +150 starter allocation "
        "and %d unused plan tokens expired." % (s.marks["before"], doc["client"]["balance"], expired),
        doc, s.marks["before"], "explained",
        first=[cause("cycle-renewal", 150, renewal), cause("plan-token-reset", expired, renewal)],
        not_findings=["allocation-mismatch"]))

    # three causes and a warning: a duplicate charge among ordinary movements
    s = client("copperleaf-florals", "Copperleaf Florals", "Europe/Paris", "growth", "2026-11-13",
               "2026-11-12 09:00", opening=(0, 260), base=7000, cbase=880)
    s.advance("2026-11-19 08:00")
    s.mark("before")
    cid = s.submit("2026-11-19 10:00", "Peony Season", [10, 10, 10, 10], deliver_after=20, delivered="-5",
                   label="peony")
    s.raw("2026-11-19 10:01", "submission", -80, creative=cid, label="peony-again")
    s.images("2026-11-21 15:00", 7, note="Persona: 'Camille, florist'", label="camille")
    doc = s.snapshot(NOW)
    result.append(scenario(
        "duplicate-among-ordinary",
        "Copperleaf Florals expected %d and sees %d. The log explains it exactly: 'Peony Season' -80, a "
        "second -80 for the same creative a minute later, +5 back after delivery, and 14 tokens of persona "
        "re-rolls. The second charge is a duplicate, so the answer is suspicious even though the numbers add "
        "up, and the ticket asks support to reverse it."
        % (s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "suspicious", findings=["duplicate-charge"],
        not_findings=["submission-cost-mismatch", "refund-mismatch"]))

    # the question asked about an earlier moment: --actual and --until
    story, doc = examples.tuned(examples.fernweh, "before", 180)   # the example, as written
    noon = "2026-11-23T12:00:00+01:00"
    morning = [e for e in doc["entries"] if e["type"] == "image_generation"
               and parse_time(noon) >= parse_time(e["at"]) >= parse_time("2026-11-23T00:00:00+01:00")]
    seen = 180 + sum(e["amount"] for e in morning)
    result.append(scenario(
        "rerolls-until-noon",
        "Fernweh Travel's lead looked at the balance at noon on Monday, saw %d and expected 180. The question "
        "is about that moment: --actual %d --until noon. Only the morning's five rounds of re-rolls (%d "
        "tokens) are in the window; the afternoon's are after it." % (seen, seen, 180 - seen),
        doc, 180, "explained", actual=seen, since="2026-11-23", until=noon,
        snapshot_file="seeds/examples/fernweh-travel-rerolls.yaml",
        first=[cause("image-generation", seen - 180, *[e["id"] for e in morning])]))

    # the same short delivery, asked about three days later: --now
    s = client("rosewood-salon", "Rosewood Hair Salon", "Australia/Sydney", "growth", "2026-11-06",
               "2026-11-05 09:00", opening=(0, 200), base=9050, cbase=1777)
    s.submit("2026-11-24 10:00", "Balayage Transformation", [10, 10, 10, 10, 10, 10], deliver_after=6,
             delivered=51, reconcile=False)
    doc = s.snapshot(NOW)
    result.append(scenario(
        "missing-refund-later-now",
        "The 10-hour near miss again, with --now three days later (Nov 27): the refund has had its 48 hours "
        "and has not landed. The same snapshot now gives a missing-refund finding.",
        doc, doc["client"]["balance"] + 9, "suspicious", now="2026-11-27T15:00:00Z",
        findings=["missing-refund"], not_findings=["refund-mismatch"]))

    # a downgrade: a negative proration
    s = client("granite-peak", "Granite Peak Realty", "America/Denver", "scale", "2026-05-10",
               "2026-11-09 09:00", opening=(40, 60), base=6410, cbase=707)
    s.submit("2026-11-12 10:30", "Mountain Cabin Listing", [10, 10, 10, 10], deliver_after=20, delivered="-2")
    s.submit("2026-11-16 14:10", "Ski-In Condo Tour", [12, 12, 12, 12, 12], deliver_after=22, delivered="-0")
    s.advance("2026-11-20 08:00")
    s.mark("before")
    s.change_plan("2026-11-20 09:15", "growth", label="downgrade")
    doc = s.snapshot(NOW)
    downgrade = next(e for e in doc["entries"] if e["id"] == s.labels["downgrade"])
    result.append(scenario(
        "mid-cycle-downgrade",
        "Granite Peak Realty moved from scale to growth on Nov 20, ten days into the cycle. The smaller plan "
        "is prorated too: (325 - 575) x 20 of 30 days = %d plan tokens, logged as a mid-cycle proration. "
        "The broker expected the balance of that morning (%d) and sees %d."
        % (downgrade["amount"], s.marks["before"], doc["client"]["balance"]),
        doc, s.marks["before"], "explained",
        first=[cause("mid-cycle-proration", downgrade["amount"], downgrade["id"])],
        not_findings=["allocation-mismatch"]))
    assert downgrade["amount"] == -166

    # a log copied from the credits page: its labels, not the ids
    s = client("willow-and-pine", "Willow & Pine Interiors", "America/Toronto", "starter", "2026-10-10",
               "2026-11-01 09:00", opening=(0, 20), reload=(True, 50), base=3050, cbase=300)
    s.top_up("2026-11-02 12:00", 100, note="Card ending 5150")
    s.submit("2026-11-04 10:00", "Scandi Living Room", [8, 8, 8, 8], deliver_after=20, delivered="-3")
    s.submit("2026-11-18 11:20", "Holiday Mantel Styling", [10, 10, 10, 10, 10, 10], deliver_after=21,
             delivered="-4", label="mantel")
    s.advance("2026-11-19 20:00")
    s.mark("before")
    s.submit("2026-11-23 09:40", "Reading Nook Makeover", [12, 12, 12, 12, 12, 12], label="nook")
    doc = s.snapshot(NOW)
    labels = {"submission": "Submission", "submission_refund": "Submission refund",
              "plan_allocation": "Plan allocation", "manual_top_up": "Manual top up",
              "auto_reload": "Auto reload", "mid_cycle_proration": "Mid cycle proration"}
    for entry in doc["entries"]:
        entry["type"] = labels.get(entry["type"], entry["type"])
    reloads = [e["id"] for e in doc["entries"] if e["type"] == "Auto reload"]
    assert len(reloads) == 1 and {e["type"] for e in doc["entries"]} == {
        "Submission", "Submission refund", "Plan allocation", "Manual top up", "Auto reload"}
    result.append(scenario(
        "credits-page-labels",
        "Willow & Pine's office manager pasted the log as the credits page shows it: 'Submission', 'Auto "
        "reload', 'Manual top up'... The labels are read as the entry types. Expected %d (Thursday), sees %d: "
        "'Reading Nook Makeover' (40 + 6 x 12 s = 112) was more than the balance, so auto reload added "
        "+%d first." % (s.marks["before"], doc["client"]["balance"], 50 * len(reloads)),
        doc, s.marks["before"], "explained",
        first=[cause("auto-reload", 50 * len(reloads), *(reloads + [s.labels["nook"]])),
               cause("in-flight-submissions", -112, s.labels["nook"])],
        not_findings=["unknown-entry-type"]))
    return result


def exact_subsets(document, delta, window_start, window_end, limit=3):
    """Whole-movement subsets (entries and expiries) of at most `limit` that add up to `delta`."""
    replay = Replay(document)
    moves = [(e["id"], e["amount"]) for e in document["entries"]
             if window_start <= parse_time(e["at"]) <= window_end]
    moves += [("expiry:" + entry, amount) for entry, at, amount in replay.expiries
              if window_start <= parse_time(at) <= window_end]
    for size in range(1, limit + 1):
        found = [c for c in itertools.combinations(moves, size) if sum(a for _, a in c) == delta]
        if found:
            return size, found
    return None, []


def check(item, read_back, path):
    document, snapshot = item["document"], item["snapshot"]
    query, expect = document["query"], document["expect"]
    shown = query.get("actual", snapshot["client"]["balance"])
    assert expect["delta"] == shown - query["expected"]
    found = audit.findings(snapshot, query["expected"], query.get("now"))
    assert sorted(found) == expect["findings"], "%s: findings %s, listed %s" % (
        document["name"], sorted(found), expect["findings"])
    assert not set(expect["not_findings"]) & set(found), document["name"]
    warned = audit.warnings(found)
    status = expect["status"]
    if warned:
        assert status == "suspicious", "%s: warnings %s but status %s" % (document["name"], warned, status)
    elif expect["delta"] == 0:
        assert status == "no_discrepancy", document["name"]
    else:
        assert status in ("explained", "partial", "unexplained"), document["name"]
    first = expect.get("first_hypothesis")
    if first:
        total = sum(c["amount"] for c in first)
        if status == "explained":
            assert total == expect["delta"], "%s: causes add to %d, delta %d" % (document["name"], total, expect["delta"])
        if status == "partial":
            assert total == expect["explained"], document["name"]
        ids = {e["id"] for e in snapshot["entries"]}
        for c in first:
            assert set(c["entries"]) <= ids, (document["name"], c)
    assert all(plan + rollover >= 0 for _, plan, rollover, _ in Replay(snapshot).rows), \
        "%s: the balance goes below zero" % document["name"]
    if item["mismatch"]:
        assert Replay(snapshot).balance != snapshot["client"]["balance"]
    else:
        assert Replay(snapshot).balance == snapshot["client"]["balance"], document["name"]


def write_all(root, read_back):
    items = from_examples() + small()
    folder = os.path.join(root, SCENARIOS)
    os.makedirs(folder, exist_ok=True)
    for stale in os.listdir(folder):
        if stale.endswith(".yaml"):
            os.remove(os.path.join(folder, stale))
    coverage = {}
    names = set()
    for item in items:
        document = item["document"]
        assert document["name"] not in names, document["name"]
        names.add(document["name"])
        path = os.path.join(folder, document["name"] + ".yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(dump(document, "Generated by scripts/seedgen: change the story there, not here."))
        from yamlio import load
        parsed = load(open(path, encoding="utf-8").read())
        assert parsed == __import__("json").loads(__import__("json").dumps(document)), path
        if "snapshot" in parsed:
            audit.validate(parsed["snapshot"])
        else:
            on_disk = load(open(os.path.join(root, parsed["snapshot_file"]), encoding="utf-8").read())
            assert on_disk == __import__("json").loads(__import__("json").dumps(item["snapshot"])), path
        check(item, read_back, path)
        expect = document["expect"]
        for rule in [c["rule"] for c in expect.get("first_hypothesis") or []] + expect["findings"]:
            coverage.setdefault(rule, []).append(document["name"])
        now = parse_time(document["query"].get("now") or item["snapshot"]["generated_at"])
        from datetime import timedelta
        start = parse_time(document["query"]["since"]) if "since" in document["query"] and "T" in document["query"]["since"] else now - timedelta(days=35)
        size, found = exact_subsets(item["snapshot"], expect["delta"], start, now)
        print("%-34s %-14s delta %5d  smallest exact whole-movement sets: %s x%d" % (
            document["name"], expect["status"], expect["delta"], size, len(found)))
    write_readme(root, items, coverage)
    print("%d scenarios; all %d rule ids covered" % (len(items), len(RULE_IDS)))
    return items, coverage


RULE_IDS = [
    ("showcase-deposit", "cause"), ("in-flight-submissions", "cause"), ("showcase-refund", "cause"),
    ("showcase-overage", "cause"), ("cycle-renewal", "cause"), ("plan-token-reset", "cause"),
    ("auto-reload", "cause"), ("image-generation", "cause"), ("admin-adjustment", "cause"),
    ("manual-top-up", "cause"), ("mid-cycle-proration", "cause"),
    ("wrong-client", "finding (warning)"), ("fix-not-landed", "finding (warning)"),
    ("submission-cost-mismatch", "finding (warning)"), ("duplicate-charge", "finding (warning)"),
    ("allocation-mismatch", "finding (warning)"), ("refund-mismatch", "finding (warning)"),
    ("missing-refund", "finding (warning)"), ("ledger-mismatch", "finding (warning)"),
    ("outstanding-balance", "finding (info)"), ("unknown-entry-type", "finding (info)"),
    ("refund-pending", "finding (info; beyond SPEC's table)"),
]

README_HEAD = """# End-to-end scenarios

Each file is one case for `credits explain --format json`, written by `python3 scripts/seedgen`
(do not edit by hand: change `scripts/seedgen/scenarios.py` and run it again). The generator
replays every snapshot and checks that its shown balance follows from its log (all but
`ledger-mismatch.yaml`, whose point is that it does not), that `delta` is `actual - expected`,
that an `explained` first hypothesis adds up to the delta, and that `findings` lists exactly the
findings the facts call for (its own reading of SPEC section 6).

These are data files read at run time, not sources: the `EndToEndTests` target should exclude the
folder (`exclude: ["Expected", "Scenarios"]` in Package.swift), or SwiftPM warns about unhandled files.
`python3 scripts/seedgen/run_scenarios.py [NAME ...]` runs them against a built `credits`.

## Format

```yaml
name: example-bluebird-in-flight        # the file's stem
story: one paragraph, what the customer saw and why
snapshot: { ... }                       # a full SPEC section 3 document, inline
snapshot_file: seeds/examples/x.yaml    # ... or a path from the repository root (one of the two)
query:                                  # the options of `credits explain`
  expected: 200                         # --expected
  actual: 112                           # --actual (optional; default client.balance)
  since: 2026-11-23                     # --since, --until, --now (optional, as on the command line)
expect:
  status: explained                     # SPEC section 5
  delta: -88                            # actual - expected
  explained: -88                        # optional: the top-level `explained` (given for `partial`)
  first_hypothesis:                     # optional: hypotheses[0]
    - { rule: in-flight-submissions, amount: -88, entries: [e-1043] }
  findings: [wrong-client]              # exactly the findings' rule ids (warnings and infos)
  not_findings: [submission-cost-mismatch]   # ids that must not appear (the near misses)
ranking: why the first hypothesis ranks first, where two are exact (optional, for people)
```

How a test should compare (and how these files were written):

- `status` and `delta` equal the output's.
- `first_hypothesis`: the first hypothesis's causes, as a multiset of `(rule, amount)`, equal the
  list; each cause's `entries` here are a subset of the entries the output cites for it (a cause may
  cite more, e.g. auto reload cites the charge too).
- `findings`: the set of rule ids in the output's findings equals the list; `not_findings`: none
  of these ids appears.

## Decisions these scenarios rest on (SPEC leaves them open)

- **Severity.** `outstanding-balance` and `unknown-entry-type` are info (SPEC's table), and so is
  `refund-pending` (a pack rule beyond the table: a refund not yet due is still to come); every other
  finding is a warning, so any scenario where one fires is `suspicious`, even when the numbers add up
  (`duplicate-among-ordinary`).
- **Cause amounts and grouping.**
  `in-flight-submissions`: the whole charge of one in-flight creative, one cause per creative.
  `showcase-deposit`: the deposit part of a submission's charge (the charge minus the 40 base; the
  customer knew the base: `showcase-deposit-known-base`). A rule pack may also offer a delivered
  submission's whole charge as a cause (a customer who forgot it); no scenario depends on that.
  `showcase-refund`, `showcase-overage`, `admin-adjustment`, `manual-top-up`, `mid-cycle-proration`,
  `cycle-renewal`: one cause per entry, its amount. A `showcase-overage` beyond the balance claims
  only what the balance paid (the rest went to `outstanding`, it is not a balance movement:
  `overage-outstanding`). `plan-token-reset`: the computed expiry (negative), citing the renewal's
  allocation entry. `auto-reload`: all the reloads logged next to one charge as one cause (+50 x k),
  citing the reloads and the charge; the charge itself is another cause. `image-generation`: all the
  `image_generation` entries of one local day as one cause.
- **Unknown entry types** are replayed but no cause claims them: the difference they make stays
  unexplained (`unknown-entry-type`: `unexplained`; `unknown-entry-partial`: `partial`).
- **A refund not yet due** (delivered under 48 h ago) is an info finding that accounts for the
  tokens: the difference is `explained` by it (`missing-refund-near-miss-10h`), and the advice says to wait.
- **Ranking among exact hypotheses** (Rules/README.md, "How the answer is chosen"): a story that starts
  where the expected number was the real balance first (`ambiguous-fewer-causes`),
  then the rules' weights, then the more recent movements (`ambiguous-recency`: two one-cause exact
  hypotheses of the same rule; the newer charge ranks first).
- **The plan of an allocation** is the plan in force on its day (`plan_changes`), not the client's
  plan now (`example-saltbush-upgrade`: Nov 3's 150 is right for starter).

"""


def write_readme(root, items, coverage):
    lines = [README_HEAD, "## Which scenario covers which rule id", "",
             "| rule id | kind | scenarios (in the first hypothesis or the findings) |", "| --- | --- | --- |"]
    for rule, kind in RULE_IDS:
        names = sorted(set(coverage.get(rule, [])))
        assert names, "no scenario covers %s" % rule
        lines.append("| `%s` | %s | %s |" % (rule, kind, ", ".join("`%s`" % n for n in names)))
    lines += ["", "## The scenarios", "", "| file | status | delta | what it checks |", "| --- | --- | --- | --- |"]
    for item in items:
        d = item["document"]
        extra = []
        if d["expect"]["not_findings"]:
            extra.append("never " + ", ".join("`%s`" % n for n in d["expect"]["not_findings"]))
        lines.append("| `%s.yaml` | %s | %d | %s%s |" % (
            d["name"], d["expect"]["status"], d["expect"]["delta"],
            d["story"].split(". ")[0].rstrip(".") + ".", (" " + "; ".join(extra) + ".") if extra else ""))
    with open(os.path.join(root, SCENARIOS, "README.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
