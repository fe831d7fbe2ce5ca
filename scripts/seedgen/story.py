"""A client's history, simulated forward in time, written as a SPEC section 3 snapshot.

A story is told in time order (submit, deliver, top up, re-roll, upgrade...); the
simulator applies SPEC section 2 as it goes: renewals on the billing anniversary
(expiring unused plan tokens), auto reloads before a charge the balance cannot
cover, reconciliation after delivery. Deliberate anomalies (a wrong charge, a
missing refund, a shown balance that does not replay) are asked for explicitly.
"""

import calendar
import heapq
import math
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import policy
from yamlio import Flow


def month_day(year, month, day):
    """The anchor day in a month, the last day in a shorter month."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def iso(moment, zone=None):
    """ISO 8601 with the offset of `zone` (UTC written as Z)."""
    if zone is None or zone.key == "UTC":
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.astimezone(zone).isoformat()


class Story:
    def __init__(self, client_id, name, zone, plan, anchor, start, *, account=None,
                 auto_reload=(False, None), opening=None, entry_base=1000, creative_base=100,
                 rng=None, renewal_hour=None):
        self.client_id, self.name, self.plan = client_id, name, plan
        self.zone = ZoneInfo(zone)
        self.anchor = date.fromisoformat(anchor)
        self.account = account
        self.reload_enabled, self.reload_amount = auto_reload
        self.opening = opening
        self.plan_tokens = opening[0] if opening else 0
        self.rollover = opening[1] if opening else 0
        self.outstanding = 0
        self.entries, self.creatives, self.plan_changes = [], {}, []
        self.other_clients, self.reports = [], []
        self.eid, self.cid = entry_base, creative_base
        self.rng = rng
        self.clock = self.local(start)
        self.pending, self.sequence = [], 0
        self.renewal_hour = renewal_hour
        self.allocation_overrides = {}   # anniversary date -> amount logged instead of the plan's
        self.marks = {}          # name -> balance at a point of the story
        self.labels = {}         # name -> entry id
        self._schedule_renewals()

    # ---- time ----------------------------------------------------------

    def local(self, text):
        """'2026-11-20 10:14' (local wall time) or an aware datetime."""
        if isinstance(text, datetime):
            return text if text.tzinfo else text.replace(tzinfo=self.zone)
        return datetime.fromisoformat(text).replace(tzinfo=self.zone)

    def _renewal_time(self, day):
        """A time on the anniversary whose date is the same in the client's zone and in UTC."""
        hours = [self.renewal_hour] if self.renewal_hour is not None else range(6, 16)
        for hour in hours:
            moment = datetime(day.year, day.month, day.day, hour, 0, tzinfo=self.zone)
            if moment.astimezone(timezone.utc).date() == day:
                return moment
        raise ValueError("no renewal hour for %s" % day)

    def _schedule_renewals(self):
        year, month = self.anchor.year, self.anchor.month
        start = self.clock
        for _ in range(60):
            moment = self._renewal_time(month_day(year, month, self.anchor.day))
            if moment >= start:
                self._later(moment, self._renew)
            month += 1
            if month == 13:
                year, month = year + 1, 1

    def _later(self, moment, action):
        self.sequence += 1
        heapq.heappush(self.pending, (moment, self.sequence, action))

    def advance(self, moment):
        """Runs what was due up to `moment` (renewals, deliveries, refunds), in time order."""
        moment = self.local(moment)
        if moment < self.clock:
            raise ValueError("%s: story went back in time to %s (clock %s)" % (self.client_id, moment, self.clock))
        while self.pending and self.pending[0][0] <= moment:
            when, _, action = heapq.heappop(self.pending)
            self.clock = max(self.clock, when)
            action(when)
        self.clock = max(self.clock, moment)

    # ---- the ledger ----------------------------------------------------

    @property
    def balance(self):
        return self.plan_tokens + self.rollover

    def next_entry_id(self):
        self.eid += self.rng.choice([1, 1, 1, 2, 3, 4, 7]) if self.rng else 1
        return "e-%d" % self.eid

    def _log(self, when, kind, amount, creative=None, note=None, label=None):
        entry = {"id": self.next_entry_id(), "at": iso(when, self.zone), "type": kind, "amount": amount}
        if creative:
            entry["creative"] = creative
        if note:
            entry["note"] = note
        self.entries.append(entry)
        if label:
            self.labels[label] = entry["id"]
        # the buckets, as SPEC section 2 says
        if kind == "plan_allocation":
            self.plan_tokens = amount
        elif amount > 0 and kind == "mid_cycle_proration":
            self.plan_tokens += amount
        elif amount > 0:
            self.rollover += amount
        elif amount < 0:
            need = -amount
            if kind == "showcase_overage":
                covered = min(need, max(0, self.balance))
                self.outstanding += need - covered
                need = covered
            from_plan = min(max(self.plan_tokens, 0), need)
            self.plan_tokens -= from_plan
            self.rollover -= need - from_plan
        return entry["id"]

    def _charge(self, when, kind, cost, creative=None, note=None, label=None, reload=True):
        """A deduction; auto reload first when it is on and the balance cannot cover it."""
        if reload and self.reload_enabled and cost > self.balance:
            times = math.ceil((cost - self.balance) / self.reload_amount)
            for _ in range(times):
                self._log(when, "auto_reload", self.reload_amount,
                          label=(label + ":reload") if label else None)
        return self._log(when, kind, -cost, creative, note, label)

    def _renew(self, when):
        amount = self.allocation_overrides.get(when.date().isoformat(), policy.PLANS[self.plan])
        self._log(when, "plan_allocation", amount, label="renewal:%s" % when.date())

    def misallocate(self, day, amount):
        """The renewal of `day` (local date) logs `amount` instead of the plan's allocation."""
        self.allocation_overrides[day] = amount

    # ---- what happens in a story ------------------------------------------

    def mark(self, name):
        self.marks[name] = self.balance

    def submit(self, when, title, clips, *, deliver_after=None, delivered=None, charge=None,
               reconcile=True, reconcile_amount=None, reconcile_after_minutes=None, label=None):
        """A creative submitted: one charge of base + deposit (unless `charge` overrides it)."""
        when = self.local(when)
        self.advance(when)
        self.cid += self.rng.choice([1, 1, 2, 3]) if self.rng else 1
        cid = "cr-%d" % self.cid
        self.creatives[cid] = {
            "id": cid, "title": title, "submitted_at": iso(when, self.zone), "status": "in_flight",
            "delivered_at": None, "clips": list(clips), "delivered_seconds": None,
        }
        cost = policy.submission_cost(clips) if charge is None else charge
        self._charge(when, "submission", cost, creative=cid, label=label)
        if label:
            self.labels[label + ":creative"] = cid
        if deliver_after is not None:
            at = when + timedelta(seconds=round(deliver_after * 3600))
            self._later(at, lambda moment: self._deliver(cid, moment, delivered, reconcile,
                                                         reconcile_amount, reconcile_after_minutes, label))
        return cid

    def deliver(self, cid, when, delivered, **options):
        when = self.local(when)
        self.advance(when)
        self._deliver(cid, when, delivered, options.get("reconcile", True), options.get("reconcile_amount"),
                      options.get("reconcile_after_minutes"), options.get("label"))

    def _deliver(self, cid, when, delivered, reconcile, amount, after_minutes, label):
        creative = self.creatives[cid]
        deposit = policy.showcase_deposit(creative["clips"])
        if not deposit:
            delivered = None          # no showcase: nothing to reconcile
        elif delivered is None:
            delivered = deposit
        elif isinstance(delivered, str):      # "-3": relative to the deposit
            delivered = deposit + int(delivered)
        creative.update(status="delivered", delivered_at=iso(when, self.zone), delivered_seconds=delivered)
        if not reconcile or delivered is None:
            return
        difference = deposit - delivered if amount is None else amount
        if difference == 0:
            return
        minutes = after_minutes if after_minutes is not None else (self.rng.choice([2, 4, 7, 11, 18]) if self.rng else 5)
        at = when + timedelta(minutes=minutes)
        kind = "submission_refund" if difference > 0 else "showcase_overage"
        tag = (label + ":reconcile") if label else None
        self._later(at, lambda moment: self._log(moment, kind, difference, creative=cid, label=tag))

    def images(self, when, rerolls, note=None, label=None):
        """Persona / avatar re-rolls: 2 tokens each (every image_generation entry is priced as re-rolls)."""
        when = self.local(when)
        self.advance(when)
        return self._charge(when, "image_generation", rerolls * policy.REROLL_COST, note=note, label=label)

    def top_up(self, when, amount, note=None, label=None):
        when = self.local(when)
        self.advance(when)
        return self._log(when, "manual_top_up", amount, note=note, label=label)

    def adjust(self, when, amount, note, label=None):
        when = self.local(when)
        self.advance(when)
        if amount < 0:
            return self._charge(when, "admin_adjustment", -amount, note=note, label=label, reload=False)
        return self._log(when, "admin_adjustment", amount, note=note, label=label)

    def raw(self, when, kind, amount, creative=None, note=None, label=None):
        """An entry written as given (an unknown type, a wrong amount, a duplicate)."""
        when = self.local(when)
        self.advance(when)
        return self._log(when, kind, amount, creative, note, label)

    def change_plan(self, when, to, label=None):
        """A mid-cycle plan change, prorated: (new - old allocation) x days left / days in the cycle, rounded toward zero."""
        when = self.local(when)
        self.advance(when)
        today = when.date()
        start = month_day(today.year, today.month, self.anchor.day)
        if start > today:
            previous = (today.replace(day=1) - timedelta(days=1))
            start = month_day(previous.year, previous.month, self.anchor.day)
        after = start.replace(day=28) + timedelta(days=7)
        end = month_day(after.year, after.month, self.anchor.day)
        days_left, days = (end - today).days, (end - start).days
        difference = policy.PLANS[to] - policy.PLANS[self.plan]
        amount = int(math.copysign(abs(difference) * days_left // days, difference))
        note = "%s to %s: %+d tokens x %d of %d days left in the cycle" % (
            self.plan.capitalize(), to.capitalize(), difference, days_left, days)
        self.plan_changes.append(Flow(at=iso(when, self.zone), **{"from": self.plan, "to": to}))
        self.plan = to
        if amount > 0:
            return self._log(when, "mid_cycle_proration", amount, note=note, label=label)
        return self._charge(when, "mid_cycle_proration", -amount, note=note, label=label, reload=False)

    def report(self, report_id, when, expected, actual, note):
        self.reports.append(Flow(id=report_id, opened_at=iso(self.local(when), self.zone),
                                 expected=expected, actual=actual, note=note))

    def other(self, client_id, name, balance):
        self.other_clients.append(Flow(id=client_id, name=name, balance=balance))

    # ---- the snapshot ----------------------------------------------------

    def snapshot(self, now, shown_balance=None):
        """The document as of `now` (UTC text); the shown balance is the replayed one unless given."""
        moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
        self.advance(moment)
        document = {"snapshot_version": 1, "generated_at": now}
        if self.account:
            document["account"] = Flow(id=self.account[0], name=self.account[1])
        document["client"] = {
            "id": self.client_id, "name": self.name, "timezone": self.zone.key, "plan": self.plan,
            "billing_anchor": self.anchor.isoformat(),
            "auto_reload": Flow(enabled=self.reload_enabled, amount=self.reload_amount)
            if self.reload_enabled or self.reload_amount else Flow(enabled=False),
            "balance": self.balance if shown_balance is None else shown_balance,
            "outstanding": self.outstanding,
        }
        if self.opening:
            document["opening"] = {"plan_tokens": self.opening[0], "rollover_tokens": self.opening[1]}
        document["entries"] = self.entries
        document["creatives"] = list(self.creatives.values())
        document["plan_changes"] = self.plan_changes
        document["other_clients"] = self.other_clients
        document["reports"] = self.reports
        return document
