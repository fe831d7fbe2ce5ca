"""Customer mistakes drawn from the help article, and the truth each one leaves.

A mistake picks the movements of a history that the customer did not count; the
expected number is `actual - (sum of those movements)`. Its truth is a list of
acceptable movement sets (movements of the same kind and amount are
interchangeable: forgetting one of two -88 in-flight submissions is forgetting
either). A movement is `(key, amount)`: an entry id with the balance movement it
made (what a `showcase_overage` took from the balance, not what went to the
outstanding balance), `expiry:<allocation id>` for plan tokens expired at a
renewal, or an entry id with a part of its amount (the showcase deposit of a
submission, for the customer who thought every creative costs 40).

Ambiguity the explainer cannot resolve is avoided by construction: a case is
rejected (and the history drawn again) when another simple story (one movement,
a charge with its reloads, a day of re-rolls, in-flight submissions, the deposits
since a submission, a creative with its reconciliation, a renewal with its expiry)
that is not an acceptable truth adds up to the same difference, or when the
expected number was the real balance at a later moment than the truth implies.
"""

import itertools
from datetime import timedelta

import history as hist
import policy                 # scripts/seedgen, on the path that history puts there
from ledger import parse_time

SINGLE = ["in-flight", "delivered", "costs-40", "carry-over", "pre-renewal", "auto-reload", "reroll-day",
          "refund-overage", "adjustment", "top-up", "upgrade"]
TYPES = SINGLE + ["wrong-client", "balance-was", "two-at-once", "wrong-number"]
PAIRABLE = ["in-flight", "delivered", "costs-40", "carry-over", "renewal", "auto-reload", "reroll-day",
            "refund-overage", "adjustment", "top-up", "upgrade"]
# every two of them, but the renewal and its own expiry
PAIRS = [pair for pair in itertools.combinations(PAIRABLE, 2) if pair != ("carry-over", "renewal")]
NEEDS = {"in-flight": {"in-flight"}, "carry-over": {"quiet-cycle"}, "pre-renewal": {"recent-renewal"},
         "auto-reload": {"auto-reload"}, "reroll-day": {"reroll-day"}, "adjustment": {"adjustment"},
         "top-up": {"top-up"}, "upgrade": {"upgrade"}}
DESCRIPTIONS = {
    "in-flight": "forgot 1 to 3 submissions still in production",
    "delivered": "forgot a delivered submission (its charge and its reconciliation, if one landed)",
    "costs-40": "thought every creative costs 40: the deposits of every submission since one of them",
    "carry-over": "expected unused plan tokens to carry over: the expiry at the last renewal",
    "pre-renewal": "quoted the balance from before the last renewal (a few days ago): everything since",
    "auto-reload": "missed an auto reload and the charge it paid for",
    "reroll-day": "forgot a day of persona re-rolls (every image_generation entry of one local day)",
    "refund-overage": "did not expect a reconciliation: a refund or an overage",
    "adjustment": "did not know of an admin adjustment",
    "top-up": "forgot a manual top-up",
    "upgrade": "did not expect the proration of a mid-cycle upgrade",
    "wrong-client": "quoted another client's balance (the wrong-client finding must name it)",
    "balance-was": "remembered the balance at an earlier moment (balance_was and everything since)",
    "two-at-once": "two mistakes at once: two of the first ten but pre-renewal, or a renewal (allocation and expiry)",
    "wrong-number": "a number that is simply wrong: no simple story explains it; must not be `explained`",
}


class Rejected(Exception):
    """This history cannot carry this mistake without ambiguity: draw another."""


RECONCILIATION = ("submission_refund", "showcase_overage")


def movements_of(items):
    return frozenset((m.key, m.amount) for m in items)


def total(moves):
    return sum(amount for _, amount in moves)


# ---- the simple stories a customer's number could come from ---------------------------


def simple_stories(h):
    """Every simple story of the window: (movement set, name)."""
    found = {}

    def add(moves, name):
        moves = frozenset(moves)
        if moves and total(moves) != 0:
            found.setdefault(moves, name)

    for m in h.movements:
        add({(m.key, m.amount)}, "movement")
    for group in reload_stories(h):
        add(movements_of(group), "reload with its charge")
        add(movements_of(m for m in group if m.type not in RECONCILIATION), "reload with its charge")
    days = {}
    for m in h.movements:
        if m.type == "image_generation":
            days.setdefault(h.local_day(m), []).append(m)
    for items in days.values():
        add(movements_of(items), "a day of re-rolls")
    flying = in_flight(h)
    for size in (2, 3):
        for combo in itertools.combinations(flying[-10:], size):
            add(movements_of(combo), "in-flight submissions")
    deposits = [(m.key, -deposit(h, m)) for m in submissions(h) if deposit(h, m) > 0]
    for start in range(len(deposits)):
        add(deposits[start:], "deposits since a submission")
    for items in creative_nets(h).values():
        add(movements_of(items), "a creative with its reconciliation")
    for m in h.movements:
        if m.type == "plan_tokens_expired":
            add(movements_of([m, h.by_key[m.key[len("expiry:"):]]]), "a renewal with its expiry")
    return found


def submissions(h):
    return [m for m in h.movements if m.type == "submission"]


def deposit(h, m):
    creative = h.creatives.get(m.entry.get("creative"))
    return policy.showcase_deposit(creative["clips"]) if creative else 0


def in_flight(h):
    return [m for m in submissions(h)
            if h.creatives.get(m.entry.get("creative"), {}).get("status") == "in_flight"]


def creative_nets(h):
    """Delivered creative id -> its charge and reconciliation movements in the window."""
    nets = {}
    for m in h.movements:
        creative = m.entry.get("creative")
        if creative and h.creatives[creative]["status"] == "delivered" and m.type in ("submission",) + RECONCILIATION:
            nets.setdefault(creative, []).append(m)
    return {c: items for c, items in nets.items() if items[0].type == "submission"}


def same_kind_alternatives(chosen, pool, signature):
    """Every choice from `pool` of as many items whose signatures match the chosen ones'."""
    wanted = sorted(signature(c) for c in chosen)
    found = set()
    matching = [p for p in pool if signature(p) in wanted]
    for combo in itertools.combinations(matching, len(chosen)):
        if sorted(signature(c) for c in combo) == wanted:
            found.add(frozenset().union(*(c if isinstance(c, frozenset) else movements_of([c]) for c in combo)))
        if len(found) > 50:
            break
    return found


# ---- the mistakes -----------------------------------------------------------------------


def single_of_type(h, rng, kinds, predicate=lambda m: True):
    pool = [m for m in h.movements if m.type in kinds and h.inside(m) and predicate(m)]
    if not pool:
        raise Rejected("no %s in the window" % "/".join(kinds))
    chosen = rng.choice(pool[-6:] if rng.random() < 0.6 else pool)
    return same_kind_alternatives([chosen], pool, lambda m: (m.type, m.amount))


def truth_in_flight(h, rng):
    pool = [m for m in in_flight(h) if h.inside(m)]
    if not pool:
        raise Rejected("nothing in flight")
    count = min(rng.randint(1, 3), len(pool))
    chosen = pool[-count:] if rng.random() < 0.6 else sorted(rng.sample(pool, count), key=pool.index)
    return same_kind_alternatives(chosen, pool, lambda m: m.amount)


def truth_delivered(h, rng):
    nets = [movements_of(items) for items in creative_nets(h).values()
            if all(h.inside(m) for m in items)]
    if not nets:
        raise Rejected("no delivered creative")
    chosen = rng.choice(nets)
    return same_kind_alternatives([chosen], nets, lambda moves: tuple(sorted(a for _, a in moves)))


def truth_costs_40(h, rng):
    subs = [m for m in submissions(h) if h.inside(m) and deposit(h, m) > 0]
    if len(subs) < 2:
        raise Rejected("fewer than two showcase submissions")
    start = rng.randint(max(0, len(subs) - 10), len(subs) - 2)
    return {frozenset((m.key, -deposit(h, m)) for m in subs[start:])}


def truth_carry_over(h, rng):
    expiries = [m for m in h.movements if m.type == "plan_tokens_expired" and h.inside(m)]
    allocations = [m for m in h.movements if m.type == "plan_allocation"]
    if not expiries or not allocations or expiries[-1].key != hist.expiry_key(allocations[-1].key):
        raise Rejected("no expiry at the last renewal")
    return {movements_of([expiries[-1]])}


def truth_renewal(h, rng):
    """Did not know the plan renewed: the last allocation and the expiry that came with it."""
    allocations = [m for m in h.movements if m.type == "plan_allocation" and h.inside(m)]
    if not allocations:
        raise Rejected("no renewal in the window")
    allocation = allocations[-1]
    expiry = h.by_key.get(hist.expiry_key(allocation.key))
    return {movements_of([allocation] + ([expiry] if expiry else []))}


def truth_pre_renewal(h, rng):
    allocations = [m for m in h.movements if m.type == "plan_allocation" and h.inside(m)]
    if not allocations or h.now - allocations[-1].at > timedelta(days=4):
        raise Rejected("no renewal in the last four days")
    keys = [m.key for m in h.movements]
    allocation = allocations[-1].key
    start = keys.index(hist.expiry_key(allocation)) if hist.expiry_key(allocation) in keys else keys.index(allocation)
    return {movements_of(h.movements[start:])}


def reload_stories(h):
    """Auto reloads with the charge they paid for, and that creative's reconciliation when one landed."""
    keys = h.by_key
    groups = []
    for group in h.reload_groups:
        if all(k in keys for k in group):
            items = [keys[k] for k in group]
            creative = items[-1].entry.get("creative")
            items += [m for m in h.movements if creative and m.entry.get("creative") == creative
                      and m.type in RECONCILIATION]
            groups.append(items)
    return groups


def truth_auto_reload(h, rng):
    """Missed an auto reload and the charge it paid for (the whole creative: its reconciliation too)."""
    groups = [g for g in reload_stories(h) if all(h.inside(m) for m in g)]
    if not groups:
        raise Rejected("no auto reload in the window")
    chosen = rng.choice(groups[-4:] if rng.random() < 0.6 else groups)
    pool = [movements_of(g) for g in groups]
    return same_kind_alternatives([movements_of(chosen)], pool, lambda moves: tuple(sorted(a for _, a in moves)))


def truth_reroll_day(h, rng):
    reloaded = {k for g in h.reload_groups for k in g}
    days = {}
    for m in h.movements:
        if m.type == "image_generation" and h.inside(m):
            days.setdefault(h.local_day(m), []).append(m)
    days = [items for items in days.values() if not any(m.key in reloaded for m in items)]
    if not days:
        raise Rejected("no day of re-rolls")
    bursts = [items for items in days if len(items) > 1]
    chosen = rng.choice(bursts if bursts and rng.random() < 0.8 else days)
    pool = [movements_of(items) for items in days]
    return same_kind_alternatives([movements_of(chosen)], pool, total)


def truth_refund_overage(h, rng):
    return single_of_type(h, rng, RECONCILIATION)


def truth_adjustment(h, rng):
    return single_of_type(h, rng, ("admin_adjustment",))


def truth_top_up(h, rng):
    return single_of_type(h, rng, ("manual_top_up",))


def truth_upgrade(h, rng):
    return single_of_type(h, rng, ("mid_cycle_proration",), lambda m: m.amount > 0)


TRUTHS = {"in-flight": truth_in_flight, "delivered": truth_delivered, "costs-40": truth_costs_40,
          "carry-over": truth_carry_over, "renewal": truth_renewal, "pre-renewal": truth_pre_renewal, "auto-reload": truth_auto_reload,
          "reroll-day": truth_reroll_day, "refund-overage": truth_refund_overage,
          "adjustment": truth_adjustment, "top-up": truth_top_up, "upgrade": truth_upgrade}


# ---- checks that keep a case unambiguous --------------------------------------------------


def latest_moment_with(h, balance):
    """The index of the latest moment of the window whose balance is `balance`, or None."""
    for index in range(len(h.moments) - 1, -1, -1):
        if h.moments[index][1] == balance:
            return index
    return None


def stories_adding_up(stories, difference, pairs):
    """Every simple story, and with `pairs` every two with disjoint movements, that adds up to `difference`."""
    for moves in stories:
        if total(moves) == difference:
            yield moves
    if pairs:
        by_sum = {}
        for moves in stories:
            by_sum.setdefault(total(moves), []).append(moves)
        for first in stories:
            for second in by_sum.get(difference - total(first), []):
                if not ({k for k, _ in first} & {k for k, _ in second}):
                    yield first | second


def check_unambiguous(h, alternatives, stories, pairs=False):
    """Rejects a truth that another simple story (or two, with `pairs`), or an earlier real balance,
    also explains."""
    difference = total(next(iter(alternatives)))
    if difference == 0:
        raise Rejected("no difference")
    if h.actual - difference < 0:
        raise Rejected("a negative expected balance")
    for moves in stories_adding_up(stories, difference, pairs):
        if moves not in alternatives:
            raise Rejected("%s adds up to the same %+d" % (stories.get(moves, "two other stories"), difference))
    moment = latest_moment_with(h, h.actual - difference)
    if moment is not None:
        since = movements_of(h.since_moment(moment))
        if since not in alternatives:
            raise Rejected("the expected number was the balance at a later moment")


def reachable_by_stories(stories, difference):
    """Whether one simple story, or two with disjoint movements, adds up to `difference`."""
    return next(stories_adding_up(stories, difference, pairs=True), None) is not None


class Without:
    """A history whose movements `keys` are already another mistake's: the second mistake of two
    picks from the rest (forgot two in-flight submissions and thought the others cost 40)."""

    def __init__(self, h, keys):
        self._h, self._keys = h, set(keys)

    def __getattr__(self, name):
        return getattr(self._h, name)

    def inside(self, movement):
        return movement.key not in self._keys and self._h.inside(movement)


# ---- a case --------------------------------------------------------------------------------


def make(h, rng, kind, parts=None):
    """The truth of mistake `kind` on history `h`: a dict for the manifest (raises Rejected)."""
    stories = simple_stories(h)
    other_balances = {o["balance"] for o in h.document.get("other_clients") or []}
    case = {"type": kind}
    if kind in TRUTHS:
        alternatives = TRUTHS[kind](h, rng)
        check_unambiguous(h, alternatives, stories)
    elif kind == "two-at-once":
        first, second = parts
        a = TRUTHS[first](h, rng)
        b = TRUTHS[second](Without(h, {k for x in a for k, _ in x}), rng)
        if any({k for k, _ in x} & {k for k, _ in y} for x in a for y in b):
            raise Rejected("the two mistakes overlap")
        alternatives = {x | y for x in a for y in b}
        if len({total(x) for x in alternatives}) != 1:
            raise Rejected("the two mistakes overlap")
        check_unambiguous(h, alternatives, stories, pairs=True)
        case["parts"] = [first, second]
    elif kind == "balance-was":
        alternatives, moment = pick_balance_was(h, rng, stories)
        entry = h.moments[moment][0]
        case["balance_was"] = {"after_entry": entry, "at": h.entries[entry]["at"]}
    elif kind == "wrong-number":
        difference = pick_wrong_difference(h, rng, stories, other_balances)
        case["expected"] = h.actual - difference
        return case
    elif kind == "wrong-client":
        return pick_wrong_client(h, rng, stories, case)
    else:
        raise ValueError(kind)
    difference = total(next(iter(alternatives)))
    case["expected"] = h.actual - difference
    if case["expected"] in other_balances:
        raise Rejected("another client's balance")
    case["alternatives"] = [sorted(moves) for moves in sorted(alternatives, key=sorted)]
    return case


def pick_balance_was(h, rng, stories):
    """An entry after which the balance was one it never was again, a few to thirty movements ago."""
    later_balances = set()
    choices = []
    for index in range(len(h.moments) - 1, -1, -1):
        key, balance = h.moments[index]
        # a moment the customer could have seen: not inside one operation (reloads before their charge)
        seen = index + 1 < len(h.moments) and (h.moments[index + 1][0] is None or
                                               h.entries.get(h.moments[index + 1][0].lstrip("~"), {}).get("at")
                                               != h.entries.get(key, {}).get("at"))
        if (key and not key.startswith("~") and balance not in later_balances and seen
                and parse_time(h.entries[key]["at"]) >= h.since + hist.MARGIN):
            since = h.since_moment(index)
            if 2 <= len(since) <= 30 and all(h.inside(m) for m in since) and total(movements_of(since)) != 0:
                choices.append(index)
        later_balances.add(balance)
    if not choices:
        raise Rejected("no earlier balance to remember")
    moment = rng.choice(choices)
    alternatives = {movements_of(h.since_moment(moment))}
    check_unambiguous(h, alternatives, stories)
    return alternatives, moment


def pick_wrong_difference(h, rng, stories, other_balances):
    """A difference no simple story (nor two) reaches, that was never the balance: a plain mistake."""
    balances = {b for _, b in h.moments}
    for _ in range(200):
        draw = rng.random()
        if draw < 0.4:     # a round number near the balance
            expected = max(0, round((h.actual + rng.randint(-300, 300)) / 50) * 50)
        elif draw < 0.6:   # the balance mistyped: two digits swapped, or one off by one
            digits = list(str(h.actual).rjust(2, "0"))
            at = rng.randrange(len(digits) - 1)
            if rng.random() < 0.5:
                digits[at], digits[at + 1] = digits[at + 1], digits[at]
            else:
                digits[at] = str((int(digits[at]) + rng.choice([1, 9])) % 10)
            expected = int("".join(digits))
        else:              # misremembered
            expected = max(0, h.actual + rng.choice([-1, 1]) * rng.randint(3, 400))
        difference = h.actual - expected
        if (difference and expected not in balances and expected not in other_balances
                and not reachable_by_stories(stories, difference)):
            return difference
    raise Rejected("every number near the balance is a story")


def pick_wrong_client(h, rng, stories, case):
    """Another client of the account whose balance the customer quoted."""
    balances = {b for _, b in h.moments}
    others = h.document["other_clients"]
    other = rng.choice(others)
    for _ in range(100):
        value = rng.randint(0, 900)
        if (value != h.actual and value not in balances and not reachable_by_stories(stories, h.actual - value)
                and all(o["balance"] != value for o in others if o is not other)):
            other["balance"] = value
            case["expected"] = value
            case["wrong_client"] = {"id": other["id"], "name": other["name"]}
            return case
    raise Rejected("no balance for the other client that no story explains")
