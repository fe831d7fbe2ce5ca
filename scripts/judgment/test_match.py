#!/usr/bin/env python3
"""Table-driven tests of the match criterion: `python3 scripts/judgment/test_match.py`."""

import os
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import match  # noqa: E402


def cause(rule, amount, *entries):
    return {"rule": rule, "amount": amount, "entries": list(entries)}


def hypothesis(*causes, unexplained=0, confidence=None):
    value = {"rank": 1, "explained": sum(c["amount"] for c in causes), "unexplained": unexplained,
             "causes": list(causes)}
    if confidence:
        value["confidence"] = confidence
    return value


def answer(*hypotheses, status="explained", findings=(), **extra):
    return {"status": status, "hypotheses": list(hypotheses), "findings": list(findings), **extra}


IN_FLIGHT = {"type": "in-flight", "alternatives": [[["e-9", -88]]]}
TWO_EQUAL = {"type": "in-flight", "alternatives": [[["e-9", -88]], [["e-5", -88]]]}
RELOAD = {"type": "auto-reload", "alternatives": [[["e-7", 50], ["e-8", 50], ["e-9", -88]]],
          "related": [["e-7", "e-8", "e-9"]]}
FORGOT_CHARGE = {"type": "in-flight", "alternatives": [[["e-9", -88]]], "related": [["e-7", "e-8", "e-9"]]}
MANY_RELOADS = {"type": "balance-was", "alternatives": [[["r-%d" % i, 50] for i in range(13)] + [["c-1", -88]]],
                "related": [["r-%d" % i for i in range(13)] + ["c-1"]], "balance_was": {"after_entry": "e-1"}}
DELIVERED = {"type": "delivered", "alternatives": [[["e-3", -88], ["e-4", 3]]], "creatives": [["e-3", "e-4"]]}
CARRY = {"type": "carry-over", "alternatives": [[["expiry:e-2", -60]]]}
PRE_RENEWAL = {"type": "pre-renewal", "alternatives": [[["expiry:e-2", -60], ["e-2", 325], ["e-3", -88]]]}
COSTS_40 = {"type": "costs-40", "alternatives": [[["e-3", -48], ["e-4", -20]]]}
WAS = {"type": "balance-was", "alternatives": [[["e-3", -88], ["e-4", 2]]],
       "balance_was": {"after_entry": "e-2", "at": "2026-11-10T14:05:00Z"}}
WRONG = {"type": "wrong-number"}
CLIENT = {"type": "wrong-client", "wrong_client": {"id": "bravo", "name": "Bravo Bikes"}}
BRAVO = {"rule": "wrong-client", "severity": "warning", "entries": [],
         "text": "200 is the balance of Bravo Bikes (bravo)."}

# (name, case, answer, top1, top3, coincidence)
TABLE = [
    ("in-flight cause on the forgotten charge", IN_FLIGHT,
     answer(hypothesis(cause("in-flight-submissions", -88, "e-9"))), True, True, False),
    ("a submission cause is the same claim", IN_FLIGHT,
     answer(hypothesis(cause("submission", -88, "e-9"))), True, True, False),
    ("a deposit part of the right entry and an unrelated one", IN_FLIGHT,
     answer(hypothesis(cause("showcase-deposit", -48, "e-9"), cause("showcase-deposit", -40, "e-1"))),
     False, False, True),
    ("deposit part + the rest of the same charge elsewhere: not true", IN_FLIGHT,
     answer(hypothesis(cause("showcase-deposit", -48, "e-9"), cause("x", -40, "e-9"))), False, False, True),
    ("either of two equal charges", TWO_EQUAL,
     answer(hypothesis(cause("in-flight-submissions", -88, "e-5"))), True, True, False),
    ("unrelated entries that add up: coincidence", IN_FLIGHT,
     answer(hypothesis(cause("showcase-deposit", -48, "e-1"), cause("showcase-deposit", -40, "e-2"))),
     False, False, True),
    ("the true answer second: top-3 only", IN_FLIGHT,
     answer(hypothesis(cause("top-up", -88, "e-1")), hypothesis(cause("in-flight-submissions", -88, "e-9"))),
     False, True, True),
    ("an inexact first hypothesis is not true", IN_FLIGHT,
     answer(hypothesis(cause("in-flight-submissions", -88, "e-9"), unexplained=-3), status="partial"),
     False, False, False),
    ("a low-confidence first hypothesis does not exist", IN_FLIGHT,
     answer(hypothesis(cause("showcase-deposit", -88, "e-1"), confidence="low"),
            hypothesis(cause("submission", -88, "e-9"), confidence="high")), True, True, False),
    ("coincidences are not hypotheses", IN_FLIGHT,
     answer(hypothesis(cause("submission", -88, "e-9"), confidence="medium"),
            coincidences=[hypothesis(cause("x", -88, "e-1"), confidence="low")]), True, True, False),
    ("reloads with their charge cited, and the charge", RELOAD,
     answer(hypothesis(cause("auto-reload", 100, "e-7", "e-8", "e-9"), cause("in-flight-submissions", -88, "e-9"))),
     True, True, False),
    ("the reloads without their charge do not add up", RELOAD,
     answer(hypothesis(cause("auto-reload", 100, "e-7", "e-8", "e-9"), cause("x", -88, "e-1"))),
     False, False, True),
    ("the charge alone, its reloads not forgotten", FORGOT_CHARGE,
     answer(hypothesis(cause("submission", -88, "e-9"))), True, True, False),
    ("a reload cause citing the forgotten charge claims nothing of it", FORGOT_CHARGE,
     answer(hypothesis(cause("auto-reload", 100, "e-7", "e-8", "e-9"), cause("x", -188, "e-1"))),
     False, False, True),
    ("a large group citing the reloads' charges as context", MANY_RELOADS,
     answer(hypothesis(cause("balance-since", 13 * 50, *["r-%d" % i for i in range(13)], "c-1"),
                       cause("submission", -88, "c-1"))), True, True, False),
    ("a submission cited with its refund, the refund claimed apart", DELIVERED,
     answer(hypothesis(cause("submission", -88, "e-3", "e-4"), cause("showcase-refund", 3, "e-4"))),
     True, True, False),
    ("one cause for the creative's net", DELIVERED,
     answer(hypothesis(cause("submission", -85, "e-3", "e-4"))), True, True, False),
    ("the expiry, cited through the allocation", CARRY,
     answer(hypothesis(cause("plan-token-reset", -60, "e-2"))), True, True, False),
    ("renewal and expiry on one entry, and what came after", PRE_RENEWAL,
     answer(hypothesis(cause("cycle-renewal", 325, "e-2"), cause("plan-token-reset", -60, "e-2"),
                       cause("in-flight-submissions", -88, "e-3"))), True, True, False),
    ("one balance-since cause for everything", PRE_RENEWAL,
     answer(hypothesis(cause("balance-since", 177, "e-2", "e-3"))), True, True, False),
    ("expiry and a charge in one cause, cited through the allocation", PRE_RENEWAL,
     answer(hypothesis(cause("cycle-renewal", 325, "e-2"), cause("a", -148, "e-2", "e-3"))), True, True, False),
    ("a movement claimed twice", IN_FLIGHT,
     answer(hypothesis(cause("submission", -88, "e-9"), cause("in-flight-submissions", -88, "e-9"))),
     False, False, True),
    ("a cited entry that is neither claimed nor context", CARRY,
     answer(hypothesis(cause("plan-token-reset", -60, "e-2", "e-4"))), False, False, True),
    ("deposits of the submissions since a moment", COSTS_40,
     answer(hypothesis(cause("showcase-deposit", -48, "e-3"), cause("showcase-deposit", -20, "e-4"))),
     True, True, False),
    ("whole charges are not the deposits", COSTS_40,
     answer(hypothesis(cause("in-flight-submissions", -68, "e-3"))), False, False, True),
    ("a subset of the movements since that happens to add up", WAS,
     answer(hypothesis(cause("in-flight-submissions", -86, "e-3"))), False, False, True),
    ("balance_was at the truth's entry", WAS,
     answer(hypothesis(cause("balance-since", -86, "e-3", "e-4")), balance_was={"after_entry": "e-2"}),
     True, True, False),
    ("balance_was elsewhere", WAS,
     answer(hypothesis(cause("balance-since", -86, "e-3", "e-4")), balance_was={"after_entry": "e-1"}),
     False, False, True),
    ("balance_was null when the key exists", WAS,
     answer(hypothesis(cause("balance-since", -86, "e-3", "e-4")), balance_was=None), False, False, True),
    ("first edition: no balance_was key, the movements decide", WAS,
     answer(hypothesis(cause("in-flight-submissions", -88, "e-3"), cause("showcase-refund", 2, "e-4"))),
     True, True, False),
    ("wrong number, nothing found", WRONG, answer(status="unexplained"), True, True, False),
    ("wrong number, a partial answer", WRONG,
     answer(hypothesis(cause("x", -40, "e-1"), unexplained=-7), status="partial"), True, True, False),
    ("wrong number, explained by a coincidence", WRONG,
     answer(hypothesis(cause("x", -47, "e-1"))), False, False, True),
    ("wrong number, only low-confidence coincidences", WRONG,
     answer(hypothesis(cause("x", -47, "e-1"), confidence="low"), status="unexplained"), True, True, False),
    ("wrong client named", CLIENT, answer(status="suspicious", findings=[BRAVO]), True, True, False),
    ("wrong client named, a coincidence first", CLIENT,
     answer(hypothesis(cause("x", -47, "e-1")), status="suspicious", findings=[BRAVO]), False, False, True),
    ("wrong client as a cause", CLIENT,
     answer(hypothesis(cause("wrong-client", -47)), status="suspicious", findings=[BRAVO]), True, True, False),
    ("wrong client not named", CLIENT, answer(status="unexplained"), False, False, False),
]


class MatchTests(unittest.TestCase):
    def test_table(self):
        for name, case, given, top1, top3, coincidence in TABLE:
            with self.subTest(name):
                scores = match.Truth(case).score(given)
                self.assertEqual((scores["top1"], scores["top3"], scores["coincidence"]), (top1, top3, coincidence))

    def test_explained_share_reads_the_status(self):
        self.assertTrue(match.Truth(WRONG).score(answer(hypothesis(cause("x", 1, "e-1"))))["explained"])
        self.assertFalse(match.Truth(WRONG).score(answer(status="partial"))["explained"])


if __name__ == "__main__":
    unittest.main()
