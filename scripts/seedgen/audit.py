"""Checks a snapshot the way SPEC section 3 reads it, and lists the findings of SPEC
section 6 that its facts call for, so that hand-written expectations are cross-checked."""

from datetime import timedelta

import policy
from ledger import KNOWN_TYPES, Replay, normalise_type, parse_time

INFO_FINDINGS = {"outstanding-balance", "unknown-entry-type", "refund-pending"}


def validate(document):
    """Raises on anything SPEC section 3 refuses; returns the replay."""
    for key in ("generated_at", "client", "entries"):
        assert key in document, "missing %s" % key
    client = document["client"]
    for key in ("id", "name", "plan", "billing_anchor", "balance"):
        assert key in client, "client: missing %s" % key
    assert client["plan"] in policy.PLANS, client["plan"]
    creatives = {c["id"]: c for c in document.get("creatives") or []}
    seen = set()
    for entry in document["entries"]:
        assert entry["id"] not in seen, "duplicate entry id %s" % entry["id"]
        seen.add(entry["id"])
        assert isinstance(entry["amount"], int), entry
        assert parse_time(entry["at"]).utcoffset() is not None, entry
        if entry.get("creative"):
            assert entry["creative"] in creatives, "undeclared creative %s" % entry["creative"]
    for creative in creatives.values():
        assert all(isinstance(c, int) and c > 0 for c in creative["clips"]), creative
        assert creative["status"] in ("in_flight", "delivered"), creative
        if creative["status"] == "delivered":
            assert creative["delivered_at"], creative
        assert creative.get("delivered_seconds") is None or creative["delivered_seconds"] >= 0, creative
    return Replay(document)


def plan_at(document, moment):
    """The plan in force at `moment`, from the plan changes (the client's plan after the last one)."""
    for change in sorted(document.get("plan_changes") or [], key=lambda c: parse_time(c["at"])):
        if parse_time(change["at"]) > moment:
            return change["from"]
    return document["client"]["plan"]


def findings(document, expected=None, now=None):
    """{rule id: sorted entry / report ids} for every finding the facts call for."""
    replay = Replay(document)
    now = parse_time(now or document["generated_at"])
    entries = sorted(document["entries"], key=lambda e: parse_time(e["at"]))
    creatives = {c["id"]: c for c in document.get("creatives") or []}
    kind = lambda e: normalise_type(e["type"])
    found = {}

    def add(rule, *ids):
        found.setdefault(rule, set()).update(ids)

    charges = {}
    for entry in entries:
        creative = creatives.get(entry.get("creative"))
        if kind(entry) == "submission":
            charges.setdefault(entry.get("creative"), []).append(entry["id"])
            if creative and entry["amount"] != -policy.submission_cost(creative["clips"]):
                add("submission-cost-mismatch", entry["id"])
        elif kind(entry) in ("submission_refund", "showcase_overage") and creative:
            deposit = policy.showcase_deposit(creative["clips"])
            delivered = creative.get("delivered_seconds")
            if delivered is None or entry["amount"] != deposit - delivered:
                add("refund-mismatch", entry["id"])
        elif kind(entry) == "plan_allocation":
            if entry["amount"] != policy.PLANS[plan_at(document, parse_time(entry["at"]))]:
                add("allocation-mismatch", entry["id"])
        elif kind(entry) is None:
            add("unknown-entry-type", entry["id"])
    for creative_id, ids in charges.items():
        if creative_id and len(ids) > 1:
            add("duplicate-charge", *ids)
    for creative in creatives.values():
        if creative["status"] != "delivered" or creative.get("delivered_seconds") is None:
            continue
        deposit = policy.showcase_deposit(creative["clips"])
        late = parse_time(creative["delivered_at"]) + timedelta(hours=policy.REFUND_GRACE_HOURS) < now
        refunded = any(kind(e) == "submission_refund" and e.get("creative") == creative["id"] for e in entries)
        if creative["delivered_seconds"] < deposit and not refunded:
            add("missing-refund" if late else "refund-pending", creative["id"])
    if replay.balance != document["client"]["balance"]:
        add("ledger-mismatch")
    if document["client"].get("outstanding", 0) > 0 or replay.outstanding > 0:
        add("outstanding-balance")
    for report in document.get("reports") or []:
        opened = parse_time(report["opened_at"])
        if not any(kind(e) == "admin_adjustment" and parse_time(e["at"]) > opened for e in entries):
            add("fix-not-landed", report["id"])
    if expected is not None and expected != document["client"]["balance"]:
        for other in document.get("other_clients") or []:
            if other["balance"] == expected:
                add("wrong-client", other["id"])
    return {rule: sorted(ids) for rule, ids in found.items()}


def warnings(found):
    return sorted(rule for rule in found if rule not in INFO_FINDINGS)
