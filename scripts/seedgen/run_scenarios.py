"""Runs every scenario of Tests/EndToEndTests/Scenarios through `credits explain --format json`
and compares the outcome as Scenarios/README.md says a test should. A development aid; the
EndToEndTests target is the real check. From the repository root, after `swift build --product credits`:

    python3 scripts/seedgen/run_scenarios.py [NAME ...]
"""

import glob
import json
import os
import subprocess
import sys
from collections import Counter

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import yamlio  # noqa: E402


def differences(scenario, output):
    expect = scenario["expect"]
    problems = []
    for key in ("status", "delta", "explained"):
        if key in expect and output.get(key) != expect[key]:
            problems.append("%s: expected %r, got %r" % (key, expect[key], output.get(key)))
    first = expect.get("first_hypothesis")
    if first is not None:
        hypotheses = output.get("hypotheses") or []
        causes = hypotheses[0]["causes"] if hypotheses else []
        want = Counter((c["rule"], c["amount"]) for c in first)
        got = Counter((c["rule"], c["amount"]) for c in causes)
        if want != got:
            problems.append("first hypothesis: expected %s, got %s" % (sorted(want.elements()), sorted(got.elements())))
        else:
            for c in first:
                if not any(g["rule"] == c["rule"] and g["amount"] == c["amount"] and set(c["entries"]) <= set(g["entries"])
                           for g in causes):
                    problems.append("cause %s %d: does not cite %s" % (c["rule"], c["amount"], c["entries"]))
    found = sorted({f["rule"] for f in output.get("findings") or []})
    if found != sorted(expect.get("findings", [])):
        problems.append("findings: expected %s, got %s" % (expect.get("findings"), found))
    banned = set(found) & set(expect.get("not_findings", []))
    if banned:
        problems.append("findings that must not fire: %s" % sorted(banned))
    return problems


def main():
    binary = subprocess.check_output(["swift", "build", "--show-bin-path"], text=True).strip() + "/credits"
    names = sys.argv[1:]
    failed = 0
    paths = sorted(glob.glob("Tests/EndToEndTests/Scenarios/*.yaml"))
    for path in paths:
        scenario = yamlio.load(open(path, encoding="utf-8").read())
        if names and scenario["name"] not in names:
            continue
        query = scenario["query"]
        arguments = [binary, "explain", "--format", "json", "--expected", str(query["expected"])]
        for key in ("actual", "since", "until", "now"):
            if key in query:
                arguments += ["--" + key, str(query[key])]
        if "snapshot_file" in scenario:
            arguments += ["--snapshot", scenario["snapshot_file"]]
            text = None
        else:
            arguments += ["--snapshot", "-"]
            text = yamlio.dump(scenario["snapshot"])
        run = subprocess.run(arguments, input=text, capture_output=True, text=True)
        try:
            output = json.loads(run.stdout)
        except ValueError:
            print("FAIL %s: exit %d, %s" % (scenario["name"], run.returncode, run.stderr.strip()[:300]))
            failed += 1
            continue
        problems = differences(scenario, output)
        if problems:
            failed += 1
            print("FAIL %s\n  %s" % (scenario["name"], "\n  ".join(problems)))
        else:
            print("ok   %s" % scenario["name"])
    print("%d failed" % failed)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
