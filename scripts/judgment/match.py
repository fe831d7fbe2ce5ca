"""Whether an answer of `credits explain --format json` names a case's true cause.

The criterion (README.md, "The match criterion", says it in words):

- Only `hypotheses` count, and among them only those whose `confidence` is not
  "low" (the first edition has no `confidence`: every hypothesis counts;
  `coincidences` of the second edition are never hypotheses).
- A hypothesis is TRUE for a movement case when it is exact (`unexplained` 0) and
  its causes claim exactly the movements of one acceptable truth set: each cause
  claims a part of the truth movements it cites whose truth amounts add up to the
  cause's `amount` (an entry id cites the entry's movement, and for a renewal's
  allocation entry also the computed expiry `expiry:<id>`); every entry a cause
  cites but does not claim is context: a charge cited with the auto reloads it
  triggered, or those reloads cited with their charge, or an entry of the same
  creative (a submission cited with its refund); no truth movement is
  claimed twice, and together the causes claim the whole truth set.
  For `balance-was`, the JSON's `balance_was.after_entry` must also be the truth's
  entry when the key exists (second edition).
- `wrong-client`: the first hypothesis is true when the `wrong-client` finding is
  there and names the other client, and no exact hypothesis ranks first unless
  it rests on the wrong-client cause itself.
- `wrong-number`: true when no exact hypothesis ranks first (status is not
  `explained`); there is no true hypothesis to rank second or third.
- A COINCIDENCE ranked first: the first hypothesis is exact ("the log explains all
  of it") and not true. The truth is the only simple story that reaches the number
  (the generator makes sure of it), so such an answer adds up by coincidence:
  movements outside the truth, or a part of the truth's movements, that happen to
  reach the same sum.
"""

import itertools

MAX_ENUMERATED = 12   # a cause citing more truth movements than this claims all of them or nothing


def hypotheses(answer):
    """The answer's hypotheses, the low-confidence ones left out."""
    return [h for h in answer.get("hypotheses") or [] if h.get("confidence") != "low"]


def exact(hypothesis):
    return hypothesis.get("unexplained", 0) == 0


class Truth:
    """One case's truth, from the manifest."""

    def __init__(self, case):
        self.case = case
        self.kind = case["type"]
        self.alternatives = [{key: amount for key, amount in moves} for moves in case.get("alternatives", [])]
        self.related = {}
        self.charges = {group[-1] for group in case.get("related", [])}
        self.reloads = {member for group in case.get("related", []) for member in group[:-1]}
        for group in case.get("related", []) + case.get("creatives", []):
            for member in group:
                self.related.setdefault(member, set()).update(m for m in group if m != member)

    # ---- movement cases -------------------------------------------------------------

    def _claims(self, cause, truth):
        """Every set of truth movements this cause can claim (amounts add up, the rest is context)."""
        cited = cause.get("entries") or []
        keys = []
        for entry in cited:
            for key in (entry, "expiry:" + entry):
                if key in truth and key not in keys:
                    keys.append(key)
        if len(keys) > MAX_ENUMERATED:
            # too many to try every subset: all of them, or all but the charges of the cited
            # reloads, or all but the reloads of the cited charges
            subsets = [tuple(keys), tuple(k for k in keys if k not in self.charges),
                       tuple(k for k in keys if k not in self.reloads)]
        else:
            subsets = (c for size in range(1, len(keys) + 1) for c in itertools.combinations(keys, size))
        found = []
        for subset in subsets:
            if sum(truth[k] for k in subset) != cause.get("amount"):
                continue
            claimed = {k[7:] if k.startswith("expiry:") else k for k in subset}
            context = all(entry in claimed or self.related.get(entry, set()) & claimed for entry in cited)
            if context:
                found.append(frozenset(subset))
        return found

    def _true_for(self, hypothesis, truth):
        options = [self._claims(cause, truth) for cause in hypothesis.get("causes") or []]
        if not options or any(not o for o in options):
            return False
        wanted = frozenset(truth)

        def cover(index, taken):
            if index == len(options):
                return taken == wanted
            return any(not (o & taken) and cover(index + 1, taken | o) for o in options[index])
        return cover(0, frozenset())

    def is_true(self, hypothesis, answer):
        if self.kind == "wrong-number":
            return False
        if self.kind == "wrong-client":
            return any(c.get("rule") == "wrong-client" for c in hypothesis.get("causes") or [])
        if not exact(hypothesis):
            return False
        if self.kind == "balance-was" and "balance_was" in answer:
            was = answer.get("balance_was") or {}
            if was.get("after_entry") != self.case["balance_was"]["after_entry"]:
                return False
        return any(self._true_for(hypothesis, truth) for truth in self.alternatives)

    # ---- the scores of one answer -------------------------------------------------------

    def wrong_client_named(self, answer):
        other = self.case["wrong_client"]
        for finding in answer.get("findings") or []:
            if finding.get("rule") == "wrong-client" and (
                    other["id"] in (finding.get("entries") or []) or other["id"] in finding.get("text", "")
                    or other["name"] in finding.get("text", "")):
                return True
        return False

    def score(self, answer):
        """{top1, top3, coincidence, explained} for one answer."""
        ranked = hypotheses(answer)
        first = ranked[0] if ranked else None
        if self.kind == "wrong-number":
            top1 = first is None or not exact(first)
            top3 = top1
        elif self.kind == "wrong-client":
            top1 = self.wrong_client_named(answer) and (
                first is None or not exact(first) or self.is_true(first, answer))
            top3 = top1
        else:
            top1 = first is not None and self.is_true(first, answer)
            top3 = any(self.is_true(h, answer) for h in ranked[:3])
        coincidence = first is not None and exact(first) and not top1
        return {"top1": top1, "top3": top3, "coincidence": coincidence,
                "explained": answer.get("status") == "explained"}
