"""Pricing and ledger policy, mirroring SPEC section 2 and Rules/policy.yaml.

The generator cannot rely on a YAML library in CI, so the numbers are restated
here; `check_policy_file` compares them with Rules/policy.yaml when that file
has them, so a price change there that is not made here fails the generator.
"""

import math
import os
import re

SUBMISSION_BASE = 40
SHOWCASE_PER_SECOND = 1
CLIP_MIN_SECONDS = 4
CLIP_MAX_SECONDS = 12
PLANS = {"starter": 150, "growth": 325, "scale": 575}
RELOAD_DEFAULT = 50
PAGE_SIZE = 25
IMAGES_PER_BATCH = 9
REROLL_COST = 2
REFUND_GRACE_HOURS = 48


def clamped_seconds(clip):
    """A clip's billed seconds: rounded up, clamped to 4..12."""
    return max(CLIP_MIN_SECONDS, min(CLIP_MAX_SECONDS, math.ceil(clip)))


def showcase_deposit(clips):
    return SHOWCASE_PER_SECOND * sum(clamped_seconds(c) for c in clips)


def submission_cost(clips):
    return SUBMISSION_BASE + showcase_deposit(clips)


def check_policy_file(repo_root):
    """Warns (returns messages) where Rules/policy.yaml states a different number."""
    path = os.path.join(repo_root, "Rules", "policy.yaml")
    if not os.path.exists(path):
        return []
    text = open(path, encoding="utf-8").read()
    wanted = {
        "base": SUBMISSION_BASE,
        "tokens_per_second": SHOWCASE_PER_SECOND,
        "min": CLIP_MIN_SECONDS,
        "max": CLIP_MAX_SECONDS,
        "starter": PLANS["starter"],
        "growth": PLANS["growth"],
        "scale": PLANS["scale"],
        "default_amount": RELOAD_DEFAULT,
        "page_size": PAGE_SIZE,
        "images_per_batch": IMAGES_PER_BATCH,
        "reroll_cost": REROLL_COST,
        "refund_grace_hours": REFUND_GRACE_HOURS,
    }
    problems = []
    for key, value in wanted.items():
        m = re.search(r"^\s*%s\s*:\s*(-?\d+)\s*(#.*)?$" % re.escape(key), text, re.M)
        if m and int(m.group(1)) != value:
            problems.append("Rules/policy.yaml says %s: %s, the generator assumes %d" % (key, m.group(1), value))
    return problems
