#!/usr/bin/env bash
# Benchmarks reading and replaying a 100,000-entry, 10,000-creative snapshot in
# release mode, in YAML and in JSON: load (parse + validate) and replay times, and
# peak memory from /usr/bin/time -v. Inputs go to bench-out/ (gitignored).
# Usage: scripts/bench-ledger.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y time
fi

swift build -c release --product bench-ledger
bin=$(swift build -c release --show-bin-path)/bench-ledger
out=bench-out
"$bin" generate "$out"
echo "cores: $(nproc)"
for file in "$out/bench-100k.json" "$out/bench-100k.yaml"; do
    echo
    /usr/bin/time -v "$bin" measure "$file" 2> "$out/time.txt"
    awk -F': ' '/Maximum resident set size/ { printf "memory:  %8.1f MiB peak resident\n", $2 / 1024 }
                /Elapsed \(wall clock\)/ { print "wall:    " $2 " for the whole run (three loads and replays)" }' "$out/time.txt"
done
