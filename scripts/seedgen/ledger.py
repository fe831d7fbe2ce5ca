"""An independent replay of a client snapshot (SPEC section 2, INTERFACES.md).

Works on the parsed document (plain dicts and lists), so that what is checked is
what was written to disk, not the builder's own running state.
"""

from datetime import datetime

KNOWN_TYPES = {
    "submission", "submission_refund", "showcase_overage", "plan_allocation",
    "mid_cycle_proration", "manual_top_up", "auto_reload", "admin_adjustment",
    "image_generation",
}


def normalise_type(label):
    """'Submission refund', 'submission-refund', 'SUBMISSION_REFUND' -> 'submission_refund'."""
    key = label.strip().lower().replace("-", "_").replace(" ", "_")
    while "__" in key:
        key = key.replace("__", "_")
    return key if key in KNOWN_TYPES else None


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Replay:
    """Buckets after every entry, the computed expiries, and the final state."""

    def __init__(self, snapshot):
        opening = snapshot.get("opening") or {}
        self.plan = opening.get("plan_tokens", 0)
        self.rollover = opening.get("rollover_tokens", 0)
        self.outstanding = 0
        self.rows = []        # (entry, plan_after, rollover_after, outstanding_after)
        self.expiries = []    # (allocation entry id, at, amount < 0)
        self.unknown = []
        indexed = list(enumerate(snapshot["entries"]))
        indexed.sort(key=lambda pair: (parse_time(pair[1]["at"]), pair[0]))
        for _, entry in indexed:
            self._apply(entry)
            self.rows.append((entry, self.plan, self.rollover, self.outstanding))

    @property
    def balance(self):
        return self.plan + self.rollover

    def _deduct(self, need, overflow_to_outstanding):
        if overflow_to_outstanding:
            covered = min(need, max(0, self.plan + self.rollover))
            self.outstanding += need - covered
            need = covered
        from_plan = min(max(self.plan, 0), need)
        self.plan -= from_plan
        self.rollover -= need - from_plan

    def _apply(self, entry):
        kind = normalise_type(entry["type"])
        amount = entry["amount"]
        if kind is None:
            self.unknown.append(entry["id"])
        if kind == "plan_allocation":
            if self.plan > 0:
                self.expiries.append((entry["id"], entry["at"], -self.plan))
            self.plan = amount
        elif amount > 0:
            if kind == "mid_cycle_proration":
                self.plan += amount
            else:
                self.rollover += amount
        elif amount < 0:
            self._deduct(-amount, kind == "showcase_overage")


def balance_before(snapshot, entry_id):
    """The replayed balance just before the entry with this id."""
    replay = Replay(snapshot)
    previous = None
    for entry, plan, rollover, _ in replay.rows:
        if entry["id"] == entry_id:
            if previous is None:
                opening = snapshot.get("opening") or {}
                return opening.get("plan_tokens", 0) + opening.get("rollover_tokens", 0)
            return previous
        previous = plan + rollover
    raise KeyError(entry_id)
